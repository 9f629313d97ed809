#include "facedescriptornet.h"

#include "tfjsgraph.h"

#include <torch/script.h>

#include <QStringList>

#include <vector>

namespace shoebox {

namespace {

// The blocks in order: name, output channels, and whether it halves the resolution.
struct Block {
    const char* name;
    int64_t channels;
    bool down;
};
const Block kBlocks[] = { { "conv32_1", 32, false }, { "conv32_2", 32, false }, { "conv32_3", 32, false },
    { "conv64_down", 64, true }, { "conv64_1", 64, false }, { "conv64_2", 64, false }, { "conv64_3", 64, false },
    { "conv128_down", 128, true }, { "conv128_1", 128, false }, { "conv128_2", 128, false },
    { "conv256_down", 256, true }, { "conv256_1", 256, false }, { "conv256_2", 256, false },
    { "conv256_down_out", 256, true } };

// Helpers of the generated module; the shapes follow face-api's residualLayer.ts exactly (a block
// that halves 35 -> 17 and an odd 3 -> 1 both need the zero row and column it appends).
const char* const kSource = R"TS(
def _conv(self, x: Tensor, w: Tensor, b: Tensor, sw: Tensor, sb: Tensor, stride: int, pad: int, relu: bool) -> Tensor:
    y = torch.conv2d(x, w, b, [stride, stride], [pad, pad])
    y = y * sw + sb
    if relu:
        y = torch.relu(y)
    return y

def _down(self, x: Tensor, out: Tensor) -> Tensor:
    pooled = torch.avg_pool2d(x, [2, 2], [2, 2])
    if pooled.size(2) != out.size(2) or pooled.size(3) != out.size(3):
        out = torch.constant_pad_nd(out, [0, 1, 0, 1], 0.0)
    if pooled.size(1) != out.size(1):
        pooled = torch.cat([pooled, torch.zeros_like(pooled)], 1)
    return torch.relu(pooled + out)
)TS";

class Builder {
public:
    Builder(const TfjsGraph& w)
        : m_weights(w)
    {
    }
    bool layer(const QString& prefix, int64_t cin, int64_t cout, int64_t k, QString* error);
    bool fc(QString* error);
    QString conv(const QString& prefix, const QString& x, int stride, int pad, bool relu) const;
    std::vector<std::pair<std::string, at::Tensor>> buffers;

private:
    bool take(const QString& name, const std::vector<int64_t>& shape, const std::string& as,
        const std::vector<int64_t>& torchShape, bool hwio, QString* error);
    const TfjsGraph& m_weights;
};

std::string bufferName(const QString& weight)
{
    QString n = weight;
    n.replace(QLatin1Char('/'), QLatin1Char('_'));
    return n.toStdString();
}

bool Builder::take(const QString& name, const std::vector<int64_t>& shape, const std::string& as,
    const std::vector<int64_t>& torchShape, bool hwio, QString* error)
{
    const TfjsTensor* t = m_weights.weight(name);
    if (!t || t->type != TfjsTensor::Type::Float || t->shape != shape) {
        *error = t ? QStringLiteral("weight %1 has an unexpected shape or type").arg(name)
                   : QStringLiteral("weight %1 is missing").arg(name);
        return false;
    }
    at::Tensor v = torch::from_blob(const_cast<float*>(t->floats.data()), { int64_t(t->floats.size()) }).clone();
    v = hwio ? v.reshape(shape).permute({ 3, 2, 0, 1 }) : v.reshape(torchShape);
    buffers.emplace_back(as, v.contiguous());
    return true;
}

// One conv + scale layer: prefix/conv/filters [k,k,cin,cout], prefix/conv/bias, prefix/scale/{weights,biases}.
bool Builder::layer(const QString& prefix, int64_t cin, int64_t cout, int64_t k, QString* error)
{
    const std::string b = bufferName(prefix);
    return take(prefix + QStringLiteral("/conv/filters"), { k, k, cin, cout }, b + "_w", {}, true, error)
        && take(prefix + QStringLiteral("/conv/bias"), { cout }, b + "_b", { cout }, false, error)
        && take(prefix + QStringLiteral("/scale/weights"), { cout }, b + "_sw", { 1, cout, 1, 1 }, false, error)
        && take(prefix + QStringLiteral("/scale/biases"), { cout }, b + "_sb", { 1, cout, 1, 1 }, false, error);
}

bool Builder::fc(QString* error)
{
    const TfjsTensor* t = m_weights.weight(QStringLiteral("fc"));
    if (!t || t->shape != std::vector<int64_t> { 256, FaceDescriptorNet::kDimensions }) {
        *error = QStringLiteral("weight fc is missing or not 256x128");
        return false;
    }
    buffers.emplace_back("fc", torch::from_blob(const_cast<float*>(t->floats.data()), { 256, 128 }).clone());
    return true;
}

QString Builder::conv(const QString& prefix, const QString& x, int stride, int pad, bool relu) const
{
    const QString b = QStringLiteral("self.") + QString::fromStdString(bufferName(prefix));
    return QStringLiteral("self._conv(%1, %2_w, %2_b, %2_sw, %2_sb, %3, %4, %5)")
        .arg(x, b)
        .arg(stride)
        .arg(pad)
        .arg(relu ? QStringLiteral("True") : QStringLiteral("False"));
}

} // namespace

std::unique_ptr<torch::jit::Module> FaceDescriptorNet::build(const QString& weightsManifest, QString* error)
{
    TfjsGraph weights;
    if (!weights.loadWeights(weightsManifest, error))
        return nullptr;
    Builder b(weights);
    // Mean RGB of dlib's training chips, subtracted before dividing by 255 (face-api's normalize()).
    QStringList body { QStringLiteral("x = (images - self.mean_rgb) / 255.0") };
    if (!b.layer(QStringLiteral("conv32_down"), 3, 32, 7, error))
        return nullptr;
    body << QStringLiteral("x = ") + b.conv(QStringLiteral("conv32_down"), QStringLiteral("x"), 2, 0, true)
         << QStringLiteral("x = torch.max_pool2d(x, [3, 3], [2, 2], [0, 0], [1, 1], False)");
    int64_t cin = 32;
    for (const Block& block : kBlocks) {
        const QString p = QString::fromLatin1(block.name);
        if (!b.layer(p + QStringLiteral("/conv1"), cin, block.channels, 3, error)
            || !b.layer(p + QStringLiteral("/conv2"), block.channels, block.channels, 3, error))
            return nullptr;
        // "valid" 3x3 stride 2 for a block that halves, "same" (pad 1) otherwise.
        body << QStringLiteral("y = ")
                + b.conv(
                    p + QStringLiteral("/conv1"), QStringLiteral("x"), block.down ? 2 : 1, block.down ? 0 : 1, true)
             << QStringLiteral("y = ") + b.conv(p + QStringLiteral("/conv2"), QStringLiteral("y"), 1, 1, false)
             << (block.down ? QStringLiteral("x = self._down(x, y)") : QStringLiteral("x = torch.relu(y + x)"));
        cin = block.channels;
    }
    if (!b.fc(error))
        return nullptr;
    body << QStringLiteral("return torch.matmul(torch.mean(x, [2, 3], False), self.fc)");
    try {
        auto module = std::make_unique<torch::jit::Module>("ShoeboxFaceDescriptor");
        module->register_buffer("mean_rgb", torch::tensor({ 122.782f, 117.001f, 104.298f }).view({ 1, 3, 1, 1 }));
        for (const auto& [name, tensor] : b.buffers)
            module->register_buffer(name, tensor);
        module->define(kSource);
        module->define("def forward(self, images: Tensor) -> Tensor:\n    "
            + body.join(QStringLiteral("\n    ")).toStdString() + "\n");
        module->eval();
        return module;
    } catch (const std::exception& e) {
        *error = QStringLiteral("TorchScript compilation failed: %1").arg(QString::fromUtf8(e.what()).trimmed());
    }
    return nullptr;
}

} // namespace shoebox
