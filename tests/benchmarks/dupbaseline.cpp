// Baselines for the duplicate benchmark, on the signals of a scanned library: the common approaches
// the issue compares against. Groups are connected components of matching pairs (what those tools do).
//
//   shoebox-dupbaseline LIBRARY.db phash MAXBITS      pHash alone: whole-picture distance <= MAXBITS
//   shoebox-dupbaseline LIBRARY.db embedding MINCOS   embedding cosine alone (the common CNN approach)
//
// Prints Shoebox's duplicates JSON; exits 3 when the library has no embeddings.

#include "catalog/database.h"
#include "duplicates/duplicatesignals.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cstdio>
#include <functional>
#include <map>
#include <numeric>

using namespace shoebox;

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: shoebox-dupbaseline LIBRARY.db phash|embedding THRESHOLD\n");
        return 2;
    }
    QString error;
    if (!Database::open(args[1], &error)) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    const QVector<PhotoSignals> photos = DuplicateSignals(args[1]).load();
    const bool byEmbedding = args[2] == QLatin1String("embedding");
    const double threshold = args[3].toDouble();
    if (byEmbedding
        && std::none_of(photos.begin(), photos.end(), [](const PhotoSignals& p) { return !p.embedding.empty(); })) {
        std::fprintf(stderr, "no embeddings in this library (run the tagger first)\n");
        return 3;
    }
    std::vector<int> parent(size_t(photos.size()));
    std::iota(parent.begin(), parent.end(), 0);
    std::function<int(int)> root
        = [&](int x) { return parent[size_t(x)] == x ? x : parent[size_t(x)] = root(parent[size_t(x)]); };
    for (int a = 0; a < photos.size(); ++a)
        for (int b = a + 1; b < photos.size(); ++b) {
            bool match;
            if (byEmbedding) {
                const auto& x = photos[a].embedding;
                const auto& y = photos[b].embedding;
                double dot = 0;
                for (size_t i = 0; i < x.size() && x.size() == y.size(); ++i)
                    dot += double(x[i]) * y[i];
                match = !x.empty() && x.size() == y.size() && dot >= threshold;
            } else {
                match = photos[a].hasPhash && photos[b].hasPhash
                    && __builtin_popcountll(photos[a].phash ^ photos[b].phash) <= threshold;
            }
            if (match)
                parent[size_t(root(a))] = root(b);
        }
    std::map<int, QStringList> groups;
    for (int i = 0; i < photos.size(); ++i)
        groups[root(i)] << photos[i].path;
    QJsonArray out;
    for (const auto& [r, files] : groups)
        if (files.size() > 1)
            out.append(QJsonObject { { QStringLiteral("level"), QStringLiteral("near") },
                { QStringLiteral("files"), QJsonArray::fromStringList(files) } });
    std::printf("%s", QJsonDocument(QJsonObject { { QStringLiteral("groups"), out } }).toJson().constData());
    return 0;
}
