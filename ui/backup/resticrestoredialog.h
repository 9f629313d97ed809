#pragma once
// File -> Restore from restic…: lists the Shoebox snapshots in a restic repository (newest first,
// with date, computer, and whether they are this library's: on a new computer one restores another
// library's), and restores the chosen one, or only some folders or photos of it, under a folder,
// through ResticBackup off the UI thread. Each file lands at that folder + its original path, never
// over a different file; the snapshot's catalog comes back as a file beside them. UI thread only.

#include <QDialog>

#include <functional>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace shoebox {

struct ResticTarget;

class ResticRestoreDialog : public QDialog {
    Q_OBJECT
public:
    explicit ResticRestoreDialog(QString libraryPath, QWidget* parent = nullptr);

    void setRepository(const QString& repository, const QString& passwordFile);
    void setTargetFolder(const QString& dir);
    // Only these original paths (folders or photos); empty: everything.
    void setPaths(const QString& paths);
    QListWidget* snapshotList() const { return m_snapshots; }
    // Lists the repository's snapshots of this library (snapshotsLoaded when done).
    void loadSnapshots();
    // Restores the selected snapshot (restoreFinished when done).
    void restore();

Q_SIGNALS:
    void snapshotsLoaded(bool ok);
    void restoreFinished(bool ok);

private:
    ResticTarget target() const;
    void setBusy(bool busy);

    QString m_library;
    QLineEdit* m_repository;
    QLineEdit* m_password;
    QLineEdit* m_target;
    QLineEdit* m_paths;
    QListWidget* m_snapshots;
    QLabel* m_status;
    QPushButton* m_list;
    QPushButton* m_restore;
};

} // namespace shoebox
