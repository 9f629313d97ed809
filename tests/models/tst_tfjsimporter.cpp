// The importer's ops against values computed by hand (see each test's comment).

#include "support/tfjsfixture.h"
#include "tfjsimporter.h"

#include <torch/script.h>

#include <QTest>

using namespace shoebox;
using namespace shoebox::test;

namespace {

// Imports the fixture with the given outputs and runs it on an NHWC input given as nested values.
std::vector<at::Tensor> runGraph(
    const TfjsFixture& f, const QStringList& outputs, const at::Tensor& nhwc, QString* error)
{
    TfjsGraph g;
    if (!f.parse(g, error))
        return {};
    ImportOptions o;
    o.outputs = outputs;
    auto module = TfjsImporter::import(g, o, error);
    if (!module)
        return {};
    c10::InferenceMode guard;
    const auto out = module->forward({ nhwc.permute({ 0, 3, 1, 2 }).contiguous() }).toTuple();
    std::vector<at::Tensor> result;
    for (const auto& e : out->elements())
        result.push_back(e.toTensor().dim() == 4 ? e.toTensor().permute({ 0, 2, 3, 1 }).contiguous() : e.toTensor());
    return result;
}

std::vector<float> values(const at::Tensor& t)
{
    const at::Tensor c = t.contiguous().to(torch::kFloat);
    return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
}

bool near(const std::vector<float>& a, const std::vector<float>& b, float tol = 1e-4f)
{
    if (a.size() != b.size())
        return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::abs(a[i] - b[i]) > tol)
            return false;
    return true;
}

QByteArray show(const std::vector<float>& v)
{
    QStringList s;
    for (float x : v)
        s << QString::number(x);
    return s.join(QLatin1Char(' ')).toUtf8();
}

at::Tensor ramp(int h, int w, int c, float start = 1)
{
    return torch::arange(start, start + h * w * c).to(torch::kFloat).reshape({ 1, h, w, c });
}

} // namespace

class TestTfjsImporter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameConvPadsTheOddPixelAtBottomRight();
    void fusedConvAddsBiasThenRelu6();
    void depthwiseConvKeepsTfChannelOrderWithMultiplier();
    void resizeBilinearUsesTfLegacySampling();
    void meanMulAndConcatFollowNhwcAxes();
    void hardSwishWithFloat16ConstantsMatches();
    void maxPoolSamePadsWithMinusInfinity();
    void validConvSubAddAndReluMatch();
    void unsupportedOpIsNamedWithItsNode();
    void missingOutputNodeIsRefused();
};

// Input 4x4 = 1..16, 3x3 kernel of ones, stride 2, SAME: TF pads 0 before and 1 after, so
// out = [[1+2+3+5+6+7+9+10+11, 3+4+7+8+11+12], [9+10+11+13+14+15, 11+12+15+16]] = [[54,45],[72,54]].
// (A symmetric pad would give 14 at the top left.)
void TestTfjsImporter::sameConvPadsTheOddPixelAtBottomRight()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 4, 4, 1);
    f.constant(QStringLiteral("w"), { 3, 3, 1, 1 }, std::vector<float>(9, 1.f));
    f.node(QStringLiteral("conv"), QStringLiteral("Conv2D"), { QStringLiteral("x"), QStringLiteral("w") },
        TfjsFixture::convAttr(2, "SAME"));
    QString error;
    const auto out = runGraph(f, { QStringLiteral("conv") }, ramp(4, 4, 1), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 54, 45, 72, 54 }), show(values(out[0])));
}

// Same conv with bias -50 and Relu6: [54-50, 45-50, 72-50, 54-50] clamped to 0..6 = [4, 0, 6, 4].
void TestTfjsImporter::fusedConvAddsBiasThenRelu6()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 4, 4, 1);
    f.constant(QStringLiteral("w"), { 3, 3, 1, 1 }, std::vector<float>(9, 1.f));
    f.constant(QStringLiteral("b"), { 1 }, { -50.f });
    f.node(QStringLiteral("conv"), QStringLiteral("_FusedConv2D"),
        { QStringLiteral("x"), QStringLiteral("w"), QStringLiteral("b") },
        TfjsFixture::convAttr(2, "SAME", { "BiasAdd", "Relu6" }));
    QString error;
    const auto out = runGraph(f, { QStringLiteral("conv") }, ramp(4, 4, 1), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 4, 0, 6, 4 }), show(values(out[0])));
}

// Input channels [3, 5], 1x1 depthwise weights [C=2][M=2] = [[1, 2], [10, 20]], bias [0.5, 0, 0, 0]:
// TF's output channel c*M+m = [3*1+0.5, 3*2, 5*10, 5*20] = [3.5, 6, 50, 100].
void TestTfjsImporter::depthwiseConvKeepsTfChannelOrderWithMultiplier()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 1, 1, 2);
    f.constant(QStringLiteral("w"), { 1, 1, 2, 2 }, { 1, 2, 10, 20 });
    f.constant(QStringLiteral("b"), { 4 }, { 0.5f, 0, 0, 0 });
    f.node(QStringLiteral("dw"), QStringLiteral("FusedDepthwiseConv2dNative"),
        { QStringLiteral("x"), QStringLiteral("w"), QStringLiteral("b") },
        TfjsFixture::convAttr(1, "VALID", { "BiasAdd" }));
    QString error;
    const auto out = runGraph(f, { QStringLiteral("dw") }, torch::tensor({ 3.f, 5.f }).reshape({ 1, 1, 1, 2 }), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 3.5f, 6, 50, 100 }), show(values(out[0])));
}

// [[0, 4], [8, 12]] resized to 4x4 with align_corners=false, half_pixel_centers=false: source = dest/2,
// neighbours clamped at the edge. Rows: [0,2,4,4], [4,6,8,8], [8,10,12,12], [8,10,12,12].
void TestTfjsImporter::resizeBilinearUsesTfLegacySampling()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 2, 2, 1);
    f.constantInt(QStringLiteral("size"), { 2 }, { 4, 4 });
    f.node(QStringLiteral("up"), QStringLiteral("ResizeBilinear"), { QStringLiteral("x"), QStringLiteral("size") },
        { { QStringLiteral("align_corners"), TfjsFixture::boolean(false) },
            { QStringLiteral("half_pixel_centers"), TfjsFixture::boolean(false) } });
    QString error;
    const auto out
        = runGraph(f, { QStringLiteral("up") }, torch::tensor({ 0.f, 4.f, 8.f, 12.f }).reshape({ 1, 2, 2, 1 }), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 0, 2, 4, 4, 4, 6, 8, 8, 8, 10, 12, 12, 8, 10, 12, 12 }), show(values(out[0])));
}

// x (NHWC 1x1x2x2) = pixels [1,2] and [3,4]. Mean over axes [1,2] with keep_dims: channel means [2, 3].
// Mul: [1*2, 2*3, 3*2, 4*3] = [2, 6, 6, 12]. ConcatV2(x, mul, axis -1): per pixel [1,2,2,6], [3,4,6,12].
void TestTfjsImporter::meanMulAndConcatFollowNhwcAxes()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 1, 2, 2);
    f.constantInt(QStringLiteral("axes"), { 2 }, { 1, 2 });
    f.constantInt(QStringLiteral("axis"), {}, { -1 });
    f.node(QStringLiteral("mean"), QStringLiteral("Mean"), { QStringLiteral("x"), QStringLiteral("axes") },
        { { QStringLiteral("keep_dims"), TfjsFixture::boolean(true) } });
    f.node(QStringLiteral("mul"), QStringLiteral("Mul"), { QStringLiteral("x"), QStringLiteral("mean") });
    f.node(QStringLiteral("cat"), QStringLiteral("ConcatV2"),
        { QStringLiteral("x"), QStringLiteral("mul"), QStringLiteral("axis") });
    QString error;
    const auto out = runGraph(f, { QStringLiteral("cat"), QStringLiteral("mean") }, ramp(1, 2, 2), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 1, 2, 2, 6, 3, 4, 6, 12 }), show(values(out[0])));
    QVERIFY2(near(values(out[1]), { 2, 3 }), show(values(out[1])));
}

// hard_swish(x) = x * relu6(x + 3) * 0.16662598 (1/6 stored as float16), then Sub 1 and Sigmoid on a
// second branch. x = [-4, -1, 0, 1, 4] -> [0, -0.33325, 0, 0.66650, 3.99902]; sigmoid(x - 1) at 1 is 0.5.
void TestTfjsImporter::hardSwishWithFloat16ConstantsMatches()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 1, 5, 1);
    f.constant(QStringLiteral("three"), {}, { 3.f }, TfjsFixture::Storage::F16);
    f.constant(QStringLiteral("sixth"), {}, { 1.f / 6.f }, TfjsFixture::Storage::F16);
    f.constant(QStringLiteral("one"), {}, { 1.f });
    f.node(QStringLiteral("scaled"), QStringLiteral("Mul"), { QStringLiteral("sixth"), QStringLiteral("x") });
    f.node(QStringLiteral("add"), QStringLiteral("AddV2"), { QStringLiteral("x"), QStringLiteral("three") });
    f.node(QStringLiteral("relu6"), QStringLiteral("Relu6"), { QStringLiteral("add") });
    f.node(QStringLiteral("hs"), QStringLiteral("Mul"), { QStringLiteral("scaled"), QStringLiteral("relu6") });
    f.node(QStringLiteral("sub"), QStringLiteral("Sub"), { QStringLiteral("x"), QStringLiteral("one") });
    f.node(QStringLiteral("sig"), QStringLiteral("Sigmoid"), { QStringLiteral("sub") });
    f.node(QStringLiteral("id"), QStringLiteral("Identity"), { QStringLiteral("sig") });
    QString error;
    const auto out = runGraph(f, { QStringLiteral("hs"), QStringLiteral("id") },
        torch::tensor({ -4.f, -1.f, 0.f, 1.f, 4.f }).reshape({ 1, 1, 5, 1 }), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    const float s = 0.16662598f;
    QVERIFY2(near(values(out[0]), { 0, -1 * 2 * s, 0, 1 * 4 * s, 4 * 6 * s }, 1e-5f), show(values(out[0])));
    QVERIFY2(std::abs(values(out[1])[3] - 0.5f) < 1e-6f, show(values(out[1])));
}

// 3x3 input -1..-9, MaxPool 3x3 stride 1 SAME: padding must not win, so the corner is max(-1,-2,-4,-5) = -1
// and the bottom right max(-5,-6,-8,-9) = -5.
void TestTfjsImporter::maxPoolSamePadsWithMinusInfinity()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 3, 3, 1);
    f.node(QStringLiteral("pool"), QStringLiteral("MaxPool"), { QStringLiteral("x") },
        { { QStringLiteral("ksize"), TfjsFixture::ints({ 1, 3, 3, 1 }) },
            { QStringLiteral("strides"), TfjsFixture::ints({ 1, 1, 1, 1 }) },
            { QStringLiteral("padding"), TfjsFixture::str("SAME") } });
    QString error;
    const auto out = runGraph(f, { QStringLiteral("pool") }, -ramp(3, 3, 1), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { -1, -1, -2, -1, -1, -2, -4, -4, -5 }), show(values(out[0])));
}

// 3x3 input 1..9, 2x2 kernel of ones, VALID: [[1+2+4+5, 2+3+5+6], [4+5+7+8, 5+6+8+9]] = [12, 16, 24, 28].
// Sub 20 -> [-8, -4, 4, 8]; Relu -> [0, 0, 4, 8]; Add x 0.5 (Add, not AddV2) -> [0.5, 0.5, 4.5, 8.5].
void TestTfjsImporter::validConvSubAddAndReluMatch()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 3, 3, 1);
    f.constant(QStringLiteral("w"), { 2, 2, 1, 1 }, std::vector<float>(4, 1.f));
    f.constant(QStringLiteral("twenty"), {}, { 20.f });
    f.constant(QStringLiteral("half"), { 1 }, { 0.5f });
    f.node(QStringLiteral("conv"), QStringLiteral("Conv2D"), { QStringLiteral("x"), QStringLiteral("w") },
        TfjsFixture::convAttr(1, "VALID"));
    f.node(QStringLiteral("sub"), QStringLiteral("Sub"), { QStringLiteral("conv"), QStringLiteral("twenty") });
    f.node(QStringLiteral("relu"), QStringLiteral("Relu"), { QStringLiteral("sub") });
    f.node(QStringLiteral("add"), QStringLiteral("Add"), { QStringLiteral("relu"), QStringLiteral("half") });
    QString error;
    const auto out = runGraph(f, { QStringLiteral("conv"), QStringLiteral("add") }, ramp(3, 3, 1), &error);
    QVERIFY2(!out.empty(), qPrintable(error));
    QVERIFY2(near(values(out[0]), { 12, 16, 24, 28 }), show(values(out[0])));
    QVERIFY2(near(values(out[1]), { 0.5f, 0.5f, 4.5f, 8.5f }), show(values(out[1])));
}

void TestTfjsImporter::unsupportedOpIsNamedWithItsNode()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 2, 2, 1);
    f.node(QStringLiteral("head/prob"), QStringLiteral("Softmax"), { QStringLiteral("x") });
    TfjsGraph g;
    QString error;
    QVERIFY2(f.parse(g, &error), qPrintable(error));
    ImportOptions o;
    o.outputs = { QStringLiteral("head/prob") };
    QVERIFY(!TfjsImporter::import(g, o, &error));
    QVERIFY2(error.contains(QStringLiteral("unsupported op 'Softmax'")), qPrintable(error));
    QVERIFY2(error.contains(QStringLiteral("head/prob")), qPrintable(error));
}

void TestTfjsImporter::missingOutputNodeIsRefused()
{
    TfjsFixture f;
    f.input(QStringLiteral("x"), 2, 2, 1);
    TfjsGraph g;
    QString error;
    QVERIFY2(f.parse(g, &error), qPrintable(error));
    ImportOptions o;
    o.outputs = { QStringLiteral("tower_0/keypoints") };
    QVERIFY(!TfjsImporter::import(g, o, &error));
    QVERIFY2(error.contains(QStringLiteral("tower_0/keypoints")), qPrintable(error));
}

QTEST_GUILESS_MAIN(TestTfjsImporter)
#include "tst_tfjsimporter.moc"
