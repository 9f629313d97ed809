#include "backup/restoredialog.h"

#include "background.h"
#include "backup/backuprepository.h"
#include "backup/backuprestorer.h"
#include "backup/pathchooserrow.h"
#include "backup/snapshotalbums.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHash>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace shoebox {

RestoreDialog::RestoreDialog(QString libraryPath, QWidget* parent)
    : QDialog(parent)
    , m_library(std::move(libraryPath))
    , m_dest(new QLineEdit(this))
    , m_target(new QLineEdit(this))
    , m_snapshots(new QListWidget(this))
    , m_files(new QTreeWidget(this))
    , m_status(new QLabel(this))
    , m_albums(new QComboBox(this))
    , m_selected(new QPushButton(tr("Restore Selected"), this))
    , m_album(new QPushButton(tr("Restore Album"), this))
    , m_everything(new QPushButton(tr("Restore Everything"), this))
{
    setWindowTitle(tr("Restore from Backup"));
    auto* form = new QFormLayout;
    form->addRow(tr("Backup folder:"), pathChooserRow(m_dest, this, tr("Backup Folder")));
    form->addRow(tr("Restore to:"), pathChooserRow(m_target, this, tr("Restore To")));
    form->addRow(tr("Album:"), m_albums);
    m_target->setPlaceholderText(tr("the photos' original places"));
    auto* split = new QSplitter(this);
    split->addWidget(m_snapshots);
    split->addWidget(m_files);
    split->setStretchFactor(1, 2);
    m_files->setHeaderLabels({ tr("File"), tr("Size"), tr("Taken") });
    m_files->setSelectionMode(QAbstractItemView::ExtendedSelection);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_selected, QDialogButtonBox::ActionRole);
    buttons->addButton(m_album, QDialogButtonBox::ActionRole);
    buttons->addButton(m_everything, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(split, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    m_status->setWordWrap(true);
    connect(m_dest, &QLineEdit::editingFinished, this, &RestoreDialog::loadSnapshots);
    connect(m_snapshots, &QListWidget::currentRowChanged, this, &RestoreDialog::loadFiles);
    connect(m_selected, &QPushButton::clicked, this, [this] { restore(false); });
    connect(m_album, &QPushButton::clicked, this, &RestoreDialog::restoreAlbum);
    connect(m_everything, &QPushButton::clicked, this, [this] { restore(true); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setDestination(QSettings().value(QStringLiteral("backup/destination")).toString());
    resize(760, 520);
}

void RestoreDialog::setDestination(const QString& backupFolder)
{
    m_dest->setText(backupFolder);
    loadSnapshots();
}

void RestoreDialog::setTargetFolder(const QString& dir)
{
    m_target->setText(dir);
}

void RestoreDialog::loadSnapshots()
{
    m_snapshots->clear();
    m_files->clear();
    if (m_dest->text().isEmpty())
        return;
    BackupRepository repo(m_dest->text());
    if (const IoResult r = repo.open(false); !r.ok()) {
        m_status->setText(r.reason);
        return;
    }
    const QList<SnapshotInfo> all = repo.snapshots();
    const QLocale locale;
    for (auto it = all.crbegin(); it != all.crend(); ++it) { // newest first
        auto* item = new QListWidgetItem(tr("%1 — %n photo(s)", nullptr, int(it->files))
                                             .arg(locale.toString(it->created.toLocalTime(), QLocale::ShortFormat)),
            m_snapshots);
        item->setData(Qt::UserRole, it->id);
    }
    m_status->setText(all.isEmpty() ? tr("This folder holds no snapshot.") : QString());
    if (!all.isEmpty())
        m_snapshots->setCurrentRow(0);
}

void RestoreDialog::loadAlbums(const QString& snapshotId)
{
    m_albums->clear();
    QStringList albums;
    QString error;
    const QString catalog = BackupRepository(m_dest->text()).snapshotDir(snapshotId) + QStringLiteral("/catalog.db");
    if (!snapshotId.isEmpty())
        SnapshotAlbums::albums(catalog, &albums, &error);
    m_albums->addItems(albums);
    m_albums->setEnabled(!albums.isEmpty());
    m_albums->setPlaceholderText(albums.isEmpty() ? tr("no albums in this snapshot") : QString());
    m_album->setEnabled(!albums.isEmpty());
}

void RestoreDialog::loadFiles()
{
    m_files->clear();
    const QListWidgetItem* item = m_snapshots->currentItem();
    loadAlbums(item ? item->data(Qt::UserRole).toString() : QString());
    if (!item)
        return;
    BackupRepository repo(m_dest->text());
    const std::optional<SnapshotInfo> snapshot = repo.snapshot(item->data(Qt::UserRole).toString());
    QList<ManifestEntry> entries;
    QString error;
    if (!snapshot || !repo.manifest(*snapshot, &entries, &error)) {
        m_status->setText(error);
        return;
    }
    const QLocale locale;
    QHash<QString, QTreeWidgetItem*> folders;
    for (const ManifestEntry& e : std::as_const(entries)) {
        const QStringList parts = QFile::decodeName(e.treePath).split(QLatin1Char('/'));
        QTreeWidgetItem* parent = nullptr;
        QString path;
        for (int i = 0; i + 1 < parts.size(); ++i) {
            path += (i ? QStringLiteral("/") : QString()) + parts[i];
            QTreeWidgetItem*& folder = folders[path];
            if (!folder) {
                folder
                    = parent ? new QTreeWidgetItem(parent, { parts[i] }) : new QTreeWidgetItem(m_files, { parts[i] });
                folder->setData(0, Qt::UserRole, path);
            }
            parent = folder;
        }
        const QStringList columns { parts.last(), locale.formattedDataSize(e.size),
            e.taken.left(16).replace(QLatin1Char('T'), QLatin1Char(' ')) };
        auto* file = parent ? new QTreeWidgetItem(parent, columns) : new QTreeWidgetItem(m_files, columns);
        file->setData(0, Qt::UserRole, QFile::decodeName(e.treePath));
    }
    m_files->expandToDepth(0);
    m_files->resizeColumnToContents(0);
}

void RestoreDialog::restore(bool everything)
{
    const QListWidgetItem* item = m_snapshots->currentItem();
    if (!item)
        return;
    RestoreOptions options;
    options.destination = m_dest->text();
    options.snapshotId = item->data(Qt::UserRole).toString();
    options.targetDir = m_target->text();
    if (!everything) {
        for (const QTreeWidgetItem* selected : m_files->selectedItems())
            options.paths << selected->data(0, Qt::UserRole).toString();
        if (options.paths.isEmpty())
            return;
    } else {
        options.libraryPath = m_library;
    }
    start(options, everything);
}

void RestoreDialog::restoreAlbum()
{
    const QListWidgetItem* item = m_snapshots->currentItem();
    if (!item || m_albums->currentText().isEmpty())
        return;
    RestoreOptions options;
    options.destination = m_dest->text();
    options.snapshotId = item->data(Qt::UserRole).toString();
    options.targetDir = m_target->text();
    options.album = m_albums->currentText();
    start(options, false);
}

void RestoreDialog::start(const RestoreOptions& options, bool everything)
{
    m_selected->setEnabled(false);
    m_album->setEnabled(false);
    m_everything->setEnabled(false);
    m_status->setText(tr("Restoring…"));
    runInBackground(
        this, [options] { return BackupRestorer(options).run(); },
        [this, everything](const RestoreReport& r) { showResult(r, everything); });
}

void RestoreDialog::showResult(const RestoreReport& r, bool everything)
{
    m_selected->setEnabled(true);
    m_album->setEnabled(m_albums->count() > 0);
    m_everything->setEnabled(true);
    if (r.failure != IoFailure::None) {
        m_status->setText(r.error);
    } else {
        QString text = tr("Restored %n file(s)", nullptr, r.restored) + QLatin1String("; ")
            + tr("%n already in place", nullptr, r.alreadyThere) + QLatin1Char('.');
        if (r.renamed)
            text += QLatin1Char(' ') + tr("%n restored beside a different file, as “(restored)”.", nullptr, r.renamed);
        if (everything && r.catalogRestored)
            text += QLatin1Char(' ') + tr("The catalog was restored too: restart Shoebox to see it.");
        if (!r.problems.isEmpty())
            text += QLatin1Char(' ') + tr("Problems: %1").arg(r.problems.join(QStringLiteral("; ")));
        m_status->setText(text);
    }
    Q_EMIT restoreFinished(r.ok());
}

} // namespace shoebox
