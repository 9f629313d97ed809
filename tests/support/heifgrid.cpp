#include "support/heifgrid.h"

#include "support/heiffixture.h"

#include <opencv2/core.hpp>

#include <vector>

namespace shoebox::test {

namespace {

QByteArray be16(quint32 v)
{
    return QByteArray().append(char(v >> 8)).append(char(v));
}

QByteArray be32(quint32 v)
{
    return be16(v >> 16) + be16(v & 0xffff);
}

QByteArray box(const char* type, const QByteArray& body)
{
    return be32(quint32(8 + body.size())) + QByteArray(type, 4) + body;
}

QByteArray fullBox(const char* type, int version, quint32 flags, const QByteArray& body)
{
    return box(type, be32((quint32(version) << 24) | flags) + body);
}

// The first child box of the given type in [from, to) of bytes, whole (header included); empty if none.
QByteArray child(const QByteArray& bytes, qsizetype from, qsizetype to, const char* type)
{
    while (from + 8 <= to) {
        const auto* p = reinterpret_cast<const uchar*>(bytes.constData() + from);
        const qsizetype size = qsizetype((quint32(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | p[3]);
        if (size < 8 || from + size > to)
            return {};
        if (bytes.mid(from + 4, 4) == type)
            return bytes.mid(from, size);
        from += size;
    }
    return {};
}

struct Tile {
    QByteArray hvcC; // the decoder configuration box, whole
    QByteArray data; // the coded picture (the single item's bytes: the whole mdat payload)
};

// One tile encoded by libheif as a file of its own, taken apart again.
Tile encodeTile(const cv::Mat& bgr, int quality, QString* error)
{
    HeifFields f;
    f.quality = quality;
    const QByteArray file = encodeHeif(bgr, f, error);
    const QByteArray meta = child(file, 0, file.size(), "meta");
    const QByteArray iprp = meta.isEmpty() ? QByteArray() : child(meta, 12, meta.size(), "iprp");
    const QByteArray ipco = iprp.isEmpty() ? QByteArray() : child(iprp, 8, iprp.size(), "ipco");
    const QByteArray mdat = child(file, 0, file.size(), "mdat");
    Tile t { ipco.isEmpty() ? QByteArray() : child(ipco, 8, ipco.size(), "hvcC"), mdat.mid(8) };
    if ((t.hvcC.isEmpty() || t.data.isEmpty()) && error && error->isEmpty())
        *error = QStringLiteral("libheif wrote a tile without hvcC or data");
    return t;
}

QByteArray infe(quint32 id, const char* type, bool hidden)
{
    return fullBox("infe", 2, hidden ? 1 : 0, be16(id) + be16(0) + QByteArray(type, 4) + QByteArray(1, '\0'));
}

// Items 1..n are the tiles, n + 1 the grid; its descriptor is the first 8 bytes of mdat, the tiles follow.
QByteArray metaBox(const std::vector<Tile>& tiles, int tileSize, const QByteArray& grid, quint32 mdatData)
{
    const quint32 n = quint32(tiles.size()), gridId = n + 1;
    QByteArray iloc = QByteArray(1, char(0x44)) + QByteArray(1, '\0') + be16(n + 1); // 4-byte offsets, lengths
    QByteArray iinf = be16(n + 1), dimg = be16(gridId) + be16(n), ipco, ipma = be32(n + 1);
    quint32 at = mdatData + quint32(grid.size());
    for (quint32 i = 0; i < n; ++i) {
        const Tile& t = tiles[i];
        iloc += be16(i + 1) + be16(0) + be16(1) + be32(at) + be32(quint32(t.data.size()));
        at += quint32(t.data.size());
        iinf += infe(i + 1, "hvc1", true);
        dimg += be16(i + 1);
        ipco += t.hvcC;
        // ipma flags 1: 16-bit associations, the top bit marking an essential property.
        ipma += be16(i + 1) + QByteArray(1, char(2)) + be16(0x8000 | (i + 1)) + be16(n + 1);
    }
    iloc += be16(gridId) + be16(0) + be16(1) + be32(mdatData) + be32(quint32(grid.size()));
    iinf += infe(gridId, "grid", false);
    ipco += fullBox("ispe", 0, 0, be32(quint32(tileSize)) + be32(quint32(tileSize)));
    ipco += fullBox("ispe", 0, 0, grid.mid(4, 2).prepend(2, '\0') + grid.mid(6, 2).prepend(2, '\0'));
    ipma += be16(gridId) + QByteArray(1, char(1)) + be16(n + 2);
    const QByteArray hdlr = fullBox("hdlr", 0, 0, be32(0) + QByteArray("pict") + QByteArray(13, '\0'));
    return fullBox("meta", 0, 0,
        hdlr + fullBox("pitm", 0, 0, be16(gridId)) + fullBox("iloc", 0, 0, iloc) + fullBox("iinf", 0, 0, iinf)
            + fullBox("iref", 0, 0, box("dimg", dimg)) + box("iprp", box("ipco", ipco) + fullBox("ipma", 0, 1, ipma)));
}

} // namespace

QByteArray gridHeic(const cv::Mat& bgr, int tileSize, int quality, QString* error)
{
    const int cols = (bgr.cols + tileSize - 1) / tileSize, rows = (bgr.rows + tileSize - 1) / tileSize;
    if (bgr.empty() || tileSize < 16 || cols > 256 || rows > 256 || bgr.cols > 0xffff || bgr.rows > 0xffff) {
        if (error)
            *error = QStringLiteral("no grid for this picture and tile size");
        return {};
    }
    cv::Mat padded;
    cv::copyMakeBorder(bgr, padded, 0, rows * tileSize - bgr.rows, 0, cols * tileSize - bgr.cols, cv::BORDER_REPLICATE);
    std::vector<Tile> tiles;
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < cols; ++c) {
            tiles.push_back(
                encodeTile(padded(cv::Rect(c * tileSize, r * tileSize, tileSize, tileSize)).clone(), quality, error));
            if (tiles.back().hvcC.isEmpty() || tiles.back().data.isEmpty())
                return {};
        }
    // ImageGrid: version 0, flags 0 (16-bit output size), rows - 1, columns - 1, output width, height.
    const QByteArray grid
        = QByteArray(2, '\0') + char(rows - 1) + char(cols - 1) + be16(quint32(bgr.cols)) + be16(quint32(bgr.rows));
    const QByteArray ftyp = box("ftyp", QByteArray("heic") + be32(0) + QByteArray("mif1heic"));
    // The offsets inside meta do not change its size: measure it once, then write it with the real ones.
    const qsizetype metaSize = metaBox(tiles, tileSize, grid, 0).size();
    QByteArray mdat = grid;
    for (const Tile& t : tiles)
        mdat += t.data;
    return ftyp + metaBox(tiles, tileSize, grid, quint32(ftyp.size() + metaSize + 8)) + box("mdat", mdat);
}

} // namespace shoebox::test
