// Lists the near pairs the rules decide on a library scanned from a shoebox-dupdataset or
// shoebox-dupframes folder, true and false, with the keypoint fit's measures and the correlation
// around the keypoints' box (OverlayMatcher, three margins) for every one (keypoints loaded for all),
// so a rule that separates them can be set from data. With --vetoed, the pairs the shared-overlay rule
// made different are listed too; with --edit, every candidate pair of one edit with its original.
//
//   shoebox-dupnearpairs LIBRARY.db MANIFEST.tsv [--vetoed | --edit KIND-STRENGTH]

#include "catalog/database.h"
#include "duplicates/candidatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/duplicatesignals.h"
#include "duplicates/keypointmatcher.h"
#include "duplicates/overlaymatcher.h"
#include "duplicates/partdescriptors.h"
#include "duplicates/thumbaligner.h"

#include "image/perceptualhasher.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QSet>
#include <QTextStream>

#include <cstdio>

using namespace shoebox;

namespace {

double cosine(const std::vector<float>& a, const std::vector<float>& b)
{
    if (a.empty() || a.size() != b.size())
        return -2;
    double d = 0;
    for (size_t i = 0; i < a.size(); ++i)
        d += double(a[i]) * b[i];
    return d;
}

// --missed KIND-STRENGTH: every photo of that edit against its group's original, with what each
// candidate source sees of the pair (pHash bits, best variant bits, descriptor and embedding
// cosines, the descriptor's rank among the edit's neighbours) and whether it is a candidate at all.
int printCandidacy(const QVector<PhotoSignals>& photos, const QHash<int, QString>& group,
    const QHash<int, QString>& edit, const std::vector<std::pair<int, int>>& cands, const QString& which)
{
    QSet<QPair<int, int>> candidate;
    for (const auto& [a, b] : cands)
        candidate.insert({ std::min(a, b), std::max(a, b) });
    for (auto it = edit.begin(); it != edit.end(); ++it) {
        if (it.value() != which)
            continue;
        const int e = it.key();
        int o = -1;
        for (auto jt = edit.begin(); jt != edit.end(); ++jt)
            if (jt.value().startsWith(QLatin1String("original")) && group.value(jt.key()) == group.value(e))
                o = jt.key();
        if (o < 0)
            continue;
        const PhotoSignals& pe = photos[e];
        const PhotoSignals& po = photos[o];
        int bestVariant = 64;
        for (uint64_t v : pe.variants)
            bestVariant = std::min(bestVariant, __builtin_popcountll(v ^ po.phash));
        for (uint64_t v : po.variants)
            bestVariant = std::min(bestVariant, __builtin_popcountll(v ^ pe.phash));
        const auto de = ThumbAligner::descriptor(pe.gray);
        const auto dOrig = ThumbAligner::descriptor(po.gray);
        const double dc = cosine(de, dOrig);
        int rank = 0;
        for (int k = 0; k < photos.size(); ++k)
            if (k != e && cosine(de, ThumbAligner::descriptor(photos[k].gray)) > dc)
                ++rank;
        const std::vector<float> pa = PartDescriptors::compute(pe.gray), pb = PartDescriptors::compute(po.gray);
        QString parts;
        for (int w = 0; w < PartDescriptors::kWindows; ++w)
            parts += !PartDescriptors::hasWindow(pa, w) || !PartDescriptors::hasWindow(pb, w)
                ? QStringLiteral(" -")
                : QStringLiteral(" %1%2")
                      .arg(PartDescriptors::cosine(pa, pb, w), 0, 'f', 2)
                      .arg(PartDescriptors::signs(pa, w) == PartDescriptors::signs(pb, w) ? QStringLiteral("=")
                                                                                          : QString());
        std::printf("%s\tparts%s\n", qPrintable(pe.path.section(QLatin1Char('/'), -1)), qPrintable(parts));
        std::printf("%s\tcand=%d phash=%d variant=%d desc=%.3f rank=%d emb=%.3f\n",
            qPrintable(pe.path.section(QLatin1Char('/'), -1)), candidate.contains({ std::min(e, o), std::max(e, o) }),
            __builtin_popcountll(pe.phash ^ po.phash), bestVariant, dc, rank, cosine(pe.embedding, po.embedding));
    }
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: shoebox-dupnearpairs LIBRARY.db MANIFEST.tsv\n");
        return 2;
    }
    QString error;
    if (!Database::open(QString::fromLocal8Bit(argv[1]), &error))
        return 1;
    DuplicateSignals sig(QString::fromLocal8Bit(argv[1]));
    QVector<PhotoSignals> photos = sig.load();
    QVector<int> all;
    for (int i = 0; i < photos.size(); ++i)
        all << i;
    sig.loadKeypoints(photos, all);
    QHash<QString, int> byPath;
    for (int i = 0; i < photos.size(); ++i)
        byPath.insert(photos[i].path, i);
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QTextStream in(&f);
    in.readLine();
    QHash<int, QString> group, edit;
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char('\t'));
        if (c.size() < 6 || !byPath.contains(c[0]))
            continue;
        const int i = byPath.value(c[0]);
        group.insert(i, c[1]);
        edit.insert(i,
            c[3] == QLatin1String("hardneg") ? QString(QStringLiteral("neg-") + c[4]) : c[4] + QLatin1Char('-') + c[5]);
    }
    const bool withVetoed = argc > 3 && QByteArray(argv[3]) == "--vetoed";
    // --edit KIND-STRENGTH: only the pairs of that edit with its original, whatever their level.
    const QString onlyEdit = argc > 4 && QByteArray(argv[3]) == "--edit" ? QString::fromLocal8Bit(argv[4]) : QString();
    DuplicateRules rules;
    const auto cands = CandidateFinder::find(photos, rules, CandidateFinder::Sources());
    if (argc > 4 && QByteArray(argv[3]) == "--missed")
        return printCandidacy(photos, group, edit, cands, QString::fromLocal8Bit(argv[4]));
    for (const auto& [a, b] : cands) {
        const QVector<SignalVerdict> v = DuplicateMatchers::all(photos[a], photos[b], rules);
        const PairDecision d = rules.decide(v);
        const bool vetoed = !d.reasons.filter(QStringLiteral("overlay alike")).isEmpty();
        const bool asked = !onlyEdit.isEmpty()
            && ((edit.value(a) == onlyEdit && edit.value(b).startsWith(QLatin1String("original")))
                || (edit.value(b) == onlyEdit && edit.value(a).startsWith(QLatin1String("original"))));
        if (!onlyEdit.isEmpty() && !asked)
            continue;
        if (d.level != DuplicateLevel::Near && !(withVetoed && vetoed) && !asked)
            continue;
        const bool same = group.value(a) != QLatin1String("-") && group.value(a) == group.value(b);
        const KeypointSet none;
        const KeypointSet& ka = photos[a].keypoints ? *photos[a].keypoints : none;
        const KeypointSet& kb = photos[b].keypoints ? *photos[b].keypoints : none;
        const KeypointMatch m = KeypointMatcher::match(ka, kb);
        bool kpUsed = false, regionUsed = false;
        QString signals;
        for (const SignalVerdict& s : v) {
            signals += QStringLiteral(" %1:%2:%3").arg(s.signal).arg(int(s.verdict)).arg(s.value, 0, 'f', 3);
            kpUsed |= s.signal == QLatin1String("keypoints");
            regionUsed |= s.signal == QLatin1String("region");
        }
        QString oc;
        {
            const int side = PerceptualHasher::kGraySide;
            const BoxCorrelation bc = OverlayMatcher::outsideBox(photos[a].gray, photos[b].gray,
                int(std::lround(side * rules.patchMinSide)), int(std::lround(side * rules.patchMaxSide)),
                rules.patchMaxArea);
            const cv::Rect2d box(double(bc.box.x) / side, double(bc.box.y) / side, double(bc.box.width) / side,
                double(bc.box.height) / side);
            const OutsideCorrelation ob = OverlayMatcher::outside(photos[a].gray, photos[b].gray, { box }, 0);
            const OutsideCorrelation o0 = OverlayMatcher::outside(photos[a].gray, photos[b].gray, {}, 0);
            oc += QStringLiteral(" box=%1 boxcell=%2 whole=%3 wholecell=%4")
                      .arg(ob.correlation, 0, 'f', 3)
                      .arg(ob.worstCell, 0, 'f', 3)
                      .arg(o0.correlation, 0, 'f', 3)
                      .arg(o0.worstCell, 0, 'f', 3);
        }
        for (double margin : { 0.15, 0.2, 0.25 }) {
            const OutsideCorrelation o
                = OverlayMatcher::outside(photos[a].gray, photos[b].gray, { m.firstBox, m.secondBox }, margin);
            oc += QStringLiteral(" oc%1=%2 d%1=%3/%4 left%1=%5")
                      .arg(int(margin * 100))
                      .arg(o.correlation, 0, 'f', 3)
                      .arg(o.detailA, 0, 'f', 1)
                      .arg(o.detailB, 0, 'f', 1)
                      .arg(o.shareLeft, 0, 'f', 2);
        }
        std::printf("%s %s\t%s\t%s\t%s\t%s\tkp=%d reg=%d fit=%d pts=%zu/%zu matches=%d inl=%d share=%.2f cov=%.2f "
                    "area=%.3f res=%.2f bits=%.0f persp=%d keystone=%.3f stretch=%.3f%s\t%s\t%s\n",
            same ? "TRUE" : "FALSE", qPrintable(duplicateLevelName(d.level)),
            qPrintable(photos[a].path.section(QLatin1Char('/'), -1).section(QStringLiteral("__"), 0, 0)),
            qPrintable(photos[b].path.section(QLatin1Char('/'), -1).section(QStringLiteral("__"), 0, 0)),
            qPrintable(edit.value(a)), qPrintable(edit.value(b)), kpUsed, regionUsed, m.fitted, ka.points.size(),
            kb.points.size(), m.matches, m.inliers, m.inlierShare, m.coverage, m.inlierArea, m.residual,
            m.inlierDistance, int(m.perspective), m.keystone, m.stretch, qPrintable(oc),
            qPrintable(d.reasons.join(QStringLiteral("; "))), qPrintable(signals));
    }
    return 0;
}
