#pragma once
// File > Export… (Ctrl+Shift+E): opens the Export dialog for the photos the marks apply to (the
// grid's or the timeline's selection, or the photo in the viewer); the sidebar's "Export Album…"
// opens it for an album's photos, as core's SearchEngine lists them. UI thread only.

#include <QObject>
#include <QVector>

class QAction;

namespace shoebox {

class MainWindow;
class OrganizeController;

class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(MainWindow* window, OrganizeController* organize);
    QAction* exportAction() const { return m_export; }

    // Opens the dialog for the photos the album shows (smart albums and albums inside it included).
    void exportAlbum(qint64 albumId);

private:
    void openDialog(const QVector<qint64>& ids, const QString& title);

    MainWindow* m_window;
    OrganizeController* m_organize;
    QAction* m_export;
};

} // namespace shoebox
