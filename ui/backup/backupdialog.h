#pragma once
// File -> Back Up...: choose a destination (a folder, or a restic repository with its password file),
// run the backup off the UI thread with progress and cancel (BackupEngine, or ResticBackup), and say
// what happened; and the daily backup preference (folders). UI thread only.

#include <QDialog>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTimer;

namespace shoebox {

struct BackupProgress;
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
    // Folder (0) or restic repository (1); the destination field then holds the repository.
    QComboBox* kindBox() const { return m_kind; }
    void setResticPasswordFile(const QString& file);

Q_SIGNALS:
    void backupFinished(bool ok);
    void dailyChanged(); // the preference was saved

private:
    struct Progress;
    bool isRestic() const;
    void updateKind();
    std::function<void(const BackupProgress&)> progressHandler();
    void runEngine(const QString& destination);
    void runRestic(const QString& repository);
    void started();
    void showProgress();
    void showResult(const BackupReport& report);
    void reject() override;
    void saveDaily();

    QString m_library;
    QLabel* m_intro;
    QComboBox* m_kind;
    QLineEdit* m_dest;
    QPushButton* m_choose;
    QWidget* m_passwordRow;
    QLineEdit* m_password;
    QCheckBox* m_daily;
    QProgressBar* m_bar;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    QPushButton* m_start;
    QTimer* m_poll;
    std::function<void()> m_cancelRun; // set while a backup runs
    std::shared_ptr<Progress> m_progress;
    bool m_probing = false;
};

} // namespace shoebox
