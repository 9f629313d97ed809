// Scan throughput against the bare decode limit, and rescan time of an unchanged tree.
//   bench_scan make-set SRC_DIR OUT_DIR COUNT        12-megapixel JPEGs made from real photos
//   bench_scan compare SET_DIR [ROUNDS]              decode limit vs full scan, both cores
//   bench_scan rescan TREE_DIR                       full scan once, then time an unchanged rescan
// Prints one line per figure; the ratio is the number that counts.

#include "catalog/database.h"
#include "scan/scanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>

using namespace shoebox;

namespace {

QStringList images(const QString& dir)
{
    QStringList out;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(
             { QStringLiteral("*.jpg"), QStringLiteral("*.png"), QStringLiteral("*.webp") }, QDir::Files, QDir::Name))
        out << fi.absoluteFilePath();
    return out;
}

int makeSet(const QString& src, const QString& out, int count)
{
    QDir().mkpath(out);
    const QStringList sources = images(src);
    if (sources.isEmpty())
        return std::fprintf(stderr, "no photos in %s\n", qPrintable(src)), 1;
    QList<int> indexes;
    for (int i = 0; i < count; ++i)
        indexes << i;
    QtConcurrent::blockingMap(indexes, [&](int i) {
        const QString target = QStringLiteral("%1/photo%2.jpg").arg(out).arg(i, 5, 10, QLatin1Char('0'));
        if (QFile::exists(target))
            return;
        cv::Mat img = cv::imread(sources[i % sources.size()].toStdString(), cv::IMREAD_COLOR);
        // Each copy differs: a crop window and a flip chosen by i, so no two files are the same bytes.
        const int cx = (i * 37) % std::max(1, img.cols / 10), cy = (i * 53) % std::max(1, img.rows / 10);
        img = img(cv::Rect(cx, cy, img.cols - cx, img.rows - cy)).clone();
        if (i % 2)
            cv::flip(img, img, 1);
        cv::Mat big;
        cv::resize(img, big, cv::Size(4000, 3000), 0, 0, cv::INTER_LINEAR);
        cv::imwrite(target.toStdString(), big, { cv::IMWRITE_JPEG_QUALITY, 92 });
    });
    std::printf("made %d 12-megapixel JPEGs in %s\n", count, qPrintable(out));
    return 0;
}

double decodeLimit(const QStringList& files)
{
    QElapsedTimer t;
    t.start();
    QtConcurrent::blockingMap(files, [](const QString& f) {
        QFile file(f);
        file.open(QIODevice::ReadOnly);
        const QByteArray bytes = file.readAll();
        const cv::Mat buf(1, int(bytes.size()), CV_8UC1, const_cast<char*>(bytes.constData()));
        const cv::Mat img = cv::imdecode(buf, cv::IMREAD_REDUCED_COLOR_8);
        if (img.empty())
            std::fprintf(stderr, "cannot decode %s\n", qPrintable(f));
    });
    return t.elapsed() / 1000.0;
}

ScanSummary scanOnce(const QString& lib, const QString& dir)
{
    QString error;
    if (!Database::open(lib, &error))
        qFatal("%s", qPrintable(error));
    Scanner scanner(lib);
    return scanner.scan({ QFile::encodeName(dir) });
}

// Rounds alternate the two measurements, so load from anything else on the machine falls on both;
// the median of the per-round ratios is the figure reported.
int compare(const QString& dir, int rounds)
{
    const QStringList files = images(dir);
    decodeLimit(files); // warm the page cache so every run reads from memory
    std::printf("files: %lld, threads: %d\n", static_cast<long long>(files.size()), QThread::idealThreadCount());
    std::vector<double> ratios;
    for (int i = 0; i < rounds; ++i) {
        QTemporaryDir tmp;
        qputenv("XDG_CACHE_HOME", QFile::encodeName(tmp.filePath(QStringLiteral("cache"))));
        const double limit = decodeLimit(files);
        const double scan = scanOnce(tmp.filePath(QStringLiteral("lib.db")), dir).totals.elapsedSeconds;
        ratios.push_back(limit / scan);
        std::printf("round %d: decode limit (imdecode REDUCED_COLOR_8, all cores) %.2f s = %.1f photos/s;"
                    " full scan (read, XXH3, EXIF, decode, thumbnail, hashes, SQLite) %.2f s = %.1f photos/s;"
                    " ratio %.1f%%\n",
            i + 1, limit, files.size() / limit, scan, files.size() / scan, 100 * limit / scan);
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf(
        "scan throughput / decode limit, median of %d rounds: %.1f%%\n", rounds, 100 * ratios[ratios.size() / 2]);
    return 0;
}

int rescan(const QString& dir)
{
    QTemporaryDir tmp;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(tmp.filePath(QStringLiteral("cache"))));
    const QString lib = tmp.filePath(QStringLiteral("lib.db"));
    const ScanSummary first = scanOnce(lib, dir);
    const ScanSummary again = scanOnce(lib, dir);
    std::printf(
        "first scan: %lld files in %.2f s\n", static_cast<long long>(first.totals.found), first.totals.elapsedSeconds);
    std::printf("rescan of unchanged tree: %lld files, %lld unchanged, %.3f s\n",
        static_cast<long long>(again.totals.found), static_cast<long long>(again.totals.unchanged),
        again.totals.elapsedSeconds);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 5 && a[1] == QLatin1String("make-set"))
        return makeSet(a[2], a[3], a[4].toInt());
    if (a.size() >= 3 && a[1] == QLatin1String("compare"))
        return compare(a[2], a.size() >= 4 ? a[3].toInt() : 3);
    if (a.size() >= 3 && a[1] == QLatin1String("rescan"))
        return rescan(a[2]);
    std::fprintf(stderr, "usage: bench_scan make-set SRC OUT COUNT | compare DIR | rescan DIR\n");
    return 2;
}
