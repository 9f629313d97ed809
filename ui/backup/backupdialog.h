#pragma once
// File -> Back Up...: choose a destination folder, run the backup engine off the UI thread with
// progress and cancel, and say what happened; and the daily backup preference. UI thread only.

#include <QDialog>

#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace shoebox {

class BackupEngine;
struct BackupReport;

class BackupDialog : public QDialog {
    Q_OBJECT
public:
    explicit BackupDialog(QString libraryPath, QWidget* parent = nullptr);
    ~BackupDialog() override;

    QString destination() const;
    void setDestination(const QString& dir);
    // Starts the backup (the Back Up button): probes the destination off the UI thread, then runs the
    // engine, or says why the destination cannot take a backup (backupFinished(false)).
    void start();

    // The "Back up daily to this folder" preference (ScheduledBackup runs it).
    QCheckBox* dailyBox() const { return m_daily; }

Q_SIGNALS:
    void backupFinished(bool ok);
    void dailyChanged(); // the preference was saved

private:
    struct Progress;
    void runEngine(const QString& destination);
    void showProgress();
    void showResult(const BackupReport& report);
    void reject() override;
    void saveDaily();

    QString m_library;
    QLineEdit* m_dest;
    QPushButton* m_choose;
    QCheckBox* m_daily;
    QProgressBar* m_bar;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QPushButton* m_start;
    QTimer* m_poll;
    std::shared_ptr<BackupEngine> m_engine;
    std::shared_ptr<Progress> m_progress;
    bool m_probing = false;
};

} // namespace shoebox
