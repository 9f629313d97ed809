#include "backup/backupcontroller.h"

#include "background.h"
#include "backup/backupdialog.h"
#include "backup/resticrestoredialog.h"
#include "backup/restoredialog.h"
#include "backup/scheduledbackup.h"
#include "catalog/catalogbackups.h"

#include <QAction>
#include <QLoggingCategory>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QStatusBar>
#include <QTimer>

Q_LOGGING_CATEGORY(lcBackupUi, "shoebox.ui.backup", QtInfoMsg)

namespace shoebox {

BackupController::BackupController(QMainWindow* window, QString libraryPath)
    : QObject(window)
    , m_window(window)
    , m_library(std::move(libraryPath))
    , m_backUp(new QAction(window))
    , m_restore(new QAction(window))
    , m_restoreRestic(new QAction(window))
    , m_daily(new QTimer(this))
    , m_scheduled(new ScheduledBackup(window->statusBar(), m_library, this))
{
    m_backUp->setObjectName(QStringLiteral("backUp"));
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    m_restoreRestic->setObjectName(QStringLiteral("restoreRestic"));
    connect(m_backUp, &QAction::triggered, this, [this] {
        BackupDialog dialog(m_library, m_window);
        connect(&dialog, &BackupDialog::dailyChanged, m_scheduled, &ScheduledBackup::reloadSettings);
        dialog.exec();
    });
    connect(m_restore, &QAction::triggered, this, [this] { RestoreDialog(m_library, m_window).exec(); });
    connect(m_restoreRestic, &QAction::triggered, this, [this] { ResticRestoreDialog(m_library, m_window).exec(); });
    // File menu: after Rescan, before the separator and Quit.
    for (QMenu* menu : m_window->menuBar()->findChildren<QMenu*>()) {
        const QList<QAction*> actions = menu->actions();
        for (int i = 0; i < actions.size(); ++i) {
            if (actions[i]->objectName() == QLatin1String("rescan")) {
                QAction* before = actions.value(i + 1);
                menu->insertSeparator(before);
                menu->insertActions(before, { m_backUp, m_restore, m_restoreRestic });
            }
        }
    }
    m_daily->setInterval(3600 * 1000);
    connect(m_daily, &QTimer::timeout, this, &BackupController::backUpCatalogIfDue);
    m_daily->start();
    QTimer::singleShot(60 * 1000, this, &BackupController::backUpCatalogIfDue);
    retranslate();
}

void BackupController::retranslate()
{
    m_backUp->setText(tr("&Back Up…"));
    m_backUp->setStatusTip(tr("Copy the photos and the catalog to a backup folder"));
    m_restore->setText(tr("Restore from Bac&kup…"));
    m_restoreRestic->setText(tr("Restore from &restic…"));
    m_restoreRestic->setStatusTip(tr("Restore photos from a restic repository the library was backed up to"));
}

void BackupController::backUpCatalogIfDue()
{
    const QString library = m_library;
    runInBackground(
        this,
        [library] {
            QString error;
            CatalogBackups::dailyIfDue(library, &error);
            return error;
        },
        [](const QString& error) {
            if (!error.isEmpty())
                qCWarning(lcBackupUi) << "daily catalog backup failed:" << error;
        });
}

} // namespace shoebox
