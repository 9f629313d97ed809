#pragma once
// File -> Restore from Backup...: browse a backup's snapshots by date and their files as folders,
// and restore a photo, a folder, an album (as the snapshot's catalog has it) or everything (to the original places or
// another folder) through BackupRestorer, off the UI thread. Never overwrites: a different file in the way gets a
// "(restored)" sibling. Restoring everything also brings back the snapshot's catalog. UI thread only.

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace shoebox {

struct RestoreOptions;
struct RestoreReport;

class RestoreDialog : public QDialog {
    Q_OBJECT
public:
    explicit RestoreDialog(QString libraryPath, QWidget* parent = nullptr);

    void setDestination(const QString& backupFolder); // lists its snapshots
    void setTargetFolder(const QString& dir); // empty: the original places
    QListWidget* snapshotList() const { return m_snapshots; }
    QTreeWidget* fileTree() const { return m_files; }
    QComboBox* albumBox() const { return m_albums; } // the snapshot's albums
    // Restores the selected files and folders, or everything.
    void restore(bool everything);
    // Restores the photos of the album chosen in albumBox().
    void restoreAlbum();

Q_SIGNALS:
    void restoreFinished(bool ok);

private:
    void loadSnapshots();
    void loadFiles();
    void loadAlbums(const QString& snapshotId);
    void start(const RestoreOptions& options, bool everything);
    void showResult(const RestoreReport& report, bool everything);

    QString m_library;
    QLineEdit* m_dest;
    QLineEdit* m_target;
    QListWidget* m_snapshots;
    QTreeWidget* m_files;
    QLabel* m_status;
    QComboBox* m_albums;
    QPushButton* m_selected;
    QPushButton* m_album;
    QPushButton* m_everything;
};

} // namespace shoebox
