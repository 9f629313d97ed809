#include "shell/exportcontroller.h"

#include "albums/albumstore.h"
#include "search/searchengine.h"
#include "shell/albumsection.h"
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
    connect(m_export, &QAction::triggered, this, [this] {
        const QVector<qint64> ids = m_organize->targetPhotos();
        if (ids.isEmpty())
            QMessageBox::information(m_window, tr("Export"), tr("Select the photos to export first."));
        else
            openDialog(ids, QString());
    });
    connect(organize->albums(), &AlbumSection::exportRequested, this, &ExportController::exportAlbum);
}

void ExportController::exportAlbum(qint64 albumId)
{
    const QString library = m_window->libraryPath();
    const std::optional<AlbumRecord> album = AlbumStore(library).album(albumId);
    QString error;
    const QVector<qint64> ids = album ? SearchEngine(library).albumPhotos(albumId, &error) : QVector<qint64>();
    if (ids.isEmpty()) {
        QMessageBox::information(m_window, tr("Export Album"),
            error.isEmpty() ? tr("The album has no photos to export.") : tr("Cannot read the album: %1").arg(error));
        return;
    }
    openDialog(ids, tr("Export \"%1\": %n Photo(s)", nullptr, int(ids.size())).arg(album->path));
}

void ExportController::openDialog(const QVector<qint64>& ids, const QString& title)
{
    auto* dialog = new ExportDialog(m_window->libraryPath(), ids, m_window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!title.isEmpty())
        dialog->setWindowTitle(title);
    dialog->open();
}

} // namespace shoebox
