#pragma once
// File > Export… (Ctrl+Shift+E): opens the Export dialog for the photos the marks apply to (the
// grid's or the timeline's selection, or the photo in the viewer). UI thread only.

#include <QObject>

class QAction;

namespace shoebox {

class MainWindow;
class OrganizeController;

class ExportController : public QObject {
    Q_OBJECT
public:
    ExportController(MainWindow* window, OrganizeController* organize);
    QAction* exportAction() const { return m_export; }

private:
    void openDialog();

    MainWindow* m_window;
    OrganizeController* m_organize;
    QAction* m_export;
};

} // namespace shoebox
