#pragma once
// File -> Restore from Backup...: browse a backup's snapshots by date and their files as folders,
// and restore a photo, a folder or everything (to the original places or another folder) through
// BackupRestorer, off the UI thread. Never overwrites: a different file in the way gets a
// "(restored)" sibling. Restoring everything also brings back the snapshot's catalog. UI thread only.

#include <QDialog>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace shoebox {

struct RestoreReport;

class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    explicit RestoreDialog(QString libraryPath, QWidget* parent = nullptr);

    void setDestination(const QString& backupFolder); // lists its snapshots
    void setTargetFolder(const QString& dir); // empty: the original places
    QListWidget* snapshotList() const { return m_snapshots; }
    QTreeWidget* fileTree() const { return m_files; }
    // Restores the selected files and folders, or everything.
    void restore(bool everything);

Q_SIGNALS:
    void restoreFinished(bool ok);

private:
    void loadSnapshots();
    void loadFiles();
    void showResult(const RestoreReport& report, bool everything);

    QString m_library;
    QLineEdit* m_dest;
    QLineEdit* m_target;
    QListWidget* m_snapshots;
    QTreeWidget* m_files;
    QLabel* m_status;
    QPushButton* m_selected;
    QPushButton* m_everything;
};

} // namespace shoebox
