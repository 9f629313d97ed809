#include "pages/gridpage.h"

#include "pages/emptylibrarywidget.h"
#include "shell/appsettings.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"
#include "tuning.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace shoebox {

GridPage::GridPage(PhotoListModel* model, ThumbnailLoader* loader, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new PhotoGridView(loader, this))
    , m_empty(new EmptyLibraryWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_count(new QLabel(this))
    , m_zoom(new QSlider(Qt::Horizontal, this))
{
    m_view->setObjectName(QStringLiteral("photoGrid"));
    m_view->setModel(model);
    m_view->setThumbnailSize(AppSettings::thumbnailSize());
    m_zoom->setObjectName(QStringLiteral("zoomSlider"));
    m_zoom->setRange(tuning::kMinThumbnailSize, tuning::kMaxThumbnailSize);
    m_zoom->setValue(m_view->thumbnailSize());
    m_zoom->setFixedWidth(140);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.25);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* header = new QHBoxLayout;
    header->setContentsMargins(12, 8, 12, 4);
    header->addWidget(m_title);
    header->addSpacing(8);
    header->addWidget(m_count);
    header->addStretch();
    header->addWidget(m_zoom);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(header);
    layout->addWidget(m_stack);

    connect(m_zoom, &QSlider::valueChanged, this, [this](int size) {
        m_view->setThumbnailSize(size);
        AppSettings::setThumbnailSize(m_view->thumbnailSize());
    });
    connect(m_view, &PhotoGridView::zoomRequested, this, &GridPage::zoomBy);
    connect(m_empty, &EmptyLibraryWidget::chooseFoldersRequested, this, &GridPage::chooseFoldersRequested);
    connect(model, &PhotoListModel::loaded, this, [this] {
        updateCount();
        updateEmptyState();
    });
    connect(model, &QAbstractItemModel::rowsInserted, this, &GridPage::updateCount);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &GridPage::updateCount);
}

void GridPage::setTitle(const QString& title)
{
    m_title->setText(title);
}

void GridPage::zoomBy(int steps)
{
    m_zoom->setValue(m_zoom->value() + steps * 16);
}

void GridPage::setLibraryEmpty(bool empty)
{
    m_libraryEmpty = empty;
    updateEmptyState();
}

void GridPage::updateEmptyState()
{
    const bool showInvite = m_libraryEmpty && m_model->rowCount() == 0 && !m_model->isFiltered();
    m_stack->setCurrentWidget(showInvite ? static_cast<QWidget*>(m_empty) : m_view);
    m_zoom->setVisible(!showInvite);
    m_count->setVisible(!showInvite);
}

void GridPage::updateCount()
{
    m_count->setText(tr("%Ln photo(s)", nullptr, m_model->rowCount()));
    if (m_model->rowCount() > 0 && m_libraryEmpty) {
        m_libraryEmpty = false;
        updateEmptyState();
    }
}

void GridPage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        updateCount();
    QWidget::changeEvent(event);
}

} // namespace shoebox
