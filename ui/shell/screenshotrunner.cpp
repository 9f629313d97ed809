#include "shell/screenshotrunner.h"

#include "duplicates/duplicatesdialog.h"
#include "shell/mainwindow.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QImage>
#include <QPixmap>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cstdio>

namespace shoebox {

bool ScreenshotRunner::isKnownView(const QString& view)
{
    static const QStringList known = { QStringLiteral("grid"), QStringLiteral("timeline"), QStringLiteral("tags"),
        QStringLiteral("places"), QStringLiteral("people"), QStringLiteral("duplicates"), QStringLiteral("similar") };
    return known.contains(view);
}

bool ScreenshotRunner::waitUntilSettled(MainWindow& window, int timeoutMs)
{
    // Settled must hold over a few polls in a row: thumbnail requests start a moment after layout.
    QDeadlineTimer deadline(timeoutMs);
    int calm = 0;
    while (!deadline.hasExpired()) {
        QEventLoop loop;
        QTimer::singleShot(60, &loop, &QEventLoop::quit);
        loop.exec();
        calm = window.isSettled() ? calm + 1 : 0;
        if (calm >= 4)
            return true;
    }
    return false;
}

int ScreenshotRunner::run(MainWindow& window, const QString& view, const QString& file, int timeoutMs)
{
    QTextStream err(stderr);
    if (!isKnownView(view)) {
        err << "shoebox: unknown view '" << view
            << "' (grid, timeline, tags, places, people, duplicates, "
               "similar)\n";
        return 2;
    }
    window.show();
    if (view == QLatin1String("timeline"))
        window.showView(MainWindow::View::Timeline);
    else if (view == QLatin1String("tags"))
        window.showView(MainWindow::View::Tags);
    else if (view == QLatin1String("places"))
        window.showView(MainWindow::View::Places);
    else if (view == QLatin1String("people"))
        window.showView(MainWindow::View::People);
    else
        window.showView(MainWindow::View::Grid);
    const bool settled = waitUntilSettled(window, timeoutMs);
    if (!settled)
        err << "shoebox: the view did not settle within " << timeoutMs / 1000 << " s; saving what is shown\n";
    QWidget* target = &window;
    if (view == QLatin1String("duplicates") || view == QLatin1String("similar")) {
        DuplicatesDialog* dialog = window.openDuplicates();
        dialog->setLevel(view == QLatin1String("similar") ? DuplicateLevel::Similar : DuplicateLevel::Near);
        dialog->find();
        QDeadlineTimer wait(timeoutMs);
        int calm = 0;
        while (!wait.hasExpired() && calm < 4) {
            QEventLoop loop;
            QTimer::singleShot(60, &loop, &QEventLoop::quit);
            loop.exec();
            calm = dialog->isSettled() ? calm + 1 : 0;
        }
        target = dialog;
    }
    const QImage image = target->grab().toImage();
    if (image.isNull() || !image.save(file, "PNG")) {
        err << "shoebox: cannot write " << file << "\n";
        return 1;
    }
    return 0;
}

} // namespace shoebox
