#include "shell/mainwindowactions.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>

namespace shoebox {

MainWindowActions::MainWindowActions(QMainWindow* window)
    : QObject(window)
{
    auto make = [window](const QKeySequence& shortcut, const char* name) {
        auto* a = new QAction(window);
        a->setObjectName(QLatin1String(name));
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        window->addAction(a);
        return a;
    };
    addFolder = make(QKeySequence::Open, "addFolder");
    importCopy = make(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I), "importCopy");
    rescan = make(QKeySequence(Qt::Key_F5), "rescan");
    quit = make(QKeySequence::Quit, "quit");
    selectAll = make(QKeySequence::SelectAll, "selectAll");
    preferences = make(QKeySequence(Qt::CTRL | Qt::Key_Comma), "preferences");
    showAll = make(QKeySequence(Qt::CTRL | Qt::Key_1), "showAll");
    showTimeline = make(QKeySequence(Qt::CTRL | Qt::Key_2), "showTimeline");
    showTags = make(QKeySequence(Qt::CTRL | Qt::Key_3), "showTags");
    zoomIn = make(QKeySequence::ZoomIn, "zoomIn");
    zoomOut = make(QKeySequence::ZoomOut, "zoomOut");
    toggleInfo = make(QKeySequence(Qt::CTRL | Qt::Key_I), "toggleInfo");
    toggleInfo->setCheckable(true);
    toggleInfo->setChecked(true);
    findDuplicates = make(QKeySequence(Qt::CTRL | Qt::Key_D), "findDuplicates");
    about = make(QKeySequence(), "about");
    quit->setMenuRole(QAction::QuitRole);
    preferences->setMenuRole(QAction::PreferencesRole);
    about->setMenuRole(QAction::AboutRole);

    QMenuBar* bar = window->menuBar();
    m_file = bar->addMenu(QString());
    m_file->addActions({ addFolder, importCopy, rescan });
    m_file->addSeparator();
    m_file->addAction(quit);
    m_edit = bar->addMenu(QString());
    m_edit->addAction(selectAll);
    m_edit->addSeparator();
    m_edit->addAction(preferences);
    m_viewMenu = bar->addMenu(QString());
    m_viewMenu->addActions({ showAll, showTimeline, showTags });
    m_viewMenu->addSeparator();
    m_viewMenu->addActions({ zoomIn, zoomOut, toggleInfo });
    m_tools = bar->addMenu(QString());
    m_tools->addAction(findDuplicates);
    m_help = bar->addMenu(QString());
    m_help->addAction(about);
    retranslate();
}

void MainWindowActions::retranslate()
{
    m_file->setTitle(tr("&File"));
    m_edit->setTitle(tr("&Edit"));
    m_viewMenu->setTitle(tr("&View"));
    m_tools->setTitle(tr("&Tools"));
    m_help->setTitle(tr("&Help"));
    addFolder->setText(tr("&Add Folder…"));
    addFolder->setStatusTip(tr("Index the photos of a folder where they are"));
    importCopy->setText(tr("&Import Photos…"));
    importCopy->setStatusTip(tr("Copy photos into the library folder, arranged by capture date"));
    rescan->setText(tr("&Rescan Library"));
    quit->setText(tr("&Quit"));
    selectAll->setText(tr("Select &All"));
    preferences->setText(tr("&Preferences…"));
    showAll->setText(tr("All &Photos"));
    showTimeline->setText(tr("&Timeline"));
    showTags->setText(tr("T&ags"));
    zoomIn->setText(tr("Zoom &In"));
    zoomOut->setText(tr("Zoom &Out"));
    toggleInfo->setText(tr("&Information Panel"));
    findDuplicates->setText(tr("Find &Duplicates…"));
    about->setText(tr("&About Shoebox"));
}

} // namespace shoebox
