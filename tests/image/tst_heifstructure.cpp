// SPDX-License-Identifier: GPL-3.0-or-later
// HeifStructure: the item graph of a HEIF file is read from its meta box and a derived image that
// would make libheif decode for minutes (a grid naming itself, thousands of tiles, a kilobyte
// claiming hundreds of megapixels of tiles) is refused with a reason; real grids pass.
#include "image/heifstructure.h"

#include <QList>
#include <QPair>
#include <QSize>
#include <QTest>

using namespace shoebox;

namespace {

QByteArray be(quint64 v, int width)
{
    QByteArray b(width, '\0');
    for (int i = 0; i < width; ++i)
        b[width - 1 - i] = char((v >> (8 * i)) & 0xff);
    return b;
}

QByteArray box(const char* type, const QByteArray& body)
{
    return be(quint64(8 + body.size()), 4) + QByteArray(type, 4) + body;
}

QByteArray fullBox(const char* type, int version, const QByteArray& body)
{
    return box(type, be(quint64(version), 1) + be(0, 3) + body);
}

using Refs = QList<QPair<quint32, QList<quint32>>>; // derived item -> its tiles, in order
using Sizes = QList<QPair<quint32, QSize>>;

// ftyp + meta with an iref of dimg references (16- or 32-bit ids) and one ispe per sized item.
QByteArray heifFile(const Refs& refs, const Sizes& sizes, int irefVersion = 0)
{
    const int idWidth = irefVersion == 0 ? 2 : 4;
    QByteArray dimgs;
    for (const auto& [from, tiles] : refs) {
        QByteArray body = be(from, idWidth) + be(quint64(tiles.size()), 2);
        for (quint32 t : tiles)
            body += be(t, idWidth);
        dimgs += box("dimg", body);
    }
    QByteArray ipco;
    QByteArray ipma = be(quint64(sizes.size()), 4);
    for (int i = 0; i < sizes.size(); ++i) {
        ipco += fullBox("ispe", 0, be(quint64(sizes[i].second.width()), 4) + be(quint64(sizes[i].second.height()), 4));
        ipma += be(sizes[i].first, 2) + be(1, 1) + be(quint64(0x80 | (i + 1)), 1);
    }
    const QByteArray meta = fullBox("meta", 0,
        fullBox("hdlr", 0, be(0, 4) + QByteArray("pict", 4) + QByteArray(13, '\0')) + fullBox("pitm", 0, be(1, 2))
            + box("iprp", box("ipco", ipco) + fullBox("ipma", 0, ipma)) + fullBox("iref", irefVersion, dimgs));
    return box("ftyp", QByteArray("heic", 4) + be(0, 4) + QByteArray("mif1heic", 8)) + meta;
}

// A grid item 1 of `count` distinct tiles (ids 2...) of the given size.
QByteArray grid(int count, QSize tile)
{
    QList<quint32> tiles;
    Sizes sizes;
    for (int i = 0; i < count; ++i) {
        tiles << quint32(2 + i);
        sizes << qMakePair(quint32(2 + i), tile);
    }
    return heifFile({ { 1, tiles } }, sizes);
}

// A grid item 1 of `tiles` tiles of 512 x 512 whose descriptor (16- or 32-bit fields, in idat or
// in the file) claims `canvas`: libheif allocates the canvas whatever the tiles hold.
QByteArray gridOnCanvas(int tiles, QSize canvas, bool wide, bool inIdat)
{
    QByteArray file = grid(tiles, QSize(512, 512));
    const int field = wide ? 4 : 2;
    const QByteArray descriptor = be(0, 1) + be(wide ? 1 : 0, 1) + be(0, 1) + be(quint64(tiles - 1), 1)
        + be(quint64(canvas.width()), field) + be(quint64(canvas.height()), field);
    const QByteArray iinf
        = fullBox("iinf", 0, be(1, 2) + fullBox("infe", 2, be(1, 2) + be(0, 2) + QByteArray("grid", 4) + be(0, 1)));
    // iloc version 1: 4-byte offsets and lengths, no base offset; one extent at offset 0 of idat, or
    // in the file, after the meta box (the last box), where the descriptor is appended.
    const auto build = [&](quint64 offset) -> QByteArray {
        const QByteArray iloc = fullBox("iloc", 1,
            be(0x44, 1) + be(0, 1) + be(1, 2) + be(1, 2) + be(inIdat ? 1 : 0, 2) + be(0, 2) + be(1, 2)
                + be(inIdat ? 0 : offset, 4) + be(quint64(descriptor.size()), 4));
        const QByteArray extra = iinf + iloc + (inIdat ? box("idat", descriptor) : QByteArray());
        const int meta = file.indexOf("meta") - 4; // grow the meta box's size
        return file.left(meta) + be(quint64(file.size() - meta + extra.size()), 4) + file.mid(meta + 4) + extra;
    };
    QByteArray out = build(0);
    if (!inIdat)
        out = build(quint64(out.size())) + descriptor;
    return out;
}

} // namespace

class TestHeifStructure : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void derivedImagesAreCheckedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("iPhone grid, 48 tiles of 512") << grid(48, QSize(512, 512)) << QString();
        QTest::newRow("single image, no references") << heifFile({}, { { 1, QSize(4032, 3024) } }) << QString();
        QTest::newRow("identity of a grid") << heifFile({ { 1, { 2 } }, { 2, { 3, 4 } } }, {}) << QString();
        QTest::newRow("grid naming itself") << heifFile({ { 3, { 3 } } }, {}) << QStringLiteral("refers to itself");
        QTest::newRow("two grids naming each other")
            << heifFile({ { 1, { 2 } }, { 2, { 1 } } }, {}) << QStringLiteral("refers to itself");
        QTest::newRow("cycle with 32-bit ids")
            << heifFile({ { 70000, { 70001 } }, { 70001, { 70000 } } }, {}, 1) << QStringLiteral("refers to itself");
        QTest::newRow("chain of six derived images")
            << heifFile({ { 1, { 2 } }, { 2, { 3 } }, { 3, { 4 } }, { 4, { 5 } }, { 5, { 6 } }, { 6, { 7 } } }, {})
            << QStringLiteral("nested more than");
        QTest::newRow("5000 tiles") << grid(5000, QSize(64, 64)) << QStringLiteral("more than 4096 tiles");
        QTest::newRow("one tile named 5000 times")
            << heifFile({ { 1, QList<quint32>(5000, 2) } }, {}) << QStringLiteral("more than 4096 tiles");
        QTest::newRow("grids of grids multiply")
            << heifFile({ { 1, QList<quint32>(100, 2) }, { 2, QList<quint32>(100, 3) } }, {})
            << QStringLiteral("more than 4096 tiles");
        QTest::newRow("four 8192x8192 tiles") << grid(4, QSize(8192, 8192)) << QStringLiteral("megapixels in all");
        QTest::newRow("100 tiles of 512 in a kilobyte")
            << grid(100, QSize(512, 512)) << QStringLiteral("decompression bomb");
    }
    void derivedImagesAreCheckedBeforeDecoding()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, problem);
        const QString found
            = HeifStructure::problem(reinterpret_cast<const unsigned char*>(file.constData()), size_t(file.size()));
        if (problem.isEmpty()) {
            QVERIFY2(found.isEmpty(), qPrintable(found));
        } else {
            QVERIFY2(found.contains(problem), qPrintable(found));
            QVERIFY(found.startsWith(QLatin1String("HEIF refused before decoding: ")));
            QVERIFY(!found.contains(QLatin1Char('\n')));
        }
    }

    // Any prefix of a file with a cycle is read without reading past its end (ASan would say so) and
    // without a reason for a graph it could not see.
    void gridCanvasIsCheckedBeforeDecoding_data()
    {
        QTest::addColumn<QByteArray>("file");
        QTest::addColumn<QString>("problem"); // empty: accepted
        QTest::newRow("2x2 tiles of 512 on 1024x1024, in idat")
            << gridOnCanvas(4, QSize(1024, 1024), false, true) << QString();
        QTest::newRow("one tile of 512 on 19796x12544, in idat (fuzz_decode_heif oom 66730efe)")
            << gridOnCanvas(1, QSize(19796, 12544), false, true) << QStringLiteral("claims a canvas");
        QTest::newRow("one tile on 100000x100000, 32-bit fields")
            << gridOnCanvas(1, QSize(100000, 100000), true, true) << QStringLiteral("claims a canvas");
        QTest::newRow("one tile on 19796x12544, in the file")
            << gridOnCanvas(1, QSize(19796, 12544), false, false) << QStringLiteral("claims a canvas");
    }

    void gridCanvasIsCheckedBeforeDecoding()
    {
        QFETCH(QByteArray, file);
        QFETCH(QString, problem);
        const QString got
            = HeifStructure::problem(reinterpret_cast<const unsigned char*>(file.constData()), size_t(file.size()));
        if (problem.isEmpty())
            QVERIFY2(got.isEmpty(), qPrintable(got));
        else
            QVERIFY2(got.contains(problem), qPrintable(got));
    }

    void truncatedFilesAreReadSafely()
    {
        const QByteArray file = heifFile({ { 3, { 3 } } }, { { 3, QSize(32, 20) } });
        for (int n = 0; n < file.size(); ++n) {
            const QByteArray prefix = file.left(n);
            const QString found = HeifStructure::problem(
                reinterpret_cast<const unsigned char*>(prefix.constData()), size_t(prefix.size()));
            QVERIFY2(found.isEmpty(), qPrintable(QString::number(n) + QLatin1String(": ") + found));
        }
        QVERIFY(!HeifStructure::problem(reinterpret_cast<const unsigned char*>(file.constData()), size_t(file.size()))
                     .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHeifStructure)
#include "tst_heifstructure.moc"
