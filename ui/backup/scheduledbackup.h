#pragma once
// The optional daily backup while the app runs: asks BackupSchedule once a minute, and at once when
// the destination's parent folder changes (a drive mounted), whether a backup is due and can run;
// runs the engine off the UI thread with its progress, Pause/Resume and Cancel in the status bar, and
// shows a notice there when the destination is missing, read-only or full. The preference lives in
// QSettings (backup/daily, backup/dailyDestination), set from the Back Up dialog. UI thread only.

#include "backup/backupschedule.h"

#include <QObject>
#include <QPointer>
#include <QStatusBar>
#include <QString>

#include <memory>

class QFileSystemWatcher;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
class QWidget;

namespace shoebox {

class BackupEngine;
struct BackupReport;

class ScheduledBackup : public QObject {
    Q_OBJECT
public:
    ScheduledBackup(QStatusBar* statusBar, QString libraryPath, QObject* parent = nullptr);
    ~ScheduledBackup() override;

    // Re-reads the preference (after the Back Up dialog changed it) and checks at once.
    void reloadSettings();
    // Probes the destination off the UI thread, then asks the schedule what to do, and does it.
    void check();
    bool isRunning() const { return bool(m_engine); }
    bool isChecking() const { return m_probing; } // the destination is being probed
    bool isPaused() const;
    void togglePause();
    void cancel();
    QString notice() const; // the notice shown, empty when none
    QWidget* statusWidget() const { return m_widget; }

    static QString enabledKey();
    static QString destinationKey();

Q_SIGNALS:
    void backupStarted();
    void backupFinished(bool ok);

private:
    struct Progress;
    void loadSettings();
    void act(DestinationState state);
    void start();
    void showProgress();
    void showResult(const BackupReport& report);
    void showNotice(const QString& text);
    void watchDestination();

    QString m_library;
    QPointer<QStatusBar> m_statusBar;
    QString m_destination;
    BackupSchedule m_schedule;
    QTimer* m_poll;
    QTimer* m_progressTimer;
    QFileSystemWatcher* m_watcher;
    QWidget* m_widget;
    QLabel* m_label;
    QProgressBar* m_bar;
    QPushButton* m_pause;
    QPushButton* m_cancel;
    std::shared_ptr<BackupEngine> m_engine;
    std::shared_ptr<Progress> m_progress;
    bool m_probing = false;
};

} // namespace shoebox
