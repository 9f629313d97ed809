// BlazeFaceDecoder: anchors, letterbox, passes, decoding and suppression on synthetic outputs.
#include "blazefacedecoder.h"

#include <QSize>
#include <QTest>

#include <vector>

using namespace shoebox;

class TestBlazeFaceDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void anchorsFollowTheTwoHeads();
    void letterboxMapsBack_data();
    void letterboxMapsBack();
    void passes_data();
    void passes();
    void tilesOnlyWhenTheWholePassSeesSmallFaces_data();
    void tilesOnlyWhenTheWholePassSeesSmallFaces();
    void decodesOneAnchor();
    void dropsFacesCutByAnInnerTileEdge();
    void suppressKeepsTheBestOfOverlaps();
};

void TestBlazeFaceDecoder::anchorsFollowTheTwoHeads()
{
    const auto& a = BlazeFaceDecoder::anchors();
    QCOMPARE(int(a.size()), BlazeFaceDecoder::kAnchors);
    QCOMPARE(a[0], QPointF(8, 8)); // 16x16 cells of 16 px, two anchors each
    QCOMPARE(a[1], QPointF(8, 8));
    QCOMPARE(a[2], QPointF(24, 8));
    QCOMPARE(a[511], QPointF(248, 248));
    QCOMPARE(a[512], QPointF(16, 16)); // then 8x8 cells of 32 px, six anchors each
    QCOMPARE(a[517], QPointF(16, 16));
    QCOMPARE(a[518], QPointF(48, 16));
    QCOMPARE(a[895], QPointF(240, 240));
}

void TestBlazeFaceDecoder::letterboxMapsBack_data()
{
    QTest::addColumn<QRect>("region");
    QTest::newRow("landscape") << QRect(0, 0, 1024, 512);
    QTest::newRow("portrait tile") << QRect(300, 200, 128, 512);
    QTest::newRow("small") << QRect(0, 0, 100, 80);
}

void TestBlazeFaceDecoder::letterboxMapsBack()
{
    QFETCH(QRect, region);
    const Letterbox lb = BlazeFaceDecoder::letterbox(region);
    const double s = lb.scale;
    QCOMPARE(s, 256.0 / std::max(region.width(), region.height()));
    // The region's corners land on the centred square's content edges and map back exactly.
    const QPointF topLeft = lb.toPhoto(lb.offset);
    QCOMPARE(topLeft, QPointF(region.topLeft()));
    const QPointF bottomRight = lb.toPhoto(lb.offset + QPointF(region.width() * s, region.height() * s));
    QVERIFY(qAbs(bottomRight.x() - (region.x() + region.width())) < 1e-9);
    QVERIFY(qAbs(bottomRight.y() - (region.y() + region.height())) < 1e-9);
    QVERIFY(lb.offset.x() >= 0 && lb.offset.y() >= 0);
}

void TestBlazeFaceDecoder::passes_data()
{
    QTest::addColumn<QSize>("photo");
    QTest::addColumn<int>("count");
    QTest::newRow("small photo: one pass") << QSize(500, 375) << 1;
    QTest::newRow("empty") << QSize(0, 0) << 0;
    QTest::newRow("1024x768: whole + 3x2 tiles of 512") << QSize(1024, 768) << 7;
    QTest::newRow("1920x1280: whole + 4x3 tiles of 640") << QSize(1920, 1280) << 13;
}

void TestBlazeFaceDecoder::passes()
{
    QFETCH(QSize, photo);
    QFETCH(int, count);
    const auto p = BlazeFaceDecoder::passes(photo.width(), photo.height());
    QCOMPARE(int(p.size()), count);
    if (p.empty())
        return;
    const QRect all(QPoint(0, 0), photo);
    QCOMPARE(p.front(), all);
    QRect covered;
    for (size_t i = 1; i < p.size(); ++i) {
        QVERIFY(all.contains(p[i]));
        covered |= p[i];
    }
    if (p.size() > 1)
        QCOMPARE(covered, all); // the tiles cover the whole photo
}

void TestBlazeFaceDecoder::tilesOnlyWhenTheWholePassSeesSmallFaces_data()
{
    QTest::addColumn<QList<double>>("widths"); // face widths in photo pixels (2048 px photo: scale 1/8)
    QTest::addColumn<QList<double>>("scores");
    QTest::addColumn<bool>("tiles");
    QTest::newRow("no face: no tiles") << QList<double> {} << QList<double> {} << false;
    QTest::newRow("one near face (50 input px)") << QList<double> { 400 } << QList<double> { 0.9 } << false;
    QTest::newRow("a far face (30 input px)") << QList<double> { 400, 240 } << QList<double> { 0.9, 0.8 } << true;
    QTest::newRow("a weak far face still hints") << QList<double> { 240 } << QList<double> { 0.55 } << true;
    QTest::newRow("noise below the hint score") << QList<double> { 240 } << QList<double> { 0.3 } << false;
    QTest::newRow("just at the hint width") << QList<double> { 320 } << QList<double> { 0.9 } << false;
}

void TestBlazeFaceDecoder::tilesOnlyWhenTheWholePassSeesSmallFaces()
{
    QFETCH(QList<double>, widths);
    QFETCH(QList<double>, scores);
    QFETCH(bool, tiles);
    const Letterbox lb = BlazeFaceDecoder::letterbox(QRect(0, 0, 2048, 1536));
    QCOMPARE(lb.scale, 0.125);
    std::vector<RawFace> faces;
    for (int i = 0; i < widths.size(); ++i) {
        RawFace f;
        f.box = QRectF(100, 100, widths[i], widths[i]);
        f.score = float(scores[i]);
        faces.push_back(f);
    }
    QCOMPARE(BlazeFaceDecoder::wantsTiles(faces, lb), tiles);
}

void TestBlazeFaceDecoder::decodesOneAnchor()
{
    std::vector<float> logits(BlazeFaceDecoder::kAnchors, -10.f), values(BlazeFaceDecoder::kAnchors * 16, 0.f);
    const int anchor = 572; // 8x8 head: cell (2, 1) -> anchor centre (80, 48)
    QCOMPARE(BlazeFaceDecoder::anchors()[anchor], QPointF(80, 48));
    logits[anchor] = 2.f; // sigmoid 0.881
    float* v = values.data() + anchor * 16;
    v[0] = 4; // centre offset
    v[1] = -2;
    v[2] = 40; // width, height
    v[3] = 50;
    v[4] = -10; // left eye relative to the anchor
    v[5] = -5;
    // A 512x512 photo: scale 0.5, no bars, so photo = 2 * input.
    const Letterbox lb = BlazeFaceDecoder::letterbox(QRect(0, 0, 512, 512));
    const auto faces = BlazeFaceDecoder::decode(logits.data(), values.data(), lb, QSize(512, 512), 0.5f);
    QCOMPARE(int(faces.size()), 1);
    QVERIFY(qAbs(faces[0].score - 0.8808f) < 1e-3f);
    QCOMPARE(faces[0].box, QRectF(QPointF(2 * (84 - 20), 2 * (46 - 25)), QPointF(2 * (84 + 20), 2 * (46 + 25))));
    QCOMPARE(faces[0].keypoints[0], QPointF(2 * 70, 2 * 43));
    QCOMPARE(faces[0].keypoints[1], QPointF(160, 96)); // zero offset: the anchor itself
    QVERIFY(BlazeFaceDecoder::decode(logits.data(), values.data(), lb, QSize(512, 512), 0.9f).empty());
}

void TestBlazeFaceDecoder::dropsFacesCutByAnInnerTileEdge()
{
    std::vector<float> logits(BlazeFaceDecoder::kAnchors, -10.f), values(BlazeFaceDecoder::kAnchors * 16, 0.f);
    logits[0] = 3.f; // anchor (8, 8): a 30 px box reaches past the tile's left and top edges
    values[2] = 30;
    values[3] = 30;
    const Letterbox tile = BlazeFaceDecoder::letterbox(QRect(256, 256, 256, 256));
    QVERIFY(BlazeFaceDecoder::decode(logits.data(), values.data(), tile, QSize(1024, 1024), 0.5f).empty());
    // The same box at the photo's own corner is a real face.
    const Letterbox corner = BlazeFaceDecoder::letterbox(QRect(0, 0, 256, 256));
    QCOMPARE(int(BlazeFaceDecoder::decode(logits.data(), values.data(), corner, QSize(1024, 1024), 0.5f).size()), 1);
}

void TestBlazeFaceDecoder::suppressKeepsTheBestOfOverlaps()
{
    std::vector<RawFace> faces(3);
    faces[0].box = QRectF(0, 0, 100, 100);
    faces[0].score = 0.7f;
    faces[1].box = QRectF(10, 10, 100, 100); // IoU 0.68 with the first
    faces[1].score = 0.9f;
    faces[2].box = QRectF(300, 0, 100, 100);
    faces[2].score = 0.8f;
    const auto kept = BlazeFaceDecoder::suppress(faces, 0.3f);
    QCOMPARE(int(kept.size()), 2);
    QCOMPARE(kept[0].score, 0.9f);
    QCOMPARE(kept[1].score, 0.8f);
    QCOMPARE(BlazeFaceDecoder::iou(QRectF(0, 0, 10, 10), QRectF(5, 0, 10, 10)), 50.0 / 150.0);
}

QTEST_GUILESS_MAIN(TestBlazeFaceDecoder)
#include "tst_blazefacedecoder.moc"
