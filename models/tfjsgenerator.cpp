#include "tfjsgenerator.h"

#include "tfjsgraph.h"

#include <QList>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace shoebox {

QString TfjsGenerator::literal(double v)
{
    if (std::isinf(v))
        return v > 0 ? QStringLiteral("float('inf')") : QStringLiteral("float('-inf')");
    QString s = QString::number(v, 'g', 9);
    if (!s.contains(QLatin1Char('.')) && !s.contains(QLatin1Char('e')) && !s.contains(QLatin1String("nan")))
        s += QStringLiteral(".0");
    return s;
}

QString TfjsGenerator::addBuffer(at::Tensor t)
{
    const std::string name = "c" + std::to_string(buffers.size());
    buffers.emplace_back(name, t.contiguous());
    return QStringLiteral("self.") + QString::fromStdString(name);
}

bool TfjsGenerator::fail(const TfjsNode& n, const QString& why, QString* error)
{
    *error = QStringLiteral("%1 at node '%2'").arg(why, n.name);
    return false;
}

const TfjsTensor* TfjsGenerator::constant(const QString& input) const
{
    const TfjsNode* n = m_graph.node(TfjsGraph::nodeName(input));
    if (!n || n->op != QLatin1String("Const"))
        return nullptr;
    return m_graph.weight(n->name);
}

TfjsGenerator::Value* TfjsGenerator::value(const QString& input)
{
    const auto it = m_values.find(TfjsGraph::nodeName(input));
    return it == m_values.end() ? nullptr : &*it;
}

bool TfjsGenerator::run(QString* error)
{
    const QStringList inputs = m_graph.signatureInputs();
    QStringList wanted = m_opt.outputs;
    if (!m_opt.embeddingNode.isEmpty())
        wanted << m_opt.embeddingNode;
    for (const QString& o : wanted) {
        if (!m_graph.node(o)) {
            *error = QStringLiteral("the graph has no node '%1'").arg(o);
            return false;
        }
        if (!visit(o, error))
            return false;
    }
    if (m_inputName.isEmpty()) {
        *error = QStringLiteral("the requested outputs do not depend on a graph input");
        return false;
    }
    QStringList results;
    for (const QString& o : m_opt.outputs)
        results << m_values.value(o).expr;
    if (!m_opt.embeddingNode.isEmpty()) {
        const Value& e = m_values[m_opt.embeddingNode];
        if (e.image) {
            const QString v = newVar();
            line(QStringLiteral("%1 = torch.flatten(torch.mean(%2, [2, 3], False), 1)").arg(v, e.expr));
            results << v;
        } else {
            results << QStringLiteral("torch.flatten(%1, 1)").arg(e.expr);
        }
    }
    m_src = QStringLiteral("def forward(self, images: Tensor):\n") + m_body + QStringLiteral("    return (")
        + results.join(QStringLiteral(", ")) + (results.size() == 1 ? QStringLiteral(",)\n") : QStringLiteral(")\n"));
    return true;
}

bool TfjsGenerator::visit(const QString& name, QString* error)
{
    if (m_values.contains(name))
        return true;
    const TfjsNode* n = m_graph.node(name);
    if (!n) {
        *error = QStringLiteral("the graph refers to a missing node '%1'").arg(name);
        return false;
    }
    if (n->op == QLatin1String("Const"))
        return true; // consumers read constants directly
    if (m_visiting.contains(name)) {
        *error = QStringLiteral("the graph has a cycle through node '%1'").arg(name);
        return false;
    }
    m_visiting.insert(name);
    for (const QString& in : n->inputs) {
        if (in.startsWith(QLatin1Char('^')))
            continue;
        if (!visit(TfjsGraph::nodeName(in), error))
            return false;
    }
    m_visiting.remove(name);
    return emitNode(*n, error);
}

bool TfjsGenerator::emitNode(const TfjsNode& n, QString* error)
{
    const QString op = n.op;
    auto unary = [&](const QString& fmt) {
        const Value* in = value(n.inputs.value(0));
        if (!in)
            return fail(n, QStringLiteral("op '%1' needs a computed input").arg(op), error);
        Value v = *in;
        v.expr = newVar();
        line(QStringLiteral("%1 = ").arg(v.expr) + fmt.arg(in->expr));
        m_values.insert(n.name, v);
        return true;
    };
    if (op == QLatin1String("Placeholder"))
        return placeholder(n, error);
    if (op == QLatin1String("Identity")) {
        const Value* in = value(n.inputs.value(0));
        if (!in)
            return fail(n, QStringLiteral("Identity of a constant is not supported"), error);
        m_values.insert(n.name, *in);
        return true;
    }
    if (op == QLatin1String("Relu"))
        return unary(QStringLiteral("torch.relu(%1)"));
    if (op == QLatin1String("Relu6"))
        return unary(QStringLiteral("torch.clamp(%1, 0.0, 6.0)"));
    if (op == QLatin1String("Sigmoid"))
        return unary(QStringLiteral("torch.sigmoid(%1)"));
    if (op == QLatin1String("_FusedConv2D") || op == QLatin1String("Conv2D"))
        return conv(n, false, error);
    if (op == QLatin1String("DepthwiseConv2dNative") || op == QLatin1String("FusedDepthwiseConv2dNative"))
        return conv(n, true, error);
    if (op == QLatin1String("Add") || op == QLatin1String("AddV2"))
        return binary(n, "+", error);
    if (op == QLatin1String("Mul"))
        return binary(n, "*", error);
    if (op == QLatin1String("Sub"))
        return binary(n, "-", error);
    if (op == QLatin1String("Mean"))
        return mean(n, error);
    if (op == QLatin1String("ConcatV2"))
        return concat(n, error);
    if (op == QLatin1String("ResizeBilinear"))
        return resize(n, error);
    if (op == QLatin1String("MaxPool"))
        return maxPool(n, error);
    if (op == QLatin1String("Pad"))
        return pad(n, error);
    if (op == QLatin1String("Reshape"))
        return reshape(n, error);
    return fail(n, QStringLiteral("unsupported op '%1'").arg(op), error);
}

bool TfjsGenerator::placeholder(const TfjsNode& n, QString* error)
{
    if (!m_inputName.isEmpty() && m_inputName != n.name)
        return fail(n, QStringLiteral("a second graph input is not supported"), error);
    const auto shape = m_graph.inputShape(n.name);
    if (shape.size() != 4 || shape[3] <= 0)
        return fail(n, QStringLiteral("the input must be a 4-D NHWC tensor"), error);
    m_inputName = n.name;
    Value v;
    v.expr = QStringLiteral("images");
    v.rank = 4;
    v.image = true;
    v.h = int(shape[1]);
    v.w = int(shape[2]);
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::mean(const TfjsNode& n, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const TfjsTensor* axes = constant(n.inputs.value(1));
    if (!in || !in->image || !axes || axes->type != TfjsTensor::Type::Int)
        return fail(n, QStringLiteral("Mean is supported over constant axes of a 4-D tensor only"), error);
    QSet<int> dims;
    for (int32_t a : axes->ints) {
        const int axis = a < 0 ? a + 4 : a;
        static const int toNchw[4] = { 0, 2, 3, 1 };
        if (axis < 0 || axis > 3)
            return fail(n, QStringLiteral("Mean axis %1 is out of range").arg(a), error);
        dims.insert(toNchw[axis]);
    }
    QList<int> sorted = dims.values();
    std::sort(sorted.begin(), sorted.end());
    QStringList dimText;
    for (int d : sorted)
        dimText << QString::number(d);
    const bool keep = n.boolAttr(QStringLiteral("keep_dims"));
    Value v = *in;
    v.expr = newVar();
    line(QStringLiteral("%1 = torch.mean(%2, [%3], %4)")
             .arg(v.expr, in->expr, dimText.join(QStringLiteral(", ")),
                 keep ? QStringLiteral("True") : QStringLiteral("False")));
    if (dims.contains(2))
        v.h = 1;
    if (dims.contains(3))
        v.w = 1;
    if (!keep) {
        if (sorted != QList<int> { 2, 3 })
            return fail(n, QStringLiteral("Mean without keep_dims is supported over H and W only"), error);
        v.image = false;
        v.rank = 2;
    }
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::concat(const TfjsNode& n, QString* error)
{
    const int count = int(n.inputs.size()) - 1;
    const TfjsTensor* axisT = constant(n.inputs.value(count));
    if (count < 1 || !axisT || axisT->type != TfjsTensor::Type::Int || axisT->ints.size() != 1)
        return fail(n, QStringLiteral("ConcatV2 needs a constant axis"), error);
    QStringList parts;
    Value v;
    for (int i = 0; i < count; ++i) {
        const Value* in = value(n.inputs[i]);
        if (!in)
            return fail(n, QStringLiteral("ConcatV2 of constants is not supported"), error);
        parts << in->expr;
        if (i == 0)
            v = *in;
    }
    int axis = axisT->ints[0];
    if (v.image) {
        axis = axis < 0 ? axis + 4 : axis;
        static const int toNchw[4] = { 0, 2, 3, 1 };
        if (axis < 0 || axis > 3)
            return fail(n, QStringLiteral("ConcatV2 axis is out of range"), error);
        axis = toNchw[axis];
    }
    v.expr = newVar();
    line(QStringLiteral("%1 = torch.cat([%2], %3)").arg(v.expr, parts.join(QStringLiteral(", "))).arg(axis));
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::resize(const TfjsNode& n, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const TfjsTensor* size = constant(n.inputs.value(1));
    if (!in || !in->image || !size || size->type != TfjsTensor::Type::Int || size->ints.size() != 2)
        return fail(n, QStringLiteral("ResizeBilinear needs a 4-D input and a constant size"), error);
    const int oh = size->ints[0], ow = size->ints[1];
    // Keep the module usable at other input sizes: an integer up-scale stays a factor.
    auto outExpr = [&](int out, int nominal, int dim) {
        if (nominal > 0 && out % nominal == 0)
            return QStringLiteral("%1.size(%2) * %3").arg(in->expr).arg(dim).arg(out / nominal);
        return QString::number(out);
    };
    const QString hs = outExpr(oh, in->h, 2), ws = outExpr(ow, in->w, 3);
    const bool align = n.boolAttr(QStringLiteral("align_corners"));
    const bool halfPixel = n.boolAttr(QStringLiteral("half_pixel_centers"));
    Value v = *in;
    v.expr = newVar();
    v.h = oh;
    v.w = ow;
    if (align && halfPixel)
        return fail(n, QStringLiteral("ResizeBilinear with both align_corners and half_pixel_centers"), error);
    if (!align && !halfPixel)
        line(QStringLiteral("%1 = self._resize_legacy(%2, %3, %4)").arg(v.expr, in->expr, hs, ws));
    else
        line(QStringLiteral("%1 = torch.upsample_bilinear2d(%2, [%3, %4], %5)")
                 .arg(v.expr, in->expr, hs, ws, align ? QStringLiteral("True") : QStringLiteral("False")));
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::maxPool(const TfjsNode& n, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const auto k = n.intListAttr(QStringLiteral("ksize"));
    const auto s = n.intListAttr(QStringLiteral("strides"));
    const QString padding = n.stringAttr(QStringLiteral("padding"));
    if (!in || !in->image || k.size() != 4 || s.size() != 4 || k[0] != 1 || k[3] != 1)
        return fail(n, QStringLiteral("MaxPool is supported over H and W of a 4-D tensor only"), error);
    Value v = *in;
    v.expr = newVar();
    QString x = in->expr;
    if (padding == QLatin1String("SAME")) {
        x = QStringLiteral("self._pad_same(%1, %2, %3, %4, %5, float('-inf'))")
                .arg(x)
                .arg(k[1])
                .arg(k[2])
                .arg(s[1])
                .arg(s[2]);
        v.h = (in->h + int(s[1]) - 1) / int(s[1]);
        v.w = (in->w + int(s[2]) - 1) / int(s[2]);
    } else if (padding == QLatin1String("VALID")) {
        v.h = (in->h - int(k[1])) / int(s[1]) + 1;
        v.w = (in->w - int(k[2])) / int(s[2]) + 1;
    } else {
        return fail(n, QStringLiteral("MaxPool padding '%1' is not supported").arg(padding), error);
    }
    line(QStringLiteral("%1 = torch.max_pool2d(%2, [%3, %4], [%5, %6], [0, 0], [1, 1], False)")
             .arg(v.expr, x)
             .arg(k[1])
             .arg(k[2])
             .arg(s[1])
             .arg(s[2]));
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::conv(const TfjsNode& n, bool depthwise, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const TfjsTensor* w = constant(n.inputs.value(1));
    if (!in || !in->image)
        return fail(n, QStringLiteral("%1 needs a 4-D input").arg(n.op), error);
    if (!convCheck(n, w, error))
        return false;
    const auto strides = n.intListAttr(QStringLiteral("strides"));
    const int sh = strides.size() == 4 ? int(strides[1]) : 1, sw = strides.size() == 4 ? int(strides[2]) : 1;
    const QString padding = n.stringAttr(QStringLiteral("padding"));
    QString bias = QStringLiteral("None");
    QString activation;
    if (!convFusedBias(n, &bias, &activation, error))
        return false;

    const int64_t kh = w->shape[0], kw = w->shape[1];
    int64_t groups = 1;
    const QString wname = convWeights(*w, depthwise, &groups);

    QString x = in->expr;
    int ph = 0, pw = 0;
    Value v = *in;
    if (padding == QLatin1String("SAME")) {
        if (sh == 1 && sw == 1 && kh % 2 == 1 && kw % 2 == 1) { // symmetric: let the conv pad
            ph = int(kh / 2);
            pw = int(kw / 2);
        } else {
            x = QStringLiteral("self._pad_same(%1, %2, %3, %4, %5, 0.0)").arg(x).arg(kh).arg(kw).arg(sh).arg(sw);
        }
        v.h = (in->h + sh - 1) / sh;
        v.w = (in->w + sw - 1) / sw;
    } else {
        v.h = (in->h - int(kh)) / sh + 1;
        v.w = (in->w - int(kw)) / sw + 1;
    }
    v.expr = newVar();
    QString call = QStringLiteral("torch.conv2d(%1, %2, %3, [%4, %5], [%6, %7], [1, 1], %8)")
                       .arg(x, wname, bias)
                       .arg(sh)
                       .arg(sw)
                       .arg(ph)
                       .arg(pw)
                       .arg(groups);
    if (activation == QLatin1String("Relu"))
        call = QStringLiteral("torch.relu(%1)").arg(call);
    else if (activation == QLatin1String("Relu6"))
        call = QStringLiteral("torch.clamp(%1, 0.0, 6.0)").arg(call);
    line(v.expr + QStringLiteral(" = ") + call);
    m_values.insert(n.name, v);
    return true;
}

// The weights, data format, dilations and padding that conv() can translate; fails with the reason.
bool TfjsGenerator::convCheck(const TfjsNode& n, const TfjsTensor* w, QString* error)
{
    if (!w || w->type != TfjsTensor::Type::Float || w->shape.size() != 4)
        return fail(n, QStringLiteral("%1 needs constant 4-D weights").arg(n.op), error);
    const QString format = n.stringAttr(QStringLiteral("data_format"), QStringLiteral("NHWC"));
    if (format != QLatin1String("NHWC"))
        return fail(n, QStringLiteral("data_format '%1' is not supported").arg(format), error);
    for (int64_t d : n.intListAttr(QStringLiteral("dilations")))
        if (d != 1)
            return fail(n, QStringLiteral("dilated convolution is not supported"), error);
    const QString padding = n.stringAttr(QStringLiteral("padding"));
    if (padding != QLatin1String("SAME") && padding != QLatin1String("VALID"))
        return fail(n, QStringLiteral("padding '%1' is not supported").arg(padding), error);
    return true;
}

// Fused ops: BiasAdd, optionally followed by Relu or Relu6. Leaves bias and activation as they are
// for a plain convolution.
bool TfjsGenerator::convFusedBias(const TfjsNode& n, QString* bias, QString* activation, QString* error)
{
    const bool fused = n.op.startsWith(QLatin1String("_Fused")) || n.op.startsWith(QLatin1String("Fused"));
    if (!fused)
        return true;
    QStringList fusedOps = n.stringListAttr(QStringLiteral("fused_ops"));
    if (fusedOps.value(0) != QLatin1String("BiasAdd") || n.inputs.size() < 3)
        return fail(n, QStringLiteral("fused ops [%1] are not supported").arg(fusedOps.join(QLatin1Char(','))), error);
    if (fusedOps.size() > 2
        || (fusedOps.size() == 2 && fusedOps[1] != QLatin1String("Relu") && fusedOps[1] != QLatin1String("Relu6")))
        return fail(n, QStringLiteral("fused ops [%1] are not supported").arg(fusedOps.join(QLatin1Char(','))), error);
    *activation = fusedOps.value(1);
    const TfjsTensor* b = constant(n.inputs[2]);
    if (!b || b->type != TfjsTensor::Type::Float || b->shape.size() != 1)
        return fail(n, QStringLiteral("the fused bias must be a constant vector"), error);
    *bias = addBuffer(torch::from_blob(const_cast<float*>(b->floats.data()), { int64_t(b->floats.size()) }).clone());
    return true;
}

// Registers TF's HWIO (or depthwise HWCM) weights as a buffer in torch's OIHW layout; returns its name.
QString TfjsGenerator::convWeights(const TfjsTensor& w, bool depthwise, int64_t* groups)
{
    const int64_t kh = w.shape[0], kw = w.shape[1], ci = w.shape[2], co = w.shape[3];
    at::Tensor weights = torch::from_blob(const_cast<float*>(w.floats.data()), { kh, kw, ci, co }).clone();
    *groups = 1;
    if (depthwise) { // H,W,C,M -> C*M,1,H,W; output channel c*M+m as in TF
        weights = weights.reshape({ kh, kw, ci * co }).permute({ 2, 0, 1 }).unsqueeze(1);
        *groups = ci;
    } else { // HWIO -> OIHW
        weights = weights.permute({ 3, 2, 0, 1 });
    }
    return addBuffer(weights);
}

bool TfjsGenerator::binary(const TfjsNode& n, const char* op, QString* error)
{
    if (n.inputs.size() != 2)
        return fail(n, QStringLiteral("%1 needs two inputs").arg(n.op), error);
    QString expr[2];
    const Value* shapeFrom = nullptr;
    const Value* other = nullptr;
    for (int i = 0; i < 2; ++i) {
        if (const Value* v = value(n.inputs[i])) {
            expr[i] = v->expr;
            (shapeFrom ? other : shapeFrom) = v;
        }
    }
    if (!shapeFrom)
        return fail(n, QStringLiteral("%1 of two constants is not supported").arg(n.op), error);
    for (int i = 0; i < 2; ++i) {
        if (!expr[i].isEmpty())
            continue;
        const TfjsTensor* c = constant(n.inputs[i]);
        if (!c)
            return fail(n, QStringLiteral("input '%1' is neither computed nor constant").arg(n.inputs[i]), error);
        if (c->elementCount() == 1) {
            expr[i] = literal(c->type == TfjsTensor::Type::Float ? double(c->floats[0]) : double(c->ints[0]));
            continue;
        }
        std::vector<float> f
            = c->type == TfjsTensor::Type::Float ? c->floats : std::vector<float>(c->ints.begin(), c->ints.end());
        at::Tensor t = torch::from_blob(f.data(), { int64_t(f.size()) }).clone().reshape(c->shape);
        if (shapeFrom->image && c->shape.size() == 1)
            t = t.reshape({ 1, c->shape[0], 1, 1 }); // NHWC broadcast over channels
        else if (shapeFrom->image && c->shape.size() == 4)
            t = t.permute({ 0, 3, 1, 2 });
        else if (shapeFrom->image)
            return fail(n,
                QStringLiteral("a constant of rank %1 with a 4-D tensor is not supported").arg(c->shape.size()), error);
        expr[i] = addBuffer(t);
    }
    Value v = *shapeFrom;
    if (other) {
        v.h = std::max(v.h, other->h);
        v.w = std::max(v.w, other->w);
    }
    v.expr = newVar();
    line(QStringLiteral("%1 = %2 %3 %4").arg(v.expr, expr[0], QLatin1String(op), expr[1]));
    m_values.insert(n.name, v);
    return true;
}

} // namespace shoebox
