// shoebox-cli similar FILE: photos of the library that look like FILE, best first.

#include "clicommand.h"
#include "duplicates/duplicatesignals.h"
#include "catalog/photostore.h"
#include "search/similarfinder.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>

#include <opencv2/imgcodecs.hpp>

namespace shoebox::cli {

namespace {

int runSimilar(Context& ctx)
{
    bool ok = true;
    const int limit = ctx.takeOption(QStringLiteral("limit"), QStringLiteral("20")).toInt(&ok);
    if (!ok || limit <= 0)
        return ctx.fail(QStringLiteral("--limit needs a positive number"), 2);
    if (ctx.args.size() != 1)
        return ctx.fail(QStringLiteral("similar needs exactly one FILE"), 2);
    const QString file = QFileInfo(ctx.args.first()).absoluteFilePath();
    if (!QFileInfo(file).isFile())
        return ctx.fail(QStringLiteral("%1: no such file").arg(file));
    if (!ctx.openLibrary())
        return 1;
    QString error;
    const QVector<PhotoSignals> photos = DuplicateSignals(ctx.libraryPath).load(QString(), &error);
    if (!error.isEmpty())
        return ctx.fail(QStringLiteral("cannot read the library: %1").arg(error));
    PhotoSignals query;
    const auto known = PhotoStore(ctx.libraryPath).photoByPath(QFile::encodeName(file));
    const auto it = known
        ? std::find_if(photos.begin(), photos.end(), [&](const PhotoSignals& p) { return p.id == known->id; })
        : photos.end();
    if (it != photos.end()) {
        query = *it;
    } else {
        // Not in the library: read it the way the scanner would (upright by its EXIF orientation).
        const cv::Mat img = cv::imread(QFile::encodeName(file).toStdString(), cv::IMREAD_COLOR);
        if (img.empty())
            return ctx.fail(QStringLiteral("%1: not an image Shoebox can read").arg(file));
        query = DuplicateSignals::fromImage(img, file);
    }
    const QString library = ctx.libraryPath;
    const QList<SimilarMatch> matches = SimilarFinder::rank(query, photos, DuplicateRules(), limit,
        [library](QVector<PhotoSignals>& all, const QVector<int>& which) {
            DuplicateSignals(library).loadKeypoints(all, which);
        });
    if (ctx.json) {
        QJsonArray arr;
        for (const SimilarMatch& m : matches)
            arr.append(QJsonObject { { QStringLiteral("file"), m.path },
                { QStringLiteral("level"), duplicateLevelName(m.level) }, { QStringLiteral("score"), m.score },
                { QStringLiteral("reasons"), QJsonArray::fromStringList(m.reasons) } });
        ctx.printJson({ { QStringLiteral("file"), file }, { QStringLiteral("similar"), arr } });
        return 0;
    }
    for (const SimilarMatch& m : matches)
        *ctx.out << QString::number(m.score, 'f', 3) << "  " << duplicateLevelName(m.level).leftJustified(8) << m.path
                 << "\n";
    if (matches.isEmpty())
        *ctx.out << "no similar photos in the library\n";
    return 0;
}

const Registrar registrar({ QStringLiteral("similar"), QStringLiteral("similar [--limit N] FILE"), runSimilar });

} // namespace

} // namespace shoebox::cli
