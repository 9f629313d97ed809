// Shows where the duplicate rules' thresholds sit: for a library scanned from a shoebox-dupdataset
// folder, prints candidate recall per edit and the distributions of the matchers' values over true
// and false candidate pairs.
//
//   shoebox-duptune LIBRARY.db MANIFEST.tsv

#include "catalog/database.h"
#include "duplicates/candidatefinder.h"
#include "duplicates/duplicatematchers.h"
#include "duplicates/duplicatesignals.h"
#include "duplicates/thumbaligner.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

using namespace shoebox;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3) {
        std::fprintf(stderr, "usage: shoebox-duptune LIBRARY.db MANIFEST.tsv\n");
        return 2;
    }
    QString error;
    if (!Database::open(QString::fromLocal8Bit(argv[1]), &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QVector<PhotoSignals> photos = DuplicateSignals(QString::fromLocal8Bit(argv[1])).load();
    QHash<QString, int> byPath;
    for (int i = 0; i < photos.size(); ++i)
        byPath.insert(photos[i].path, i);
    QFile f(QString::fromLocal8Bit(argv[2]));
    if (!f.open(QIODevice::ReadOnly))
        return 1;
    QTextStream in(&f);
    in.readLine();
    QHash<int, QString> group, edit;
    QHash<QString, int> original;
    while (!in.atEnd()) {
        const QStringList c = in.readLine().split(QLatin1Char('\t'));
        if (c.size() < 6 || !byPath.contains(c[0]))
            continue;
        const int i = byPath.value(c[0]);
        group.insert(i, c[1]);
        edit.insert(i,
            c[3] == QLatin1String("hardneg") ? QString(QStringLiteral("hardneg ") + c[4])
                                             : QString(c[4] + QLatin1Char(' ') + c[5]));
        if (c[3] == QLatin1String("original"))
            original.insert(c[1], i);
    }
    DuplicateRules rules;
    CandidateStats st;
    const auto cands = CandidateFinder::find(photos, rules, CandidateFinder::Sources(), &st);
    std::printf("photos %d, candidates %zu (hashes %zu, descriptors %zu) in %.2f s\n", int(photos.size()), st.total,
        st.fromHashes, st.fromDescriptors, st.seconds);
    std::set<std::pair<int, int>> candSet(cands.begin(), cands.end());
    std::map<QString, std::pair<int, int>> recall;
    for (auto it = group.cbegin(); it != group.cend(); ++it) {
        if (it.value() == QLatin1String("-") || !original.contains(it.value())
            || original.value(it.value()) == it.key())
            continue;
        const int o = original.value(it.value());
        auto& r = recall[edit.value(it.key())];
        ++r.second;
        r.first += candSet.count({ std::min(o, it.key()), std::max(o, it.key()) }) ? 1 : 0;
    }
    std::printf("\ncandidate recall (original, edit):\n");
    for (const auto& [k, v] : recall)
        std::printf("  %-32s %.2f\n", qPrintable(k), double(v.first) / v.second);
    std::vector<double> pos, neg;
    std::vector<std::pair<double, double>> posW, negW;
    std::vector<std::pair<double, QString>> worstNeg;
    for (const auto& [a, b] : cands) {
        const SignalVerdict v = DuplicateMatchers::aligned(photos[a], photos[b], rules);
        const Alignment al
            = ThumbAligner::align(photos[a].gray, photos[a].aspect(), photos[b].gray, photos[b].aspect());
        const SignalVerdict d = DuplicateMatchers::detail(photos[a], photos[b], rules);
        const bool same = group.value(a) != QLatin1String("-") && group.value(a) == group.value(b);
        if (d.verdict == Verdict::Different)
            continue;
        (same ? pos : neg).push_back(v.value);
        (same ? posW : negW).emplace_back(al.correlation, al.wholeCorrelation);
        if (!same)
            worstNeg.emplace_back(v.value,
                photos[a].path.section(QLatin1Char('/'), -1) + QStringLiteral(" ~ ")
                    + photos[b].path.section(QLatin1Char('/'), -1) + QStringLiteral(": ") + v.reason);
    }
    std::sort(pos.begin(), pos.end());
    std::sort(worstNeg.rbegin(), worstNeg.rend());
    std::printf("\naligned correlation, true pairs among candidates (%zu):", pos.size());
    for (double q : { 0.001, 0.01, 0.02, 0.03, 0.05, 0.1, 0.5 })
        std::printf(" p%.1f=%.3f", q * 100, pos.empty() ? 0 : pos[size_t(q * (pos.size() - 1))]);
    for (double strong : { 0.95, 0.96, 0.97 })
        for (double weak : { 0.85, 0.88, 0.90, 0.93 }) {
            auto pass = [&](const std::pair<double, double>& x) { return x.first >= strong || x.second >= weak; };
            const auto tp = std::count_if(posW.begin(), posW.end(), pass);
            const auto fp = std::count_if(negW.begin(), negW.end(), pass);
            std::printf("\nstrong %.2f or whole %.2f: true pairs kept %.4f, false pairs %ld", strong, weak,
                double(tp) / std::max<size_t>(1, posW.size()), long(fp));
        }
    std::printf("\nhighest false pairs (%zu):\n", worstNeg.size());
    for (size_t i = 0; i < std::min<size_t>(25, worstNeg.size()); ++i)
        std::printf("  %.3f %s\n", worstNeg[i].first, qPrintable(worstNeg[i].second));
    std::printf("\ndetail of originals and hard negatives:\n");
    for (auto it = edit.cbegin(); it != edit.cend(); ++it)
        if (it.value().startsWith(QLatin1String("original")) || it.value().startsWith(QLatin1String("hardneg plain"))
            || it.value().startsWith(QLatin1String("hardneg dark"))
            || it.value().startsWith(QLatin1String("hardneg look")))
            std::printf("  %5.1f %s\n", photos[it.key()].detail,
                qPrintable(photos[it.key()].path.section(QLatin1Char('/'), -1)));
    return 0;
}
