// Desktop app at scale: a synthetic catalog (rows written through PhotoStore::save, thumbnails
// through ThumbnailCache::store), then the real MainWindow on it: time to the first grid paint, the
// longest stall of the UI thread while the grid is scrolled and the timeline scrubbed, peak memory.
//   bench_desktop build DIR [N]   writes DIR/library.db and DIR/cache/thumbnails (N photos, 100000)
//   bench_desktop run DIR         measures (start this as its own process: the clock starts at main)
// A UI-thread stall is the longest gap between two ticks of a 1 ms timer on the UI thread, minus
// the timer period, while the scripted scroll or scrub runs.
#include "catalog/database.h"
#include "catalog/photostore.h"
#include "image/thumbnailcache.h"
#include "pages/gridpage.h"
#include "pages/timelinepage.h"
#include "pages/timelinescrubber.h"
#include "shell/appsettings.h"
#include "shell/languagemanager.h"
#include "shell/mainwindow.h"
#include "support/photofixture.h"
#include "thumbnailview/photogridview.h"
#include "thumbnailview/photolistmodel.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QMouseEvent>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTimer>

#include <opencv2/core.hpp>

#include <algorithm>
#include <cstdio>
#include <functional>

using namespace shoebox;

namespace {

QElapsedTimer g_clock; // since main()

long peakRssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

void pointCachesAt(const QString& dir)
{
    qputenv("XDG_CACHE_HOME", QFile::encodeName(dir + QStringLiteral("/cache")));
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(dir + QStringLiteral("/config")));
    qputenv("XDG_DATA_HOME", QFile::encodeName(dir + QStringLiteral("/data")));
}

int build(const QString& dir, int n)
{
    QDir().mkpath(dir);
    const QString lib = dir + QStringLiteral("/library.db");
    QString error;
    if (!Database::open(lib, &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
    PhotoStore store(lib);
    QRandomGenerator rng(42);
    const qint64 mtime = 1'600'000'000;
    QElapsedTimer t;
    t.start();
    store.begin();
    qint64 folder = 0;
    for (int i = 0; i < n; ++i) {
        if (i % 1000 == 0) {
            const QByteArray path = "/photos/" + QByteArray::number(i / 1000);
            folder = store.ensureFolder(path, QString::fromLatin1(path));
        }
        test::PhotoFixture photo = test::lifetimePhoto(i, rng);
        photo.record().folderId = folder;
        photo.record().mtimeNs = mtime * 1'000'000'000;
        photo.saveTo(store);
        const PhotoRecord& r = photo.record();
        // A small picture per photo: a colour and a bar, so a wrong cell would show.
        cv::Mat img(96, 128, CV_8UC3, cv::Scalar(40 + i % 200, 90 + (i / 7) % 150, 160 - i % 120));
        img.rowRange(40, 56).setTo(cv::Scalar(255, 255, 255));
        ThumbnailCache::store(r.path, mtime, r.size, img, 4000, 3000, ThumbnailCache::Large);
        if (i % 20000 == 19999) {
            store.commit();
            store.begin();
            std::printf("%d photos, %.0f s\n", i + 1, t.elapsed() / 1000.0);
            std::fflush(stdout);
        }
    }
    store.commit();
    std::printf("built %d photos with thumbnails in %.1f s\n", n, t.elapsed() / 1000.0);
    return 0;
}

// Runs steps one per frame (16 ms) and reports the longest gap of a 1 ms heartbeat meanwhile.
struct StallMeter {
    QElapsedTimer clock;
    qint64 last = 0;
    qint64 worst = 0;
    QList<qint64> gaps;
    QTimer beat;
    StallMeter()
    {
        beat.setTimerType(Qt::PreciseTimer);
        beat.setInterval(1);
        QObject::connect(&beat, &QTimer::timeout, [this] {
            const qint64 now = clock.nsecsElapsed();
            gaps.append(now - last);
            worst = std::max(worst, now - last);
            last = now;
        });
    }
    void start()
    {
        gaps.clear();
        worst = 0;
        clock.start();
        last = 0;
        beat.start();
    }
    void stop() { beat.stop(); }
    double worstMs() const { return std::max<qint64>(0, worst - 1'000'000) / 1e6; }
    double p99Ms()
    {
        if (gaps.isEmpty())
            return 0;
        std::sort(gaps.begin(), gaps.end());
        return std::max<qint64>(0, gaps[int(gaps.size() * 0.99)] - 1'000'000) / 1e6;
    }
};

void runSteps(int count, const std::function<void(int)>& step)
{
    QEventLoop loop;
    int i = 0;
    QTimer frame;
    frame.setInterval(16);
    QObject::connect(&frame, &QTimer::timeout, [&] {
        if (i >= count) {
            loop.quit();
            return;
        }
        step(i++);
    });
    frame.start();
    loop.exec();
}

void waitSettled(MainWindow& w)
{
    QEventLoop loop;
    QTimer poll;
    int calm = 0;
    QObject::connect(&poll, &QTimer::timeout, [&] {
        calm = w.isSettled() ? calm + 1 : 0;
        if (calm >= 3)
            loop.quit();
    });
    poll.start(20);
    loop.exec();
}

int run(const QString& dir, QApplication& app)
{
    const QString lib = dir + QStringLiteral("/library.db");
    QString error;
    if (!Database::open(lib, &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
    AppSettings::setThumbnailSize(160);
    LanguageManager languages;
    languages.setLanguage(QStringLiteral("en"));
    MainWindow window(lib, &languages);
    window.resize(1600, 1000);
    PhotoGridView* grid = window.gridPage()->view();

    double firstPaint = -1;
    struct PaintWatch : QObject {
        std::function<void()> onPaint;
        bool eventFilter(QObject*, QEvent* e) override
        {
            if (e->type() == QEvent::Paint)
                onPaint();
            return false;
        }
    } watch;
    watch.onPaint = [&] {
        if (firstPaint < 0 && window.gridModel()->rowCount() > 0)
            firstPaint = g_clock.nsecsElapsed() / 1e6;
    };
    grid->viewport()->installEventFilter(&watch);
    window.show();
    waitSettled(window);
    const double settled = g_clock.nsecsElapsed() / 1e6;
    const int rows = window.gridModel()->rowCount();

    StallMeter meter;
    // Scroll: drag the scroll bar from top to bottom in 240 frames, then back up with the wheel step.
    QScrollBar* bar = grid->verticalScrollBar();
    meter.start();
    runSteps(240, [&](int i) { bar->setValue(int(qint64(bar->maximum()) * (i + 1) / 240)); });
    runSteps(120, [&](int) { bar->setValue(bar->value() - 3 * bar->singleStep()); });
    waitSettled(window);
    meter.stop();
    const double scrollWorst = meter.worstMs(), scrollP99 = meter.p99Ms();

    window.showView(MainWindow::View::Timeline);
    waitSettled(window);
    TimelineScrubber* scrubber = window.timelinePage()->scrubber();
    const int buckets = int(window.timelineModel()->buckets().size());
    meter.start();
    const QPointF at(scrubber->width() / 2.0, 10);
    QMouseEvent press(QEvent::MouseButtonPress, at, scrubber->mapToGlobal(at), Qt::LeftButton, Qt::LeftButton, {});
    QApplication::sendEvent(scrubber, &press);
    runSteps(240, [&](int i) {
        const QPointF p(scrubber->width() / 2.0, (scrubber->height() - 1) * (i + 1) / 240.0);
        QMouseEvent move(QEvent::MouseMove, p, scrubber->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, {});
        QApplication::sendEvent(scrubber, &move);
    });
    QMouseEvent release(QEvent::MouseButtonRelease, at, scrubber->mapToGlobal(at), Qt::LeftButton, {}, {});
    QApplication::sendEvent(scrubber, &release);
    waitSettled(window);
    meter.stop();
    const double scrubWorst = meter.worstMs(), scrubP99 = meter.p99Ms();

    std::printf("photos: %d, months: %d\n", rows, buckets);
    std::printf("first grid paint: %.0f ms after main(); visible thumbnails painted: %.0f ms\n", firstPaint, settled);
    std::printf("UI-thread stall while scrolling: longest %.1f ms, p99 %.1f ms\n", scrollWorst, scrollP99);
    std::printf("UI-thread stall while scrubbing: longest %.1f ms, p99 %.1f ms\n", scrubWorst, scrubP99);
    std::printf("peak memory (VmHWM): %.0f MB\n", peakRssKiB() / 1024.0);
    Q_UNUSED(app);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    g_clock.start();
    if (argc < 3 || (qstrcmp(argv[1], "build") != 0 && qstrcmp(argv[1], "run") != 0)) {
        std::fprintf(stderr, "usage: bench_desktop build DIR [N] | run DIR\n");
        return 2;
    }
    const QString dir = QDir(QString::fromLocal8Bit(argv[2])).absolutePath();
    pointCachesAt(dir);
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("shoebox-bench"));
    QCoreApplication::setApplicationName(QStringLiteral("shoebox-bench"));
    if (qstrcmp(argv[1], "build") == 0)
        return build(dir, argc > 3 ? std::atoi(argv[3]) : 100000);
    return run(dir, app);
}
