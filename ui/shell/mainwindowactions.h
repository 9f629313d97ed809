#pragma once
// The window's actions and menus, with their shortcuts, in one place so that retranslating them after
// a language switch is one call. UI thread only.

#include <QObject>

class QAction;
class QMainWindow;
class QMenu;

namespace shoebox {

class MainWindowActions : public QObject {
    Q_OBJECT
public:
    explicit MainWindowActions(QMainWindow* window);
    void retranslate();

    QAction* addFolder;
    QAction* importCopy;
    QAction* rescan;
    QAction* quit;
    QAction* selectAll;
    QAction* preferences;
    QAction* showAll;
    QAction* showTimeline;
    QAction* showTags;
    QAction* zoomIn;
    QAction* zoomOut;
    QAction* toggleInfo;
    QAction* findDuplicates;
    QAction* about;

private:
    QMenu* m_file;
    QMenu* m_edit;
    QMenu* m_viewMenu;
    QMenu* m_tools;
    QMenu* m_help;
};

} // namespace shoebox
