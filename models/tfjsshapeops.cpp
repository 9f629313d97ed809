// TfjsGenerator's shape ops (Pad, Reshape), kept apart from tfjsgenerator.cpp to keep files short.
// BlazeFace needs both: Pad widens the channels of a shortcut, Reshape flattens the heads into
// [N, anchors, values] in TF's NHWC element order.

#include "tfjsgenerator.h"
#include "tfjsgraph.h"

#include <QStringList>

namespace shoebox {

bool TfjsGenerator::pad(const TfjsNode& n, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const TfjsTensor* p = constant(n.inputs.value(1));
    if (!in || !p || p->type != TfjsTensor::Type::Int || p->shape.size() != 2 || p->shape[1] != 2)
        return fail(n, QStringLiteral("Pad needs a computed input and constant [rank, 2] paddings"), error);
    const int rank = int(p->shape[0]);
    if (in->image && rank != 4)
        return fail(n, QStringLiteral("Pad of a 4-D tensor needs 4 paddings"), error);
    auto before = [&](int axis) { return p->ints[size_t(2 * axis)]; };
    auto after = [&](int axis) { return p->ints[size_t(2 * axis + 1)]; };
    // constant_pad_nd lists (before, after) from the last dimension backwards.
    QList<int> order; // TF axes in that order
    if (in->image) {
        if (before(0) != 0 || after(0) != 0)
            return fail(n, QStringLiteral("Pad along the batch is not supported"), error);
        order = { 2, 1, 3 }; // NCHW's last dims are W, H, C
    } else {
        for (int axis = rank - 1; axis >= 0; --axis)
            order << axis;
    }
    QStringList amounts;
    for (int axis : order)
        amounts << QString::number(before(axis)) << QString::number(after(axis));
    Value v = *in;
    v.expr = newVar();
    if (in->image) {
        v.h += before(1) + after(1);
        v.w += before(2) + after(2);
    }
    line(QStringLiteral("%1 = torch.constant_pad_nd(%2, [%3], 0.0)")
             .arg(v.expr, in->expr, amounts.join(QStringLiteral(", "))));
    m_values.insert(n.name, v);
    return true;
}

bool TfjsGenerator::reshape(const TfjsNode& n, QString* error)
{
    const Value* in = value(n.inputs.value(0));
    const TfjsTensor* s = constant(n.inputs.value(1));
    if (!in || !s || s->type != TfjsTensor::Type::Int || s->shape.size() != 1 || s->ints.empty())
        return fail(n, QStringLiteral("Reshape needs a computed input and a constant shape"), error);
    // The graph's batch of 1 becomes the module's batch, so one module serves any batch size.
    QStringList dims;
    dims << QStringLiteral("%1.size(0)").arg(in->expr);
    for (size_t i = 1; i < s->ints.size(); ++i)
        dims << QString::number(s->ints[i]);
    if (s->ints[0] != 1 && s->ints[0] != -1)
        return fail(n, QStringLiteral("Reshape must keep the batch dimension"), error);
    // An image is held as NCHW; TF's element order is NHWC, so go back to it first.
    const QString src = in->image ? QStringLiteral("%1.permute([0, 2, 3, 1])").arg(in->expr) : in->expr;
    Value v;
    v.expr = newVar();
    v.rank = int(s->ints.size());
    v.image = false;
    line(QStringLiteral("%1 = torch.reshape(%2, [%3])").arg(v.expr, src, dims.join(QStringLiteral(", "))));
    m_values.insert(n.name, v);
    return true;
}

} // namespace shoebox
