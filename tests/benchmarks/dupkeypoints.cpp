// Measures the keypoint verifier (KeypointMatcher) on a shoebox-dupdataset folder: per edit, the share
// of (original, edit) pairs it accepts, and every negative pair it accepts (hard negatives against
// their scene, the stereo pair, look-alike textures, and a sample of unrelated pairs), with the
// distributions of its measures, so KeypointRules' thresholds can be set from data.
//
//   shoebox-dupkeypoints MANIFEST.tsv

#include "duplicates/duplicatematchers.h"
#include "duplicates/duplicatesignals.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/thumbaligner.h"
#include "image/imagedecoder.h"
#include "image/thumbnailcache.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QTextStream>
#include <QtConcurrent/QtConcurrentMap>

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <map>
#include <random>

using namespace shoebox;

namespace {

struct Row {
    QString file, group, scene, kind, edit;
    KeypointSet kp;
    PhotoSignals sig;
    int bytes = 0;
};

FILE* g_tsv = nullptr;

void dump(const char* label, const KeypointMatch& m, const Row& a, const Row& b)
{
    if (!g_tsv)
        return;
    const SignalVerdict al = DuplicateMatchers::aligned(a.sig, b.sig, DuplicateRules());
    const double at = m.fitted ? ThumbAligner::correlationAt(m.firstIsInner ? a.sig.gray : b.sig.gray,
                          m.firstIsInner ? b.sig.gray : a.sig.gray, m.innerToOuter)
                               : -1;
    std::fprintf(g_tsv, "%s\t%s\t%s\t%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t%.2f\t%.1f\t%.3f\t%.3f\t%d\t%.3f\n", label,
        qPrintable(a.file.section(QLatin1Char('/'), -1)), qPrintable(b.file.section(QLatin1Char('/'), -1)),
        qPrintable(b.edit), m.fitted, m.matches, m.inliers, m.inlierShare, m.coverage, m.maxCrop, m.overflow, m.degrees,
        m.inlierDistance, m.residual, al.value, al.verdict == Verdict::Near, at);
}

void report(const char* label, const KeypointMatch& m, const Row& a, const Row& b)
{
    const SignalVerdict al = DuplicateMatchers::aligned(a.sig, b.sig, DuplicateRules());
    std::printf("  %s %s ~ %s: %s crop %.3f over %.3f deg %.1f share %.2f cover %.2f dist %.1f aligned %.3f%s\n", label,
        qPrintable(a.file.section(QLatin1Char('/'), -1)), qPrintable(b.file.section(QLatin1Char('/'), -1)),
        qPrintable(m.describe()), m.maxCrop, m.overflow, m.degrees, m.inlierShare, m.coverage, m.inlierDistance,
        al.value, al.verdict == Verdict::Near ? " NEAR" : "");
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 2) {
        std::fprintf(stderr, "usage: shoebox-dupkeypoints MANIFEST.tsv\n");
        return 2;
    }
    if (argc > 2)
        g_tsv = std::fopen(argv[2], "w");
    QFile f(QString::fromLocal8Bit(argv[1]));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QTextStream in(&f);
    in.readLine();
    QVector<Row> rows;
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char('\t'));
        if (c.size() >= 6)
            rows.push_back({ c[0], c[1], c[2], c[3], c[4] + QLatin1Char(' ') + c[5], {}, {}, 0 });
    }
    QElapsedTimer timer;
    timer.start();
    std::atomic<qint64> computeNs { 0 };
    QtConcurrent::blockingMap(rows, [&computeNs](Row& r) {
        const DecodedImage img = ImageDecoder::decodeFile(r.file.toLocal8Bit(), 256);
        if (!img.error.isEmpty())
            return;
        const cv::Mat small = ThumbnailCache::scaled(img.upright, ThumbnailCache::Large);
        QElapsedTimer t;
        t.start();
        const QByteArray bytes = KeypointMatcher::compute(small);
        computeNs += t.nsecsElapsed();
        r.bytes = bytes.size();
        r.kp = KeypointMatcher::decode(bytes);
        r.sig = DuplicateSignals::fromImage(small, r.file);
        r.sig.width = img.fullWidth;
        r.sig.height = img.fullHeight;
    });
    qint64 bytes = 0;
    for (const Row& r : rows)
        bytes += r.bytes;
    std::printf("decoded and described %d files in %.1f s; KeypointMatcher::compute %.2f ms per photo "
                "(thread time), %.0f bytes per photo stored\n",
        int(rows.size()), timer.elapsed() / 1000.0, computeNs.load() / 1e6 / rows.size(), double(bytes) / rows.size());
    // The pure cost of one pair comparison, single thread.
    timer.restart();
    int timed = 0;
    for (int i = 0; i + 1 < rows.size() && timed < 2000; i += 1, ++timed)
        KeypointMatcher::match(rows[i].kp, rows[i + 1].kp);
    std::printf("KeypointMatcher::match: %.0f us per pair (%d neighbouring pairs, single thread)\n",
        timer.nsecsElapsed() / 1e3 / std::max(1, timed), timed);
    const DuplicateRules rules;
    // The engine's own keypoint verdict, so this tool measures exactly what DuplicateRules decide.
    const auto accepts = [&rules](const Row& a, const Row& b) {
        PhotoSignals x = a.sig, y = b.sig;
        return DuplicateMatchers::keypoints(x, y, rules).verdict == Verdict::Near;
    };
    QHash<QString, int> original;
    for (int i = 0; i < rows.size(); ++i)
        if (rows[i].kind == QLatin1String("original"))
            original.insert(rows[i].group, i);
    std::map<QString, std::pair<int, int>> perEdit;
    std::map<QString, std::pair<int, int>> perGroup;
    timer.restart();
    int compared = 0, unionHits = 0, alignedHits = 0;
    std::printf("rejected true pairs:\n");
    for (int i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        if (r.group == QLatin1String("-") || r.kind == QLatin1String("original"))
            continue;
        const Row& o = rows[original.value(r.group)];
        const KeypointMatch m = KeypointMatcher::match(o.kp, r.kp);
        ++compared;
        const bool ok = accepts(o, r);
        dump("true", m, o, r);
        const bool alignedNear = DuplicateMatchers::aligned(o.sig, r.sig, DuplicateRules()).verdict == Verdict::Near;
        unionHits += ok || alignedNear;
        alignedHits += alignedNear;
        perEdit[r.edit].first += ok;
        ++perEdit[r.edit].second;
        perGroup[r.group].first += ok;
        ++perGroup[r.group].second;
        if (!ok)
            report("miss", m, o, r);
    }
    std::printf("accepted negative pairs:\n");
    int negatives = 0, accepted = 0;
    auto negative = [&](int i, int j) {
        ++negatives;
        const KeypointMatch m = KeypointMatcher::match(rows[i].kp, rows[j].kp);
        ++compared;
        dump("neg", m, rows[i], rows[j]);
        if (accepts(rows[i], rows[j])) {
            ++accepted;
            report("FALSE", m, rows[i], rows[j]);
        }
    };
    std::mt19937 rng(7);
    for (int i = 0; i < rows.size(); ++i)
        for (int j = i + 1; j < rows.size(); ++j) {
            const Row &a = rows[i], &b = rows[j];
            if (a.group != QLatin1String("-") && a.group == b.group)
                continue;
            const bool sameScene = a.scene != QLatin1String("-") && a.scene == b.scene;
            const bool hard = a.kind == QLatin1String("hardneg") || b.kind == QLatin1String("hardneg");
            if (sameScene || (hard && a.scene == QLatin1String("-") && b.scene == QLatin1String("-"))
                || rng() % 100 == 0)
                negative(i, j);
        }
    std::printf("\n%d comparisons in %.2f s\n", compared, timer.elapsed() / 1000.0);
    std::printf("negatives accepted: %d of %d\n", accepted, negatives);
    int tp = 0, all = 0;
    std::printf("\nper edit (accepted share):\n");
    for (const auto& [k, v] : perEdit) {
        std::printf("  %-28s %.2f\n", qPrintable(k), double(v.first) / v.second);
        tp += v.first;
        all += v.second;
    }
    std::printf("\nper group:\n");
    for (const auto& [k, v] : perGroup)
        std::printf("  %-36s %.2f\n", qPrintable(k), double(v.first) / v.second);
    std::printf("\ntrue pairs accepted: %d of %d (%.4f); aligned thumbnails alone %.4f, either %.4f\n", tp, all,
        double(tp) / all, double(alignedHits) / all, double(unionHits) / all);
    return 0;
}
