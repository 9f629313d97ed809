#include "backup/scheduledbackup.h"

#include "background.h"
#include "backup/backupengine.h"

#include <QDir>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QLoggingCategory>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTimer>

#include <atomic>

Q_LOGGING_CATEGORY(lcScheduledBackup, "shoebox.ui.backup.schedule", QtInfoMsg)

namespace shoebox {

namespace {

const QString kLastSuccess = QStringLiteral("backup/dailyLastSuccess");

} // namespace

// Written by the backup's thread, read by the progress timer.
struct ScheduledBackup::Progress {
    std::atomic<qint64> bytes { 0 }, totalBytes { 0 };
};

QString ScheduledBackup::enabledKey()
{
    return QStringLiteral("backup/daily");
}

QString ScheduledBackup::destinationKey()
{
    return QStringLiteral("backup/dailyDestination");
}

ScheduledBackup::ScheduledBackup(QStatusBar* statusBar, QString libraryPath, QObject* parent)
    : QObject(parent)
    , m_library(std::move(libraryPath))
    , m_statusBar(statusBar)
    , m_poll(new QTimer(this))
    , m_progressTimer(new QTimer(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_widget(new QWidget(statusBar))
    , m_label(new QLabel(m_widget))
    , m_bar(new QProgressBar(m_widget))
    , m_pause(new QPushButton(m_widget))
    , m_cancel(new QPushButton(tr("Cancel"), m_widget))
{
    auto* layout = new QHBoxLayout(m_widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_bar);
    layout->addWidget(m_pause);
    layout->addWidget(m_cancel);
    m_bar->setRange(0, 1000);
    m_bar->setMaximumWidth(160);
    m_pause->setObjectName(QStringLiteral("pauseBackup"));
    m_cancel->setObjectName(QStringLiteral("cancelBackup"));
    m_widget->setObjectName(QStringLiteral("scheduledBackup"));
    m_bar->hide();
    m_pause->hide();
    m_cancel->hide();
    m_widget->hide();
    statusBar->addPermanentWidget(m_widget);
    connect(m_pause, &QPushButton::clicked, this, &ScheduledBackup::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &ScheduledBackup::cancel);
    m_poll->setInterval(60 * 1000);
    connect(m_poll, &QTimer::timeout, this, &ScheduledBackup::check);
    m_progressTimer->setInterval(250);
    connect(m_progressTimer, &QTimer::timeout, this, &ScheduledBackup::showProgress);
    // A drive being mounted changes the folder its mount point is in: check then, not a minute later.
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
        [this] { QTimer::singleShot(500, this, &ScheduledBackup::check); });
    loadSettings();
    // Not while the window is still opening: the first check comes a little later.
    QTimer::singleShot(10 * 1000, this, &ScheduledBackup::check);
}

ScheduledBackup::~ScheduledBackup()
{
    // The engine may still run on its thread: it stops at the next file and owns nothing of ours.
    if (m_engine)
        m_engine->cancel();
}

void ScheduledBackup::reloadSettings()
{
    loadSettings();
    if (m_schedule.enabled())
        check();
    else
        showNotice({});
}

void ScheduledBackup::loadSettings()
{
    const QSettings settings;
    m_schedule.setEnabled(settings.value(enabledKey()).toBool());
    m_destination = settings.value(destinationKey()).toString();
    m_schedule.setLastSuccess(settings.value(kLastSuccess).toDateTime());
    watchDestination();
    if (m_schedule.enabled())
        m_poll->start();
    else
        m_poll->stop();
}

void ScheduledBackup::watchDestination()
{
    if (!m_watcher->directories().isEmpty())
        m_watcher->removePaths(m_watcher->directories());
    if (!m_schedule.enabled() || m_destination.isEmpty())
        return;
    // The nearest existing ancestors: the mount point's folder (/media/me) and the mount point itself.
    QDir dir(QFileInfo(m_destination).absolutePath());
    for (int i = 0; i < 2 && !dir.isRoot(); ++i, dir.cdUp())
        if (dir.exists())
            m_watcher->addPath(dir.absolutePath());
}

void ScheduledBackup::check()
{
    if (m_probing || !m_schedule.enabled() || m_schedule.running())
        return;
    // A network share or a sleeping drive may take seconds to answer: never on the UI thread.
    m_probing = true;
    const QString destination = m_destination;
    const bool hasBackedUp = m_schedule.lastSuccess().isValid();
    runInBackground(
        this, [destination, hasBackedUp] { return BackupDestination::probe(destination, hasBackedUp); },
        [this, destination](DestinationState state) {
            m_probing = false;
            if (destination == m_destination)
                act(state);
            else
                check(); // the preference changed meanwhile
        });
}

void ScheduledBackup::act(DestinationState state)
{
    switch (m_schedule.next(QDateTime::currentDateTimeUtc(), state)) {
    case BackupSchedule::Action::Wait:
        return;
    case BackupSchedule::Action::Start:
        start();
        return;
    case BackupSchedule::Action::Notice:
        showNotice(tr("Daily backup: %1").arg(BackupDestination::message(state, m_destination)));
        return;
    }
}

void ScheduledBackup::start()
{
    BackupOptions options;
    options.libraryPath = m_library;
    options.destination = m_destination;
    m_engine = std::make_shared<BackupEngine>(options);
    m_progress = std::make_shared<Progress>();
    std::shared_ptr<Progress> progress = m_progress;
    m_engine->setProgressHandler([progress](const BackupProgress& p) {
        progress->bytes = p.bytes;
        progress->totalBytes = p.totalBytes;
    });
    m_schedule.started();
    showNotice(tr("Backing up to %1…").arg(m_destination));
    m_bar->setValue(0);
    m_bar->show();
    m_pause->setText(tr("Pause"));
    m_pause->show();
    m_cancel->show();
    m_progressTimer->start();
    qCInfo(lcScheduledBackup) << "daily backup to" << m_destination;
    Q_EMIT backupStarted();
    std::shared_ptr<BackupEngine> engine = m_engine;
    runInBackground(
        this, [engine] { return engine->run(); }, [this](const BackupReport& r) { showResult(r); });
}

void ScheduledBackup::showProgress()
{
    const qint64 total = m_progress ? m_progress->totalBytes.load() : 0;
    if (total > 0)
        m_bar->setValue(int(m_progress->bytes * 1000 / total));
}

bool ScheduledBackup::isPaused() const
{
    return m_engine && m_engine->paused();
}

void ScheduledBackup::togglePause()
{
    if (!m_engine)
        return;
    const bool pause = !m_engine->paused();
    m_engine->setPaused(pause);
    m_pause->setText(pause ? tr("Resume") : tr("Pause"));
    m_label->setText(pause ? tr("Backup paused") : tr("Backing up to %1…").arg(m_destination));
}

void ScheduledBackup::cancel()
{
    if (m_engine) {
        m_engine->cancel();
        m_label->setText(tr("Cancelling the backup…"));
    }
}

void ScheduledBackup::showResult(const BackupReport& r)
{
    m_progressTimer->stop();
    m_engine.reset();
    m_bar->hide();
    m_pause->hide();
    m_cancel->hide();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    m_schedule.finished(now, r.failure, r.cancelled);
    if (r.ok()) {
        QSettings().setValue(kLastSuccess, now);
        showNotice({});
        if (m_statusBar)
            m_statusBar->showMessage(
                tr("Backed up: snapshot %1, %n new photo(s).", nullptr, int(r.snapshot.newObjects)).arg(r.snapshot.id),
                10000);
    } else {
        showNotice(r.cancelled ? tr("Daily backup cancelled; it runs again tomorrow.")
                               : tr("Daily backup failed: %1. It will try again in a few minutes.").arg(r.error));
    }
    Q_EMIT backupFinished(r.ok());
}

void ScheduledBackup::showNotice(const QString& text)
{
    m_label->setText(text);
    m_widget->setVisible(!text.isEmpty());
}

QString ScheduledBackup::notice() const
{
    return m_widget->isVisibleTo(m_widget->parentWidget()) ? m_label->text() : QString();
}

} // namespace shoebox
