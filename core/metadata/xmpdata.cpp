#include "metadata/xmpdata.h"

namespace shoebox {

void XmpData::addKeyword(const QStringList& path)
{
    QStringList clean;
    for (const QString& part : path)
        if (const QString p = part.simplified(); !p.isEmpty())
            clean.append(p);
    if (clean.isEmpty())
        return;
    const QString name = tagName(clean);
    for (const QStringList& k : keywords)
        if (tagName(k).compare(name, Qt::CaseInsensitive) == 0)
            return;
    keywords.append(clean);
}

QString XmpData::tagName(const QStringList& path)
{
    return path.join(QLatin1Char('/'));
}

QStringList XmpData::pathOf(const QString& tagName)
{
    QStringList parts = tagName.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (QString& p : parts)
        p = p.simplified();
    parts.removeAll(QString());
    return parts;
}

namespace {

QPointF uprightPoint(QPointF p, int orientation)
{
    const double x = p.x(), y = p.y();
    switch (orientation) {
    case 2:
        return { 1 - x, y };
    case 3:
        return { 1 - x, 1 - y };
    case 4:
        return { x, 1 - y };
    case 5:
        return { y, x };
    case 6:
        return { 1 - y, x };
    case 7:
        return { 1 - y, 1 - x };
    case 8:
        return { y, 1 - x };
    default:
        return p;
    }
}

} // namespace

QRectF XmpData::upright(const QRectF& stored, int orientation)
{
    const QPointF a = uprightPoint(stored.topLeft(), orientation);
    const QPointF b = uprightPoint(stored.bottomRight(), orientation);
    return QRectF(a, b).normalized();
}

int XmpData::inverse(int orientation)
{
    // Mirrors, 180 degrees and the two transposes undo themselves; the quarter turns undo each other.
    return orientation == 6 ? 8 : orientation == 8 ? 6 : orientation;
}

} // namespace shoebox
