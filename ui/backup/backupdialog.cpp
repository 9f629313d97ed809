#include "backup/backupdialog.h"

#include "background.h"
#include "backup/backupdestination.h"
#include "backup/backupengine.h"
#include "backup/resticbackup.h"
#include "backup/scheduledbackup.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>

namespace shoebox {

// Written by the backup's thread, read by the dialog's timer.
struct BackupDialog::Progress {
    std::atomic<qint64> bytes { 0 }, totalBytes { 0 }, files { 0 }, totalFiles { 0 };
};

BackupDialog::BackupDialog(QString libraryPath, QWidget* parent)
    : QDialog(parent)
    , m_library(std::move(libraryPath))
    , m_intro(new QLabel(this))
    , m_kind(new QComboBox(this))
    , m_dest(new QLineEdit(this))
    , m_choose(new QPushButton(tr("Choose…"), this))
    , m_passwordRow(new QWidget(this))
    , m_password(new QLineEdit(m_passwordRow))
    , m_daily(new QCheckBox(tr("Back up daily to this folder while Shoebox is open, and when it is plugged in"), this))
    , m_bar(new QProgressBar(this))
    , m_status(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
    , m_start(m_buttons->addButton(tr("Back Up"), QDialogButtonBox::AcceptRole))
    , m_poll(new QTimer(this))
{
    setWindowTitle(tr("Back Up"));
    auto* layout = new QVBoxLayout(this);
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);
    m_kind->addItem(tr("Folder"));
    m_kind->addItem(tr("restic repository"));
    auto* row = new QHBoxLayout;
    row->addWidget(m_kind);
    row->addWidget(m_dest, 1);
    row->addWidget(m_choose);
    layout->addLayout(row);
    auto* passwordRow = new QHBoxLayout(m_passwordRow);
    passwordRow->setContentsMargins(0, 0, 0, 0);
    passwordRow->addWidget(new QLabel(tr("Password file:"), m_passwordRow));
    passwordRow->addWidget(m_password, 1);
    auto* choosePassword = new QPushButton(tr("Choose…"), m_passwordRow);
    passwordRow->addWidget(choosePassword);
    m_password->setPlaceholderText(tr("empty: restic's RESTIC_PASSWORD_FILE"));
    layout->addWidget(m_passwordRow);
    layout->addWidget(m_daily);
    layout->addWidget(m_bar);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("backupStatus"));
    m_bar->setVisible(false);
    const QSettings settings;
    m_kind->setCurrentIndex(
        settings.value(QStringLiteral("backup/kind")).toString() == QLatin1String("restic") ? 1 : 0);
    m_password->setText(settings.value(QStringLiteral("backup/resticPasswordFile")).toString());
    m_dest->setText(settings.value(QStringLiteral("backup/destination")).toString());
    m_daily->setChecked(settings.value(ScheduledBackup::enabledKey()).toBool()
        && settings.value(ScheduledBackup::destinationKey()).toString() == m_dest->text());
    connect(m_daily, &QCheckBox::toggled, this, &BackupDialog::saveDaily);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &BackupDialog::updateKind);
    connect(choosePassword, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getOpenFileName(this, tr("restic Password File"), m_password->text());
        if (!file.isEmpty())
            m_password->setText(file);
    });
    connect(m_choose, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Backup Folder"), m_dest->text());
        if (!dir.isEmpty())
            m_dest->setText(dir);
    });
    connect(m_start, &QPushButton::clicked, this, &BackupDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BackupDialog::reject);
    m_poll->setInterval(200);
    connect(m_poll, &QTimer::timeout, this, &BackupDialog::showProgress);
    updateKind();
    resize(560, sizeHint().height());
}

bool BackupDialog::isRestic() const
{
    return m_kind->currentIndex() == 1;
}

void BackupDialog::updateKind()
{
    m_intro->setText(isRestic()
            ? tr("Back up the photos' folders and the catalog to a restic repository (restic must be installed). "
                 "Each backup is a restic snapshot; restic stores only what is new, encrypted.")
            : tr("Copy the photos and the catalog to this folder (an external drive, a network share). "
                 "Each backup is a snapshot; only new photos are copied."));
    m_passwordRow->setVisible(isRestic());
    m_daily->setVisible(!isRestic());
    m_dest->setPlaceholderText(isRestic() ? tr("a folder, or sftp:host:/path, rest:https://…, s3:…")
                                          : tr("a folder on an external drive or a network share"));
}

void BackupDialog::setResticPasswordFile(const QString& file)
{
    m_password->setText(file);
}

BackupDialog::~BackupDialog()
{
    // The backup may still run on its thread: tell it to stop; it owns nothing of the dialog.
    if (m_cancelRun)
        m_cancelRun();
}

QString BackupDialog::destination() const
{
    return m_dest->text();
}

void BackupDialog::setDestination(const QString& dir)
{
    m_dest->setText(dir);
}

void BackupDialog::saveDaily()
{
    QSettings settings;
    settings.setValue(ScheduledBackup::enabledKey(), m_daily->isChecked() && !m_dest->text().isEmpty());
    settings.setValue(ScheduledBackup::destinationKey(), m_dest->text());
    settings.setValue(QStringLiteral("backup/destination"), m_dest->text());
    Q_EMIT dailyChanged();
}

void BackupDialog::start()
{
    if (m_cancelRun || m_probing || m_dest->text().isEmpty())
        return;
    QSettings settings;
    settings.setValue(QStringLiteral("backup/destination"), m_dest->text());
    settings.setValue(QStringLiteral("backup/kind"), isRestic() ? QStringLiteral("restic") : QStringLiteral("folder"));
    if (isRestic()) {
        settings.setValue(QStringLiteral("backup/resticPasswordFile"), m_password->text());
        return runRestic(m_dest->text());
    }
    if (m_daily->isChecked())
        saveDaily(); // the folder may have been changed since the box was ticked
    m_probing = true;
    m_start->setEnabled(false);
    const QString destination = m_dest->text();
    m_status->setText(tr("Checking %1…").arg(destination));
    runInBackground(
        this, [destination] { return BackupDestination::probe(destination, false); },
        [this, destination](DestinationState state) {
            m_probing = false;
            if (state == DestinationState::Ready)
                return runEngine(destination);
            m_start->setEnabled(true);
            m_status->setText(BackupDestination::message(state, destination));
            Q_EMIT backupFinished(false);
        });
}

std::function<void(const BackupProgress&)> BackupDialog::progressHandler()
{
    m_progress = std::make_shared<Progress>();
    return [progress = m_progress](const BackupProgress& p) {
        progress->bytes = p.bytes;
        progress->totalBytes = p.totalBytes;
        progress->files = p.files;
        progress->totalFiles = p.totalFiles;
    };
}

void BackupDialog::runEngine(const QString& destination)
{
    BackupOptions options;
    options.libraryPath = m_library;
    options.destination = destination;
    auto engine = std::make_shared<BackupEngine>(options);
    engine->setProgressHandler(progressHandler());
    m_cancelRun = [engine] { engine->cancel(); };
    started();
    m_status->setText(tr("Copying the catalog…"));
    runInBackground(
        this, [engine] { return engine->run(); }, [this](const BackupReport& r) { showResult(r); });
}

void BackupDialog::runRestic(const QString& repository)
{
    ResticTarget target;
    target.repository = repository;
    target.passwordFile = m_password->text();
    auto restic = std::make_shared<ResticBackup>(target);
    restic->setProgressHandler(progressHandler());
    m_cancelRun = [restic] { restic->cancel(); };
    started();
    m_status->setText(tr("Opening the restic repository…"));
    runInBackground(
        this, [restic, library = m_library] { return restic->backUp(library, RetentionPolicy {}); },
        [this](const BackupReport& r) { showResult(r); });
}

void BackupDialog::started()
{
    m_start->setEnabled(false);
    m_dest->setEnabled(false);
    m_choose->setEnabled(false);
    m_kind->setEnabled(false);
    m_passwordRow->setEnabled(false);
    m_bar->setVisible(true);
    m_bar->setRange(0, 1000);
    m_bar->setValue(0);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Cancel"));
    m_poll->start();
}

void BackupDialog::showProgress()
{
    const qint64 total = m_progress->totalBytes;
    if (total > 0)
        m_bar->setValue(int(m_progress->bytes * 1000 / total));
    const QLocale locale;
    m_status->setText(tr("%1 of %2 photos, %3 of %4")
                          .arg(m_progress->files.load())
                          .arg(m_progress->totalFiles.load())
                          .arg(locale.formattedDataSize(m_progress->bytes), locale.formattedDataSize(total)));
}

void BackupDialog::showResult(const BackupReport& r)
{
    m_poll->stop();
    m_cancelRun = nullptr;
    m_bar->setVisible(false);
    m_start->setEnabled(true);
    m_dest->setEnabled(true);
    m_choose->setEnabled(true);
    m_kind->setEnabled(true);
    m_passwordRow->setEnabled(true);
    m_buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    const QLocale locale;
    if (r.ok()) {
        QString text = isRestic() ? tr("restic snapshot %1: %2 files; %3 new or changed, %4 added to the repository.")
                                        .arg(r.snapshot.id)
                                        .arg(r.snapshot.files)
                                        .arg(r.snapshot.newObjects)
                                        .arg(locale.formattedDataSize(r.snapshot.newBytes))
                                  : tr("Snapshot %1: %2 photos, %3 copied (%4 new).")
                                        .arg(r.snapshot.id)
                                        .arg(r.snapshot.files)
                                        .arg(locale.formattedDataSize(r.snapshot.newBytes))
                                        .arg(r.snapshot.newObjects);
        if (!r.skipped.isEmpty())
            text += QLatin1Char(' ')
                + tr("%n file(s) could not be read: %1", nullptr, int(r.skipped.size())).arg(r.skipped.first());
        m_status->setText(text);
    } else {
        m_status->setText(r.cancelled ? tr("Cancelled; no snapshot was made.") : r.error);
    }
    Q_EMIT backupFinished(r.ok());
}

void BackupDialog::reject()
{
    if (m_cancelRun) {
        m_cancelRun();
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace shoebox
