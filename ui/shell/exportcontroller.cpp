#include "shell/exportcontroller.h"

#include "shell/exportdialog.h"
#include "shell/mainwindow.h"
#include "shell/organizecontroller.h"

#include <QAction>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace shoebox {

ExportController::ExportController(MainWindow* window, OrganizeController* organize)
    : QObject(window)
    , m_window(window)
    , m_organize(organize)
    , m_export(new QAction(tr("&Export…"), this))
{
    m_export->setObjectName(QStringLiteral("exportPhotos"));
    m_export->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    window->addAction(m_export);
    // Beside Import in the File menu.
    for (QAction* top : window->menuBar()->actions()) {
        QMenu* menu = top->menu();
        const QList<QAction*> actions = menu ? menu->actions() : QList<QAction*>();
        for (int i = 0; i < actions.size(); ++i) {
            if (actions[i]->objectName() == QLatin1String("importCopy")) {
                menu->insertAction(i + 1 < actions.size() ? actions[i + 1] : nullptr, m_export);
                break;
            }
        }
    }
    connect(m_export, &QAction::triggered, this, &ExportController::openDialog);
}

void ExportController::openDialog()
{
    const QVector<qint64> ids = m_organize->targetPhotos();
    if (ids.isEmpty()) {
        QMessageBox::information(m_window, tr("Export"), tr("Select the photos to export first."));
        return;
    }
    auto* dialog = new ExportDialog(m_window->libraryPath(), ids, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

} // namespace shoebox
