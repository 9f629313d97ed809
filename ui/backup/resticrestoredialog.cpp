#include "backup/resticrestoredialog.h"

#include "background.h"
#include "backup/pathchooserrow.h"
#include "backup/resticbackup.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace shoebox {

ResticRestoreDialog::ResticRestoreDialog(QString libraryPath, QWidget* parent)
    : QDialog(parent)
    , m_library(std::move(libraryPath))
    , m_repository(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_target(new QLineEdit(this))
    , m_paths(new QLineEdit(this))
    , m_snapshots(new QListWidget(this))
    , m_status(new QLabel(this))
    , m_list(new QPushButton(tr("List Snapshots"), this))
    , m_restore(new QPushButton(tr("Restore"), this))
{
    setWindowTitle(tr("Restore from restic"));
    auto* form = new QFormLayout;
    form->addRow(tr("Repository:"), pathChooserRow(m_repository, this, tr("restic Repository"), false));
    form->addRow(tr("Password file:"), pathChooserRow(m_password, this, tr("restic Password File"), true));
    form->addRow(tr("Restore to:"), pathChooserRow(m_target, this, tr("Restore To"), false));
    form->addRow(tr("Only these paths:"), m_paths);
    m_paths->setPlaceholderText(tr("empty: everything; else folders or photos by their original path, separated by ;"));
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_list, 0, Qt::AlignLeft);
    layout->addWidget(m_snapshots, 1);
    layout->addWidget(m_status);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("resticRestoreStatus"));
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    layout->addWidget(buttons);
    m_restore->setEnabled(false);
    const QSettings settings;
    if (settings.value(QStringLiteral("backup/kind")).toString() == QLatin1String("restic"))
        m_repository->setText(settings.value(QStringLiteral("backup/destination")).toString());
    m_password->setText(settings.value(QStringLiteral("backup/resticPasswordFile")).toString());
    m_password->setPlaceholderText(tr("empty: restic's RESTIC_PASSWORD_FILE"));
    connect(m_list, &QPushButton::clicked, this, &ResticRestoreDialog::loadSnapshots);
    connect(m_restore, &QPushButton::clicked, this, &ResticRestoreDialog::restore);
    connect(m_snapshots, &QListWidget::currentRowChanged, this, [this](int row) { m_restore->setEnabled(row >= 0); });
    connect(buttons, &QDialogButtonBox::rejected, this, &ResticRestoreDialog::reject);
    resize(600, 420);
}

void ResticRestoreDialog::setRepository(const QString& repository, const QString& passwordFile)
{
    m_repository->setText(repository);
    m_password->setText(passwordFile);
}

void ResticRestoreDialog::setTargetFolder(const QString& dir)
{
    m_target->setText(dir);
}

void ResticRestoreDialog::setPaths(const QString& paths)
{
    m_paths->setText(paths);
}

ResticTarget ResticRestoreDialog::target() const
{
    ResticTarget t;
    t.repository = m_repository->text();
    t.passwordFile = m_password->text();
    return t;
}

void ResticRestoreDialog::setBusy(bool busy)
{
    m_list->setEnabled(!busy);
    m_restore->setEnabled(!busy && m_snapshots->currentRow() >= 0);
}

void ResticRestoreDialog::loadSnapshots()
{
    if (m_repository->text().isEmpty())
        return;
    setBusy(true);
    m_snapshots->clear();
    m_status->setText(tr("Reading the snapshots of %1…").arg(m_repository->text()));
    struct Listing {
        bool ok = false;
        QList<ResticSnapshot> snapshots;
        QString error;
    };
    runInBackground(
        this,
        [t = target(), library = m_library] {
            Listing l;
            l.ok = ResticBackup(t).snapshots(library, &l.snapshots, &l.error);
            return l;
        },
        [this](const Listing& l) {
            for (auto it = l.snapshots.crbegin(); it != l.snapshots.crend(); ++it) {
                const QString when = QLocale().toString(it->time.toLocalTime(), QLocale::ShortFormat);
                auto* item = new QListWidgetItem(it->thisLibrary
                        ? tr("%1 — %2 (%3), this library").arg(when, it->host, it->id)
                        : tr("%1 — %2 (%3), another library: %4")
                              .arg(when, it->host, it->id, it->paths.join(QLatin1String(", "))),
                    m_snapshots);
                item->setData(Qt::UserRole, it->id);
            }
            if (m_snapshots->count() > 0)
                m_snapshots->setCurrentRow(0);
            m_status->setText(!l.ok         ? l.error
                    : l.snapshots.isEmpty() ? tr("That repository holds no Shoebox snapshots.")
                                            : tr("%n snapshot(s).", nullptr, int(l.snapshots.size())));
            setBusy(false);
            Q_EMIT snapshotsLoaded(l.ok);
        });
}

void ResticRestoreDialog::restore()
{
    const QListWidgetItem* item = m_snapshots->currentItem();
    if (!item || m_target->text().isEmpty()) {
        m_status->setText(tr("Choose a snapshot and a folder to restore to."));
        return;
    }
    setBusy(true);
    m_status->setText(tr("Restoring…"));
    const QStringList paths = m_paths->text().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    runInBackground(
        this,
        [t = target(), library = m_library, id = item->data(Qt::UserRole).toString(), to = m_target->text(), paths] {
            QStringList trimmed;
            for (const QString& p : paths)
                trimmed << p.trimmed();
            return ResticBackup(t).restore(library, id, to, trimmed);
        },
        [this](const RestoreReport& r) {
            QString text = r.failure != IoFailure::None ? r.error
                                                        : tr("Restored %n file(s)", nullptr, r.restored)
                    + QLatin1String("; ") + tr("%n already in place", nullptr, r.alreadyThere);
            if (r.renamed)
                text += QLatin1String("; ") + tr("%n beside a different file as \"(restored)\"", nullptr, r.renamed);
            if (!r.catalogFile.isEmpty())
                text += QLatin1String(". ") + tr("The snapshot's catalog: %1").arg(r.catalogFile);
            if (!r.problems.isEmpty())
                text += QLatin1String(". ")
                    + tr("%n problem(s): %1", nullptr, int(r.problems.size())).arg(r.problems.first());
            m_status->setText(text);
            setBusy(false);
            Q_EMIT restoreFinished(r.ok());
        });
}

} // namespace shoebox
