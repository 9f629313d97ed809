// Video benchmarks (issue 10), run by tests/benchmarks/video_benchmark.sh:
//   bench_video scan DIR ROUNDS   full scan of DIR's videos vs the bare FFmpeg first-keyframe decode
//                                 of the same files (both on the machine's cores), rounds interleaved
//   bench_video near DIR          near-duplicate precision and recall over every pair of DIR's videos;
//                                 files named CLIP__VARIANT.ext are copies of CLIP
#include "catalog/database.h"
#include "duplicates/videomatcher.h"
#include "media/videoframes.h"
#include "scan/scanner.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtConcurrent/QtConcurrentMap>

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
}

#include <atomic>
#include <cstdio>
#include <ctime>

using namespace shoebox;

namespace {

QStringList videosIn(const QString& dir)
{
    QStringList out;
    for (const QFileInfo& f : QDir(dir).entryInfoList(QDir::Files, QDir::Name))
        out << f.absoluteFilePath();
    return out;
}

// What any video tool must do at least: open, find the stream, decode its first keyframe.
bool firstKeyframe(const QString& path)
{
    AVFormatContext* fmt = nullptr;
    const QByteArray p = QFile::encodeName(path);
    if (avformat_open_input(&fmt, p.constData(), nullptr, nullptr) < 0)
        return false;
    bool ok = false;
    const int s = avformat_find_stream_info(fmt, nullptr) >= 0
        ? av_find_best_stream(fmt, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0)
        : -1;
    const AVCodec* codec = s >= 0 ? avcodec_find_decoder(fmt->streams[s]->codecpar->codec_id) : nullptr;
    AVCodecContext* ctx = codec ? avcodec_alloc_context3(codec) : nullptr;
    if (ctx && avcodec_parameters_to_context(ctx, fmt->streams[s]->codecpar) >= 0) {
        ctx->thread_count = 1;
        if (avcodec_open2(ctx, codec, nullptr) >= 0) {
            AVPacket* pkt = av_packet_alloc();
            AVFrame* frame = av_frame_alloc();
            while (!ok && av_read_frame(fmt, pkt) >= 0) {
                if (pkt->stream_index == s && avcodec_send_packet(ctx, pkt) >= 0)
                    ok = avcodec_receive_frame(ctx, frame) == 0;
                av_packet_unref(pkt);
            }
            av_frame_free(&frame);
            av_packet_free(&pkt);
        }
    }
    avcodec_free_context(&ctx);
    avformat_close_input(&fmt);
    return ok;
}

double processCpuSeconds()
{
    timespec t {};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return double(t.tv_sec) + t.tv_nsec / 1e9;
}

// Wall time and CPU time (the steadier of the two on a shared, loaded machine) per round.
int scanBench(const QString& dir, int rounds)
{
    const QStringList files = videosIn(dir);
    std::printf("%lld videos in %s\n", qlonglong(files.size()), qPrintable(dir));
    std::printf("| round | bare first-keyframe decode | full scan | ratio | CPU ratio |\n| --- | --- | --- | --- | --- "
                "|\n");
    QList<double> ratios, cpuRatios;
    for (int r = 1; r <= rounds; ++r) {
        QElapsedTimer t;
        t.start();
        double cpu = processCpuSeconds();
        std::atomic_int decoded { 0 };
        QtConcurrent::blockingMap(files, [&decoded](const QString& f) {
            if (firstKeyframe(f))
                ++decoded;
        });
        const double bare = t.nsecsElapsed() / 1e9;
        const double bareCpu = processCpuSeconds() - cpu;
        QTemporaryDir lib;
        const QString libPath = lib.filePath(QStringLiteral("lib.db"));
        QString error;
        if (!Database::open(libPath, &error)) {
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 1;
        }
        t.restart();
        cpu = processCpuSeconds();
        const ScanSummary sum = Scanner(libPath).scan({ QFile::encodeName(dir) });
        const double scan = t.nsecsElapsed() / 1e9;
        const double scanCpu = processCpuSeconds() - cpu;
        Database::closeThreadConnection(libPath);
        ratios << bare / scan;
        cpuRatios << bareCpu / scanCpu;
        std::printf("| %d | %.2f s, %.1f videos/s (%d decoded), %.2f CPU-s | %.2f s, %.1f videos/s (%d errors), %.2f "
                    "CPU-s | %.1f%% | %.1f%% |\n",
            r, bare, files.size() / bare, decoded.load(), bareCpu, scan, files.size() / scan, int(sum.errors.size()),
            scanCpu, 100 * bare / scan, 100 * bareCpu / scanCpu);
        std::fflush(stdout);
    }
    std::sort(ratios.begin(), ratios.end());
    std::sort(cpuRatios.begin(), cpuRatios.end());
    std::printf("median ratio %.1f%% (CPU time %.1f%%)\n", 100 * ratios[ratios.size() / 2],
        100 * cpuRatios[cpuRatios.size() / 2]);
    return 0;
}

int nearBench(const QString& dir)
{
    const QStringList files = videosIn(dir);
    QElapsedTimer t;
    t.start();
    const QList<FrameHashSequence> seqs = QtConcurrent::blockingMapped(files, [](const QString& f) {
        return FrameHashSequence::decode(VideoFrames::hashSequenceOfFile(QFile::encodeName(f)))
            .value_or(FrameHashSequence());
    });
    const double hashing = t.nsecsElapsed() / 1e9;
    auto clipOf = [](const QString& f) { return QFileInfo(f).completeBaseName().section(QStringLiteral("__"), 0, 0); };
    int tp = 0, fp = 0, fn = 0, tn = 0;
    int trimPairs = 0, trimFound = 0; // same-clip pairs with a trimmed copy in them
    for (int i = 0; i < files.size(); ++i)
        for (int j = i + 1; j < files.size(); ++j) {
            const bool truth = clipOf(files[i]) == clipOf(files[j]);
            const VideoMatch m = VideoMatcher::compare(seqs[i], seqs[j]);
            const bool trim
                = files[i].contains(QStringLiteral("__trim")) || files[j].contains(QStringLiteral("__trim"));
            trimPairs += truth && trim;
            trimFound += truth && trim && m.same;
            if (m.same && truth)
                ++tp;
            else if (m.same)
                ++fp;
            else if (truth)
                ++fn;
            else
                ++tn;
            if (m.same != truth)
                std::printf("%s: %s ~ %s: %s\n", truth ? "missed" : "false match",
                    qPrintable(QFileInfo(files[i]).fileName()), qPrintable(QFileInfo(files[j]).fileName()),
                    qPrintable(m.reason));
        }
    std::printf("%lld videos, frame hashes in %.2f s (%.0f ms per video, 2 threads)\n", qlonglong(files.size()),
        hashing, 1000 * hashing / std::max<qsizetype>(1, files.size()) * 2);
    std::printf("pairs: %d same-clip, %d different-clip\n", tp + fn, fp + tn);
    std::printf("recall without trims %d/%d, with a trimmed copy %d/%d\n", tp - trimFound, tp + fn - trimPairs,
        trimFound, trimPairs);
    std::printf("precision %.3f (%d/%d), recall %.3f (%d/%d)\n", tp + fp ? double(tp) / (tp + fp) : 1.0, tp, tp + fp,
        tp + fn ? double(tp) / (tp + fn) : 1.0, tp, tp + fn);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    const QStringList args = app.arguments();
    if (args.size() >= 3 && args[1] == QLatin1String("scan"))
        return scanBench(args[2], args.size() > 3 ? args[3].toInt() : 3);
    if (args.size() >= 3 && args[1] == QLatin1String("near"))
        return nearBench(args[2]);
    std::fprintf(stderr, "usage: bench_video scan DIR [ROUNDS] | near DIR\n");
    return 2;
}
