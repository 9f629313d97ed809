#include "duplicates/duplicatesdialog.h"

#include "background.h"

#include "duplicates/duplicateactions.h"
#include "duplicates/duplicatecompare.h"
#include "duplicates/duplicatefinder.h"
#include "duplicates/duplicategrouplist.h"
#include "duplicates/duplicatestore.h"
#include "pages/imageview.h"

#include <QCloseEvent>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QVBoxLayout>

namespace shoebox {

DuplicatesDialog::DuplicatesDialog(QString libraryPath, const QStringList& folders, QWidget* parent)
    : QDialog(parent)
    , m_library(std::move(libraryPath))
    , m_level(new QComboBox(this))
    , m_scope(new QComboBox(this))
    , m_find(new QPushButton(this))
    , m_status(new QLabel(this))
    , m_list(new DuplicateGroupList(this))
    , m_compare(new DuplicateCompare(this))
    , m_trash(new QPushButton(this))
    , m_keepAll(new QPushButton(this))
    , m_notDup(new QPushButton(this))
    , m_undoButton(new QPushButton(this))
    , m_close(new QPushButton(this))
{
    setObjectName(QStringLiteral("duplicatesDialog"));
    m_trash->setObjectName(QStringLiteral("trashOthers"));
    m_undoButton->setObjectName(QStringLiteral("undoDuplicateAction"));
    // The desktop's keys for what the buttons do (a disabled button ignores click()).
    connect(new QShortcut(QKeySequence::Delete, this), &QShortcut::activated, m_trash, &QPushButton::click);
    connect(new QShortcut(QKeySequence::Undo, this), &QShortcut::activated, m_undoButton, &QPushButton::click);
    m_compare->setLibrary(m_library);
    m_list->setLibrary(m_library);
    resize(1100, 720);
    m_level->addItem(QString(), int(DuplicateLevel::Exact));
    m_level->addItem(QString(), int(DuplicateLevel::Near));
    m_level->addItem(QString(), int(DuplicateLevel::Similar));
    m_level->setCurrentIndex(1);
    m_scope->addItem(QString(), QString());
    for (const QString& f : folders)
        m_scope->addItem(QDir::toNativeSeparators(f), f);

    auto* top = new QHBoxLayout;
    top->addWidget(m_level);
    top->addWidget(m_scope, 1);
    top->addWidget(m_find);
    auto* splitter = new QSplitter(this);
    splitter->addWidget(m_list);
    splitter->addWidget(m_compare);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({ 360, 740 }); // room for a title with its count to check
    auto* actions = new QHBoxLayout;
    actions->addWidget(m_status, 1);
    for (QPushButton* b : { m_undoButton, m_notDup, m_keepAll, m_trash, m_close })
        actions->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addLayout(actions);

    connect(m_find, &QPushButton::clicked, this, &DuplicatesDialog::find);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0 && row < m_groups.size())
            m_compare->setGroup(m_groups[row]);
        else
            m_compare->clear();
        updateButtons();
    });
    connect(m_trash, &QPushButton::clicked, this, &DuplicatesDialog::trashOthers);
    connect(m_keepAll, &QPushButton::clicked, this, &DuplicatesDialog::keepAll);
    connect(m_notDup, &QPushButton::clicked, this, &DuplicatesDialog::notDuplicates);
    connect(m_undoButton, &QPushButton::clicked, this, &DuplicatesDialog::undo);
    connect(m_close, &QPushButton::clicked, this, &QDialog::accept);
    retranslate();
    updateButtons();
}

DuplicatesDialog::~DuplicatesDialog()
{
    if (m_finder)
        m_finder->cancel();
    // Watchers are children; their tasks own copies of what they need (the finder by shared_ptr).
}

void DuplicatesDialog::setLevel(DuplicateLevel level)
{
    m_level->setCurrentIndex(m_level->findData(int(level)));
}

void DuplicatesDialog::setScope(const QString& folder)
{
    const int i = m_scope->findData(folder);
    m_scope->setCurrentIndex(i >= 0 ? i : 0);
}

void DuplicatesDialog::find()
{
    if (m_busy)
        return;
    m_busy = true;
    m_groups.clear();
    m_list->clear();
    m_compare->clear();
    m_status->setText(tr("Looking for duplicates…"));
    updateButtons();
    const auto level = DuplicateLevel(m_level->currentData().toInt());
    const QString folder = m_scope->currentData().toString();
    const QString library = m_library;
    m_finder = std::make_shared<DuplicateFinder>(library);
    auto finder = m_finder;
    runInBackground(
        this,
        [finder, library, level, folder] {
            QString error;
            const QList<DuplicateGroup> groups = finder->find(level, folder, &error);
            return qMakePair(groups, error);
        },
        [this](const QPair<QList<DuplicateGroup>, QString>& result) {
            m_busy = false;
            m_finder.reset();
            m_groups = result.first;
            showGroups();
            if (!result.second.isEmpty())
                m_status->setText(tr("Could not look for duplicates: %1").arg(result.second));
        });
}

void DuplicatesDialog::showGroups()
{
    m_list->setGroups(m_groups);
    if (!m_groups.isEmpty())
        m_list->setCurrentRow(0);
    m_status->setText(
        m_groups.isEmpty() ? tr("No duplicates found.") : tr("%n group(s) found.", nullptr, int(m_groups.size())));
    updateButtons();
}

bool DuplicatesDialog::isSettled() const
{
    if (m_busy || m_compare->isLoading())
        return false;
    const QList<ImageView*>& views = m_compare->views();
    return std::none_of(views.begin(), views.end(), [](const ImageView* v) { return v->isLoading(); });
}

void DuplicatesDialog::selectGroup(int row)
{
    m_list->setCurrentRow(row);
}

QString DuplicatesDialog::statusText() const
{
    return m_status->text();
}

void DuplicatesDialog::runAction(std::function<Outcome()> work, std::function<void(const Outcome&)> done)
{
    m_busy = true;
    updateButtons();
    runInBackground(this, work, [this, done](const Outcome& out) {
        m_busy = false;
        done(out);
        if (!out.message.isEmpty())
            m_status->setText(out.message);
        updateButtons();
    });
}

void DuplicatesDialog::trashOthers()
{
    const int row = m_list->currentRow();
    if (m_busy || row < 0 || row >= m_groups.size())
        return;
    const DuplicateGroup group = m_groups[row];
    DuplicateGroup chosen = group;
    chosen.keeper = m_compare->keeper(); // the person may have picked another keeper
    const QString library = m_library;
    runAction(
        [library, chosen] {
            // The person looked at the group, the members to check among them, and chose.
            const TrashResult result = DuplicateActions(library).trashOthers(
                { chosen }, DuplicateActions::Mode::Trash, DuplicateActions::ToCheck::Move);
            const int moved = result.movedCount();
            const QStringList errors = result.errors();
            Outcome out;
            out.ok = moved > 0;
            out.message = tr("Moved %n photo(s) to the trash.", nullptr, moved);
            if (!errors.isEmpty())
                out.message += QLatin1Char(' ') + tr("Not moved: %1").arg(errors.join(QStringLiteral("; ")));
            return out;
        },
        [this, group, row](const Outcome& out) {
            if (!out.ok)
                return;
            m_undo.append({ Action::Trash, group, row });
            m_groups.removeAt(row);
            m_list->removeGroup(row);
            Q_EMIT libraryChanged();
        });
}

void DuplicatesDialog::keepAll()
{
    setVerdict(DuplicateStore::kKeepAll);
}

void DuplicatesDialog::notDuplicates()
{
    setVerdict(DuplicateStore::kNotDuplicates);
}

void DuplicatesDialog::setVerdict(const QString& verdict)
{
    const int row = m_list->currentRow();
    if (m_busy || row < 0 || row >= m_groups.size())
        return;
    const DuplicateGroup group = m_groups[row];
    const QString library = m_library;
    runAction(
        [library, group, verdict] {
            Outcome out;
            out.ok = DuplicateActions(library).setVerdict(group.contentHashes, verdict);
            out.message = out.ok ? (verdict == DuplicateStore::kKeepAll ? tr("Kept all photos of the group.")
                                                                        : tr("Marked as not duplicates."))
                                 : tr("The decision could not be saved.");
            return out;
        },
        [this, group, row](const Outcome& out) {
            if (!out.ok)
                return;
            m_undo.append({ Action::Verdict, group, row });
            m_groups.removeAt(row);
            m_list->removeGroup(row);
        });
}

void DuplicatesDialog::undo()
{
    if (m_busy || m_undo.isEmpty())
        return;
    const Action action = m_undo.last();
    const QString library = m_library;
    runAction(
        [library, action] {
            Outcome out;
            DuplicateActions actions(library);
            if (action.kind == Action::Trash) {
                const UndoResult undo = actions.undoLastTrash();
                out.ok = undo.errors.isEmpty();
                out.message = tr("%n photo(s) restored from the trash.", nullptr, undo.restored);
                if (!undo.errors.isEmpty())
                    out.message += QLatin1Char(' ') + undo.errors.join(QStringLiteral("; "));
                return out;
            }
            out.ok = actions.forgetVerdict(action.group.contentHashes);
            out.message = out.ok ? tr("The decision was undone.") : tr("The decision could not be undone.");
            return out;
        },
        [this, action](const Outcome& out) {
            if (!out.ok)
                return;
            m_undo.removeLast();
            const int row = std::min(action.row, int(m_groups.size()));
            m_groups.insert(row, action.group);
            m_list->insertGroup(row, action.group);
            m_list->setCurrentRow(row);
            if (action.kind == Action::Trash)
                Q_EMIT libraryChanged();
        });
}

void DuplicatesDialog::updateButtons()
{
    const bool group = !m_busy && m_list->currentRow() >= 0;
    m_find->setEnabled(!m_busy);
    m_trash->setEnabled(group);
    m_keepAll->setEnabled(group);
    m_notDup->setEnabled(group);
    m_undoButton->setEnabled(!m_busy && !m_undo.isEmpty());
}

void DuplicatesDialog::retranslate()
{
    setWindowTitle(tr("Find Duplicates"));
    m_level->setItemText(0, tr("Exact copies"));
    m_level->setItemText(1, tr("Near duplicates (edited, resized, re-saved)"));
    m_level->setItemText(2, tr("Similar (the same scene)"));
    m_scope->setItemText(0, tr("Whole library"));
    m_find->setText(tr("Find"));
    m_trash->setText(tr("Move Others to Trash"));
    m_keepAll->setText(tr("Keep All"));
    m_notDup->setText(tr("Not Duplicates"));
    m_undoButton->setText(tr("Undo"));
    m_close->setText(tr("Close"));
    m_list->retranslate(m_groups);
}

void DuplicatesDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

void DuplicatesDialog::closeEvent(QCloseEvent* event)
{
    if (m_finder)
        m_finder->cancel();
    QDialog::closeEvent(event);
}

} // namespace shoebox
