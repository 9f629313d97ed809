#pragma once
// Puts File -> Back Up..., Restore from Backup... and Restore from restic... into the window, and makes the daily
// rotating catalog backup while the app runs (the rule lives in CatalogBackups::dailyIfDue; this only
// asks once an hour, off the UI thread), and holds the optional daily backup of the photos
// (ScheduledBackup). UI thread only.

#include <QObject>
#include <QString>

class QAction;
class QMainWindow;
class QTimer;

namespace shoebox {

class ScheduledBackup;

class BackupController : public QObject {
    Q_OBJECT
public:
    BackupController(QMainWindow* window, QString libraryPath);
    void retranslate();
    ScheduledBackup* scheduledBackup() const { return m_scheduled; }

private:
    void backUpCatalogIfDue();

    QMainWindow* m_window;
    QString m_library;
    QAction* m_backUp;
    QAction* m_restore;
    QAction* m_restoreRestic;
    QTimer* m_daily;
    ScheduledBackup* m_scheduled;
};

} // namespace shoebox
