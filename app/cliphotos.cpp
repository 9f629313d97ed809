#include "cliphotos.h"

#include "catalog/photostore.h"
#include "scan/filewalker.h"

namespace shoebox::cli {

bool photoIdsOf(Context& ctx, const QStringList& files, QVector<qint64>* ids)
{
    const PhotoStore photos(ctx.libraryPath);
    for (const QString& arg : files) {
        const auto r = photos.photoByPath(FileWalker::absolute(ctx.pathBytes(arg)));
        if (!r) {
            ctx.fail(QStringLiteral("%1 is not in the library (scan its folder first)").arg(arg));
            return false;
        }
        ids->append(r->id);
    }
    return true;
}

} // namespace shoebox::cli
