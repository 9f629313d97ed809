#include "support/tfjsfixture.h"
#include "tfjsgraph.h"

#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

class TestTfjsGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void dequantizesFloat16AndUint8Weights();
    void decodesBase64Attributes();
    void refusesTruncatedWeights();
    void refusesMissingShard();
    void refusesImpossibleShapeWithoutAllocating();
    void refusesNonGraphModel();
};

void TestTfjsGraph::dequantizesFloat16AndUint8Weights()
{
    TfjsFixture f;
    f.constant(QStringLiteral("f32"), { 2 }, { 1.5f, -2.25f });
    f.constant(QStringLiteral("f16"), {}, { 1.f / 6.f }, TfjsFixture::Storage::F16);
    f.constantU8(QStringLiteral("u8"), { 3 }, { 0, 2, 255 }, 0.5, -1.0);
    f.constantInt(QStringLiteral("i32"), { 2 }, { 32, -1 });
    TfjsGraph g;
    QString error;
    QVERIFY2(f.parse(g, &error), qPrintable(error));
    QCOMPARE(g.weight(QStringLiteral("f32"))->floats, (std::vector<float> { 1.5f, -2.25f }));
    // 1/6 in float16 is 0.166626; the graph's hard-swish constant is exactly this value.
    QCOMPARE(g.weight(QStringLiteral("f16"))->floats.at(0), 0.16662598f);
    QCOMPARE(g.weight(QStringLiteral("u8"))->floats, (std::vector<float> { -1.f, 0.f, 126.5f }));
    QCOMPARE(g.weight(QStringLiteral("i32"))->ints, (std::vector<int32_t> { 32, -1 }));
    QVERIFY(g.weight(QStringLiteral("i32"))->type == TfjsTensor::Type::Int);
}

void TestTfjsGraph::decodesBase64Attributes()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 4, 4, 1);
    f.node(QStringLiteral("c"), QStringLiteral("Conv2D"), { QStringLiteral("x:0"), QStringLiteral("^w") },
        TfjsFixture::convAttr(2, "SAME", { "BiasAdd", "Relu6" }));
    TfjsGraph g;
    QString error;
    QVERIFY2(f.parse(g, &error), qPrintable(error));
    const TfjsNode* c = g.node(QStringLiteral("c"));
    QVERIFY(c);
    QCOMPARE(c->stringAttr(QStringLiteral("padding")), QStringLiteral("SAME"));
    QCOMPARE(c->stringListAttr(QStringLiteral("fused_ops")),
        (QStringList { QStringLiteral("BiasAdd"), QStringLiteral("Relu6") }));
    QCOMPARE(c->intListAttr(QStringLiteral("strides")), (std::vector<int64_t> { 1, 2, 2, 1 }));
    QCOMPARE(TfjsGraph::nodeName(c->inputs[0]), QStringLiteral("x"));
    QCOMPARE(TfjsGraph::nodeName(c->inputs[1]), QStringLiteral("w"));
    QCOMPARE(g.inputShape(QStringLiteral("x")), (std::vector<int64_t> { 1, 4, 4, 1 }));
}

void TestTfjsGraph::refusesTruncatedWeights()
{
    TfjsFixture f;
    f.constant(QStringLiteral("w"), { 4 }, { 1, 2, 3, 4 });
    TfjsGraph g;
    QString error;
    QVERIFY(!f.parse(g, &error, 10));
    QVERIFY2(error.contains(QStringLiteral("truncated")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("w")), qPrintable(error));
}

void TestTfjsGraph::refusesMissingShard()
{
    TfjsFixture f;
    f.constant(QStringLiteral("w"), { 1 }, { 1 });
    TfjsGraph g;
    QString error;
    QVERIFY(!g.parse(
        f.json(), [](const QString&) { return std::optional<QByteArray>(); }, &error));
    QVERIFY2(error.contains(QStringLiteral("w.bin")), qPrintable(error));
}

void TestTfjsGraph::refusesImpossibleShapeWithoutAllocating()
{
    TfjsFixture f;
    f.constant(QStringLiteral("w"), { 4 }, { 1, 2, 3, 4 });
    QByteArray json = f.json();
    json.replace(
        "\"shape\": [\n                        4\n                    ]", "\"shape\": [4000000000, 4000000000]");
    QVERIFY(json.contains("4000000000"));
    TfjsGraph g;
    QString error;
    const QByteArray bin = f.shard();
    QVERIFY(!g.parse(
        json, [bin](const QString&) { return std::optional<QByteArray>(bin); }, &error));
    QVERIFY2(error.contains(QStringLiteral("impossible shape")), qPrintable(error));
}

void TestTfjsGraph::refusesNonGraphModel()
{
    TfjsGraph g;
    QString error;
    QVERIFY(!g.parse(
        "{\"format\": \"layers-model\"}", [](const QString&) { return std::optional<QByteArray>(); }, &error));
    QVERIFY2(error.contains(QStringLiteral("layers-model")), qPrintable(error));
    QVERIFY(!g.parse(
        "{ not json", [](const QString&) { return std::optional<QByteArray>(); }, &error));
}

QTEST_GUILESS_MAIN(TestTfjsGraph)
#include "tst_tfjsgraph.moc"
