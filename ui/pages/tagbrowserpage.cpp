#include "pages/tagbrowserpage.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

namespace {
constexpr int kTagIdRole = Qt::UserRole + 1;
}

TagBrowserPage::TagBrowserPage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_filter(new QLineEdit(this))
    , m_list(new QTreeWidget(this))
    , m_rename(new QPushButton(this))
{
    setObjectName(QStringLiteral("tagBrowser"));
    m_list->setObjectName(QStringLiteral("tagList"));
    m_filter->setObjectName(QStringLiteral("tagFilter"));
    m_rename->setObjectName(QStringLiteral("renameTag"));
    m_list->setRootIsDecorated(false);
    m_list->setColumnCount(2);
    m_list->setSortingEnabled(true);
    m_list->setUniformRowHeights(true);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_filter->setClearButtonEnabled(true);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_hint->setEnabled(false);

    auto* header = new QHBoxLayout;
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_hint, 1);
    header->addWidget(m_filter);
    header->addWidget(m_rename);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->addLayout(header);
    layout->addWidget(m_list);

    connect(m_filter, &QLineEdit::textChanged, this, &TagBrowserPage::populate);
    connect(m_rename, &QPushButton::clicked, this, &TagBrowserPage::renameCurrent);
    connect(m_list, &QTreeWidget::itemActivated, this,
        [this](QTreeWidgetItem* item) { Q_EMIT tagActivated(item->data(0, kTagIdRole).toLongLong(), item->text(0)); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, [this] { m_rename->setEnabled(currentTagId() != 0); });
    retranslate();
}

TagBrowserPage::~TagBrowserPage()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

void TagBrowserPage::setLanguage(const QString& language)
{
    if (language == m_language)
        return;
    m_language = language;
    reload();
}

void TagBrowserPage::reload()
{
    if (m_library.isEmpty())
        return;
    if (m_watcher) {
        m_reloadAgain = true;
        return;
    }
    m_watcher = new QFutureWatcher<QList<TagCount>>(this);
    connect(m_watcher, &QFutureWatcher<QList<TagCount>>::finished, this, [this] {
        m_tags = m_watcher->result();
        m_watcher->deleteLater();
        m_watcher = nullptr;
        populate();
        if (m_reloadAgain) {
            m_reloadAgain = false;
            reload();
        }
    });
    const QString library = m_library;
    const QString lang = m_language;
    m_watcher->setFuture(QtConcurrent::run([library, lang] {
        const QList<TagCount> tags = TagStore(library).tagCounts(lang);
        return tags;
    }));
}

void TagBrowserPage::populate()
{
    const qint64 current = currentTagId();
    const QString filter = m_filter->text().trimmed();
    m_list->setSortingEnabled(false);
    m_list->clear();
    const QLocale locale;
    for (const TagCount& t : m_tags) {
        if (t.photos <= 0)
            continue;
        if (!filter.isEmpty() && !t.name.contains(filter, Qt::CaseInsensitive)
            && !t.key.contains(filter, Qt::CaseInsensitive))
            continue;
        auto* item = new QTreeWidgetItem(m_list);
        item->setText(0, t.name);
        item->setData(0, kTagIdRole, t.tagId);
        item->setData(1, Qt::DisplayRole, t.photos);
        item->setTextAlignment(1, Qt::AlignRight | Qt::AlignVCenter);
        if (t.tagId == current)
            m_list->setCurrentItem(item);
    }
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(1, Qt::DescendingOrder);
    m_hint->setText(m_tags.isEmpty() ? tr("No tags yet: tags appear as photos are analysed, or add your own "
                                          "from a photo's context menu.")
                                     : tr("%n tag(s)", nullptr, int(m_list->topLevelItemCount())));
    m_rename->setEnabled(currentTagId() != 0);
}

qint64 TagBrowserPage::currentTagId() const
{
    const QTreeWidgetItem* item = m_list->currentItem();
    return item ? item->data(0, kTagIdRole).toLongLong() : 0;
}

bool TagBrowserPage::renameTag(qint64 tagId, const QString& name, QString* error)
{
    // A single-row update: quick enough for the UI thread, and the list must show it right away.
    if (!TagStore(m_library).renameTag(tagId, m_language, name.trimmed(), error))
        return false;
    reload();
    Q_EMIT tagsChanged();
    return true;
}

void TagBrowserPage::renameCurrent()
{
    const QTreeWidgetItem* item = m_list->currentItem();
    if (!item)
        return;
    bool ok = false;
    const QString name = QInputDialog::getText(
        this, tr("Rename Tag"), tr("New name for “%1”:").arg(item->text(0)), QLineEdit::Normal, item->text(0), &ok);
    if (!ok || name.trimmed().isEmpty())
        return;
    QString error;
    if (!renameTag(item->data(0, kTagIdRole).toLongLong(), name, &error))
        QMessageBox::warning(this, tr("Rename Tag"), tr("The tag could not be renamed: %1").arg(error));
}

void TagBrowserPage::retranslate()
{
    m_title->setText(tr("Tags"));
    m_filter->setPlaceholderText(tr("Filter tags"));
    m_rename->setText(tr("Rename…"));
    m_list->setHeaderLabels({ tr("Tag"), tr("Photos") });
    populate();
}

void TagBrowserPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
