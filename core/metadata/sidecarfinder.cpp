#include "metadata/sidecarfinder.h"

#include <sys/stat.h>

namespace shoebox {

QList<QByteArray> SidecarFinder::candidateNames(const QByteArray& photoName)
{
    QList<QByteArray> names { photoName + ".xmp", photoName + ".XMP" };
    const int dot = photoName.lastIndexOf('.');
    if (dot > 0) {
        const QByteArray base = photoName.left(dot);
        names << base + ".xmp" << base + ".XMP";
    }
    return names;
}

SidecarFile SidecarFinder::find(const QByteArray& photoPath)
{
    const int slash = photoPath.lastIndexOf('/');
    const QByteArray folder = photoPath.left(slash + 1);
    for (const QByteArray& name : candidateNames(photoPath.mid(slash + 1))) {
        struct stat st { };
        const QByteArray path = folder + name;
        if (::stat(path.constData(), &st) == 0 && S_ISREG(st.st_mode))
            return { path, qint64(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec };
    }
    return {};
}

QByteArray SidecarFinder::newSidecarPath(const QByteArray& photoPath)
{
    return photoPath + ".xmp";
}

bool SidecarFinder::isSidecarName(const QByteArray& name)
{
    return name.size() > 4 && name.right(4).toLower() == ".xmp";
}

} // namespace shoebox
