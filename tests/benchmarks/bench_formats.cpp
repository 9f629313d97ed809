// HEIC and RAW scan throughput against the bare library work on the same files (issue 10).
//   bench_formats make-set SRC_DIR OUT_DIR          12 MP HEICs with 320 px thumbnails, 12 MP DNGs with
//                                                   1600 px JPEG previews, made from real photos
//   bench_formats compare SET_DIR [ROUNDS] [heic|raw] per format: bare library limit vs full scan, all cores;
//                                                   RAW also against the bare work plus the file's hash
//   bench_formats make-grid SRC_PHOTO OUT_HEIC       a 4032x3024 HEIC stored as iPhones store it: a grid of
//                                                   48 tiles of 512x512 (minutes: 48 x265 encodes)
//   bench_formats viewer HEIC_FILE [ROUNDS]         the viewer's full HEIC decode on 2 threads vs 1
//   bench_formats stages DIR [REPEATS]              CPU time of each step of the scan's work per file of DIR,
//                                                   against the bare work (medians of the repeats)
//   bench_formats mixed OUT_DIR [SETS]              a mixed library (JPEG, HEIC, RAW+JPEG, video, Live and
//                                                   motion photos) scanned by shoebox-cli; items per kind
//                                                   from `list --json` against what was written
// Prints one line per figure; the ratios are the numbers that count.

#include "catalog/database.h"
#include "image/heifdecoder.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "image/perceptualhasher.h"
#include "image/thumbnailcache.h"
#include "metadata/xmpreader.h"
#include "scan/filereader.h"
#include "scan/scanner.h"
#include "support/clirunner.h"
#include "support/dngfixture.h"
#include "support/heiffixture.h"
#include "support/heifgrid.h"
#include "support/mixedlibrary.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QThread>
#include <QtConcurrent/QtConcurrentMap>

#include <libheif/heif.h>
#include <libraw/libraw.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <sys/resource.h>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Copies of two encoded photos (encoding a 12 MP HEIC is slow); enough that the scan's fixed cost
// (catalog creation, walker, thread start) is small against the per-file work.
constexpr int kHeicCopies = 200;
constexpr int kRawCopies = 100; // 24 MB each

QStringList filesIn(const QString& dir)
{
    QStringList out;
    for (const QFileInfo& fi : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out << fi.absoluteFilePath();
    return out;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The bare runs read into one buffer per thread, as the scanner does: a fresh 24 MB allocation per
// file costs page faults on the scale of the library work being measured.
const QByteArray& readReused(const QString& path)
{
    thread_local QByteArray buffer;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return buffer = QByteArray();
    if (buffer.capacity() < f.size())
        buffer.reserve(f.size());
    buffer.resize(f.size());
    f.read(buffer.data(), f.size());
    return buffer;
}

int makeSet(const QString& src, const QString& out)
{
    QDir().mkpath(out + QStringLiteral("/heic"));
    QDir().mkpath(out + QStringLiteral("/raw"));
    const QStringList sources = filesIn(src).filter(QStringLiteral(".jpg"));
    if (sources.size() < 2)
        return std::fprintf(stderr, "need photos in %s\n", qPrintable(src)), 1;
    for (int k = 0; k < 2; ++k) {
        cv::Mat big;
        cv::resize(cv::imread(sources[k].toStdString()), big, cv::Size(4032, 3024));
        HeifFields f;
        f.thumbnailBox = 320; // as an iPhone stores it
        const QByteArray heic = encodeHeif(big, f);
        DngFields d;
        d.previewLongSide = 1600;
        const QByteArray dng = dngBytes(big(cv::Rect(0, 0, 4000, 3000)), d);
        if (heic.isEmpty() || dng.isEmpty())
            return std::fprintf(stderr, "encoding failed\n"), 1;
        // Byte-identical copies cost the scan exactly what distinct files would (it reads, hashes and
        // decodes each); only the duplicate finder would notice.
        for (int i = k; i < std::max(kHeicCopies, kRawCopies); i += 2) {
            QFile h(QStringLiteral("%1/heic/IMG_%2.HEIC").arg(out).arg(i, 4, 10, QLatin1Char('0')));
            QFile r(QStringLiteral("%1/raw/DSC_%2.DNG").arg(out).arg(i, 4, 10, QLatin1Char('0')));
            if ((i < kHeicCopies && (!h.open(QIODevice::WriteOnly) || h.write(heic) != heic.size()))
                || (i < kRawCopies && (!r.open(QIODevice::WriteOnly) || r.write(dng) != dng.size())))
                return std::fprintf(stderr, "cannot write in %s\n", qPrintable(out)), 1;
        }
    }
    std::printf("made %d HEIC and %d DNG in %s\n", kHeicCopies, kRawCopies, qPrintable(out));
    return 0;
}

// The bare work: libheif opens the file from memory and decodes its embedded thumbnail.
void heifThumbnail(const QString& path)
{
    const QByteArray& bytes = readReused(path);
    heif_context* ctx = heif_context_alloc();
    heif_image_handle *primary = nullptr, *thumb = nullptr;
    heif_image* img = nullptr;
    heif_item_id id = 0;
    if (heif_context_read_from_memory_without_copy(ctx, bytes.constData(), size_t(bytes.size()), nullptr).code
            == heif_error_Ok
        && heif_context_get_primary_image_handle(ctx, &primary).code == heif_error_Ok
        && heif_image_handle_get_list_of_thumbnail_IDs(primary, &id, 1) == 1
        && heif_image_handle_get_thumbnail(primary, id, &thumb).code == heif_error_Ok)
        heif_decode_image(thumb, &img, heif_colorspace_RGB, heif_chroma_interleaved_RGB, nullptr);
    if (!img)
        std::fprintf(stderr, "no thumbnail in %s\n", qPrintable(path));
    heif_image_release(img);
    heif_image_handle_release(thumb);
    heif_image_handle_release(primary);
    heif_context_free(ctx);
}

// The bare work: LibRaw opens the file from memory, extracts its preview, and the JPEG is decoded at
// the smallest DCT scale that keeps 256 pixels (what any thumbnailer must do with it).
void rawPreviewOf(const char* data, size_t size, const QString& path)
{
    auto raw = std::make_unique<LibRaw>();
    cv::Mat img;
    if (raw->open_buffer(const_cast<char*>(data), size) == LIBRAW_SUCCESS && raw->unpack_thumb() == LIBRAW_SUCCESS
        && raw->imgdata.thumbnail.tformat == LIBRAW_THUMBNAIL_JPEG) {
        const libraw_thumbnail_t& t = raw->imgdata.thumbnail;
        const cv::Mat buf(1, int(t.tlength), CV_8UC1, t.thumb);
        img = cv::imdecode(buf, cv::IMREAD_REDUCED_COLOR_4);
    }
    if (img.empty())
        std::fprintf(stderr, "no preview in %s\n", qPrintable(path));
}

void rawPreview(const QString& path)
{
    const QByteArray& bytes = readReused(path);
    rawPreviewOf(bytes.constData(), size_t(bytes.size()), path);
}

// The same plus the XXH3-128 of every byte, computed in the read loop as the scan does: no scan can
// skip it (exact duplicates are found by it), so the scan against this shows what is left beside it.
void rawPreviewHashed(const QString& path)
{
    thread_local FileReader reader;
    reader.read(QFile::encodeName(path), qint64(1) << 31);
    rawPreviewOf(reinterpret_cast<const char*>(reader.data()), reader.size(), path);
    reader.release();
}

double processCpuMs()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

double limit(const QStringList& files, void (*work)(const QString&))
{
    QElapsedTimer t;
    t.start();
    QtConcurrent::blockingMap(files, work);
    return t.elapsed() / 1000.0;
}

double scan(const QString& dir)
{
    QTemporaryDir tmp;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(tmp.filePath(QStringLiteral("cache"))));
    const QString lib = tmp.filePath(QStringLiteral("lib.db"));
    QString error;
    if (!Database::open(lib, &error))
        qFatal("%s", qPrintable(error));
    Scanner scanner(lib);
    const ScanSummary s = scanner.scan({ QFile::encodeName(dir) });
    if (s.totals.added != s.totals.found)
        std::fprintf(stderr, "only %lld of %lld scanned\n", static_cast<long long>(s.totals.added),
            static_cast<long long>(s.totals.found));
    return s.totals.elapsedSeconds;
}

struct Baseline {
    const char* name;
    void (*work)(const QString&);
    std::vector<double> ratios {}, cpuRatios {};
};

// Rounds alternate the measurements so outside load falls on all; the median ratio counts. CPU time is
// printed too: on a shared, loaded machine it is the steadier of the two.
void compareOne(const char* name, const QString& dir, std::vector<Baseline> baselines, int rounds)
{
    const QStringList files = filesIn(dir);
    limit(files, baselines[0].work); // page cache warm
    const double n = double(files.size());
    for (int i = 0; i < rounds; ++i) {
        std::vector<std::pair<double, double>> bare; // wall s, CPU ms
        for (const Baseline& b : baselines) {
            const double cpu = processCpuMs();
            const double wall = limit(files, b.work);
            bare.emplace_back(wall, processCpuMs() - cpu);
        }
        const double cpu = processCpuMs();
        const double full = scan(dir);
        const double fullCpu = processCpuMs() - cpu;
        std::printf(
            "%s round %d: scan %.2f s = %.1f files/s (%.1f ms CPU/file)\n", name, i + 1, full, n / full, fullCpu / n);
        for (size_t k = 0; k < baselines.size(); ++k) {
            Baseline& b = baselines[k];
            b.ratios.push_back(bare[k].first / full);
            b.cpuRatios.push_back(bare[k].second / fullCpu);
            std::printf("    %-28s %.2f s = %.1f files/s (%.1f ms CPU/file); scan / it %.1f%% (CPU %.1f%%)\n", b.name,
                bare[k].first, n / bare[k].first, bare[k].second / n, 100 * b.ratios.back(), 100 * b.cpuRatios.back());
        }
    }
    for (Baseline& b : baselines) {
        std::sort(b.ratios.begin(), b.ratios.end());
        std::sort(b.cpuRatios.begin(), b.cpuRatios.end());
        std::printf("%s scan / %s, median of %d rounds: %.1f%% (CPU time %.1f%%)\n", name, b.name, rounds,
            100 * b.ratios[b.ratios.size() / 2], 100 * b.cpuRatios[b.cpuRatios.size() / 2]);
    }
}

// FORMATS picks "heic", "raw" or both (the default).
int compare(const QString& dir, int rounds, const QString& formats)
{
    std::printf("threads: %d\n", QThread::idealThreadCount());
    if (formats.contains(QLatin1String("heic")))
        compareOne("HEIC", dir + QStringLiteral("/heic"), { { "bare libheif thumbnail", heifThumbnail } }, rounds);
    if (formats.contains(QLatin1String("raw")))
        compareOne("RAW", dir + QStringLiteral("/raw"),
            { { "bare LibRaw preview", rawPreview }, { "bare preview + XXH3 of file", rawPreviewHashed } }, rounds);
    return 0;
}

int makeGrid(const QString& src, const QString& out)
{
    cv::Mat big;
    const cv::Mat photo = cv::imread(src.toStdString());
    if (photo.empty())
        return std::fprintf(stderr, "cannot read %s\n", qPrintable(src)), 1;
    cv::resize(photo, big, cv::Size(4032, 3024));
    QString error;
    const QByteArray heic = gridHeic(big, 512, 85, &error);
    QFile f(out);
    if (heic.isEmpty() || !f.open(QIODevice::WriteOnly) || f.write(heic) != heic.size())
        return std::fprintf(stderr, "cannot make %s: %s\n", qPrintable(out), qPrintable(error)), 1;
    std::printf("wrote %s: 4032x3024 as 8x6 tiles of 512x512, %lld bytes\n", qPrintable(out), qlonglong(heic.size()));
    return 0;
}

// Wall time is what the viewer's user waits; CPU time is printed beside it to show the threads did the
// same work between them (on a loaded machine the wall-clock speed-up is capped by the free cores).
int viewer(const QString& path, int rounds)
{
    const QByteArray bytes = readAll(path);
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.constData());
    std::vector<double> ratios;
    for (int i = 0; i < rounds; ++i) {
        double seconds[2] = { 0, 0 }, cpu[2] = { 0, 0 };
        for (int threads : { 1, 2 }) {
            QElapsedTimer t;
            t.start();
            const double cpuStart = processCpuMs();
            const DecodedImage img = HeifDecoder::decode(data, size_t(bytes.size()), 1 << 20, threads);
            seconds[threads - 1] = t.elapsed() / 1000.0;
            cpu[threads - 1] = (processCpuMs() - cpuStart) / 1000.0;
            if (!img.error.isEmpty())
                return std::fprintf(stderr, "%s\n", qPrintable(img.error)), 1;
            if (i == 0 && threads == 1)
                std::printf("decoded %dx%d\n", img.upright.cols, img.upright.rows);
        }
        ratios.push_back(seconds[0] / seconds[1]);
        std::printf("round %d: 1 thread %.2f s (%.2f CPU-s), 2 threads %.2f s (%.2f CPU-s), speed-up %.2fx\n", i + 1,
            seconds[0], cpu[0], seconds[1], cpu[1], seconds[0] / seconds[1]);
    }
    std::sort(ratios.begin(), ratios.end());
    std::printf("full HEIC decode, 2 threads vs 1, median of %d rounds: %.2fx\n", rounds, ratios[ratios.size() / 2]);
    return 0;
}

// CPU time rather than wall time: it does not depend on what else the machine runs. The process's, not
// the thread's: libheif decodes on threads of its own.
int stages(const QString& dir, int repeats)
{
    QTemporaryDir tmp;
    qputenv("XDG_CACHE_HOME", QFile::encodeName(tmp.path()));
    const QStringList files = filesIn(dir);
    if (files.size() < 2)
        return std::fprintf(stderr, "need files in %s\n", qPrintable(dir)), 1;
    const bool raw = !files[0].endsWith(QStringLiteral(".HEIC"), Qt::CaseInsensitive);
    const char* names[] = { "bare library work", "read + XXH3-128", "probe", "decode + metadata", "XMP/IPTC (exiv2)",
        "downscale", "thumbnail PNG", "perceptual hashes" };
    std::vector<std::vector<double>> ms(8);
    FileReader reader;
    for (int i = 0; i < repeats; ++i) {
        // Never the file the other side just read: both start from the page cache, not the CPU cache.
        const QString bareFile = files[(2 * i) % files.size()];
        const QByteArray file = QFile::encodeName(files[(2 * i + 1) % files.size()]);
        double t = processCpuMs(), now = 0;
        auto lap = [&](int stage) {
            now = processCpuMs();
            ms[size_t(stage)].push_back(now - t);
            t = now;
        };
        (raw ? rawPreview : heifThumbnail)(bareFile);
        lap(0);
        reader.read(file, qint64(1) << 31);
        lap(1);
        const ImageProbe probe = probeImage(reader.data(), reader.size(), file);
        lap(2);
        PhotoMetadata meta;
        const DecodedImage img = ImageDecoder::decodeWithMetadata(reader.data(), reader.size(), probe, 256, meta);
        lap(3);
        XmpReader::readEmbedded(reader.data(), reader.size(), meta.orientation);
        lap(4);
        const cv::Mat small = ThumbnailCache::scaled(img.upright, ThumbnailCache::Large);
        lap(5);
        ThumbnailCache::store(file, i, 1, small, img.fullWidth, img.fullHeight);
        lap(6);
        PerceptualHasher::compute(small);
        lap(7);
        reader.release();
    }
    double scanTotal = 0;
    for (size_t k = 0; k < ms.size(); ++k) {
        std::sort(ms[k].begin(), ms[k].end());
        const double median = ms[k][ms[k].size() / 2];
        scanTotal += k > 0 ? median : 0;
        std::printf("%-20s %7.2f ms CPU\n", names[k], median);
    }
    std::printf("%-20s %7.2f ms CPU (bare / scan steps: %.1f%%)\n", "scan steps", scanTotal,
        100 * ms[0][ms[0].size() / 2] / scanTotal);
    return 0;
}

// CPU time of the finished child processes (the shoebox-cli runs).
double childrenCpuSeconds()
{
    rusage u {};
    getrusage(RUSAGE_CHILDREN, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) + (u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

int mixed(const QString& out, int sets)
{
    QString error;
    if (QDir(out).exists() && !QDir(out).removeRecursively())
        return std::fprintf(stderr, "cannot empty %s\n", qPrintable(out)), 1;
    if (!MixedLibrary::write(out + QStringLiteral("/roll"), sets, &error))
        return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
    const QString lib = out + QStringLiteral("/lib.db");
    const QMap<QString, QString> env { { QStringLiteral("XDG_CACHE_HOME"), out + QStringLiteral("/cache") } };
    QElapsedTimer t;
    t.start();
    const double childCpu = childrenCpuSeconds();
    const CliResult scan = runCli(lib,
        { QStringLiteral("--json"), QStringLiteral("scan"), QStringLiteral("--no-tags"),
            out + QStringLiteral("/roll") },
        env);
    const double seconds = t.elapsed() / 1000.0;
    const double cpu = childrenCpuSeconds() - childCpu;
    const int files = sets * MixedLibrary::kFilesPerSet;
    std::printf("scan of %d files (%d sets): exit %d, %.2f s wall (%.1f files/s), %.2f CPU-s (%.1f ms per file), "
                "added %d, problems %lld\n",
        files, sets, scan.code, seconds, files / seconds, cpu, 1000 * cpu / files,
        scan.json().value(QStringLiteral("added")).toInt(),
        static_cast<long long>(scan.json().value(QStringLiteral("problems")).toArray().size()));
    const QJsonArray listed = runCli(lib, { QStringLiteral("--json"), QStringLiteral("list") })
                                  .json()
                                  .value(QStringLiteral("photos"))
                                  .toArray();
    const QMap<QString, int> got = MixedLibrary::countItems(listed), want = MixedLibrary::expectedItems(sets);
    std::printf("| item kind | written | listed |\n| --- | --- | --- |\n");
    QStringList kinds = got.keys() + want.keys();
    kinds.removeDuplicates();
    for (const QString& k : kinds)
        std::printf("| %s | %d | %d |\n", qPrintable(k), want.value(k), got.value(k));
    std::printf("counts per kind %s\n", got == want ? "match" : "DIFFER");
    return got == want && scan.code == 0 ? 0 : 1;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList a = app.arguments();
    if (a.size() >= 4 && a[1] == QLatin1String("make-set"))
        return makeSet(a[2], a[3]);
    if (a.size() >= 3 && a[1] == QLatin1String("compare"))
        return compare(a[2], a.size() >= 4 ? a[3].toInt() : 3, a.size() >= 5 ? a[4] : QStringLiteral("heic,raw"));
    if (a.size() >= 4 && a[1] == QLatin1String("make-grid"))
        return makeGrid(a[2], a[3]);
    if (a.size() >= 3 && a[1] == QLatin1String("viewer"))
        return viewer(a[2], a.size() >= 4 ? a[3].toInt() : 3);
    if (a.size() >= 3 && a[1] == QLatin1String("stages"))
        return stages(a[2], a.size() >= 4 ? a[3].toInt() : 20);
    if (a.size() >= 3 && a[1] == QLatin1String("mixed"))
        return mixed(a[2], a.size() >= 4 ? a[3].toInt() : 25);
    std::fprintf(stderr,
        "usage: bench_formats make-set SRC OUT | compare DIR [ROUNDS] [heic|raw] | make-grid SRC OUT | viewer FILE "
        "[ROUNDS] | mixed OUT "
        "[SETS]\n");
    return 2;
}
