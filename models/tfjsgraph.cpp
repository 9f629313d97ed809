#include "tfjsgraph.h"

#include <QFile>
#include <QFileInfo>
#include <QFloat16>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace shoebox {

int64_t TfjsTensor::elementCount() const
{
    int64_t n = 1;
    for (int64_t d : shape)
        n *= d;
    return n;
}

QString TfjsNode::stringAttr(const QString& key, const QString& def) const
{
    const QJsonValue v = attr.value(key).toObject().value(QStringLiteral("s"));
    if (!v.isString())
        return def;
    return QString::fromUtf8(QByteArray::fromBase64(v.toString().toLatin1()));
}

QStringList TfjsNode::stringListAttr(const QString& key) const
{
    QStringList out;
    const QJsonArray list
        = attr.value(key).toObject().value(QStringLiteral("list")).toObject().value(QStringLiteral("s")).toArray();
    for (const QJsonValue& v : list)
        out << QString::fromUtf8(QByteArray::fromBase64(v.toString().toLatin1()));
    return out;
}

std::vector<int64_t> TfjsNode::intListAttr(const QString& key) const
{
    std::vector<int64_t> out;
    const QJsonArray list
        = attr.value(key).toObject().value(QStringLiteral("list")).toObject().value(QStringLiteral("i")).toArray();
    for (const QJsonValue& v : list) // int64 values are JSON strings in TF.js
        out.push_back(v.isString() ? v.toString().toLongLong() : v.toInteger());
    return out;
}

std::optional<int64_t> TfjsNode::intAttr(const QString& key) const
{
    const QJsonValue v = attr.value(key).toObject().value(QStringLiteral("i"));
    if (v.isUndefined())
        return std::nullopt;
    return v.isString() ? v.toString().toLongLong() : v.toInteger();
}

bool TfjsNode::boolAttr(const QString& key, bool def) const
{
    const QJsonValue v = attr.value(key).toObject().value(QStringLiteral("b"));
    return v.isBool() ? v.toBool() : def;
}

QString TfjsGraph::nodeName(const QString& input)
{
    QString n = input.startsWith(QLatin1Char('^')) ? input.mid(1) : input;
    const int colon = n.lastIndexOf(QLatin1Char(':'));
    if (colon > 0)
        n.truncate(colon);
    return n;
}

bool TfjsGraph::load(const QString& modelJsonPath, QString* error)
{
    QFile f(modelJsonPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(modelJsonPath, f.errorString());
        return false;
    }
    const QString dir = QFileInfo(modelJsonPath).absolutePath();
    auto reader = [dir](const QString& path) -> std::optional<QByteArray> {
        QFile shard(dir + QLatin1Char('/') + path);
        if (!shard.open(QIODevice::ReadOnly))
            return std::nullopt;
        return shard.readAll();
    };
    if (!parse(f.readAll(), reader, error)) {
        *error = QFileInfo(modelJsonPath).fileName() + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

bool TfjsGraph::loadWeights(const QString& manifestPath, QString* error)
{
    QFile f(manifestPath);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(manifestPath, f.errorString());
        return false;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll());
    if (!doc.isArray()) {
        *error = QStringLiteral("%1 is not a TF.js weights manifest (a JSON array)").arg(manifestPath);
        return false;
    }
    const QString dir = QFileInfo(manifestPath).absolutePath();
    auto reader = [dir](const QString& path) -> std::optional<QByteArray> {
        QFile shard(dir + QLatin1Char('/') + path);
        if (!shard.open(QIODevice::ReadOnly))
            return std::nullopt;
        return shard.readAll();
    };
    m_nodes.clear();
    m_index.clear();
    if (!readWeights(doc.array(), reader, error)) {
        *error = QFileInfo(manifestPath).fileName() + QStringLiteral(": ") + *error;
        return false;
    }
    return true;
}

namespace {

std::vector<int64_t> shapeOf(const QJsonValue& shapeProto)
{
    std::vector<int64_t> shape;
    for (const QJsonValue& d : shapeProto.toObject().value(QStringLiteral("dim")).toArray()) {
        const QJsonValue s = d.toObject().value(QStringLiteral("size"));
        shape.push_back(s.isString() ? s.toString().toLongLong() : s.toInteger());
    }
    return shape;
}

// Fills t from n stored elements (bytes long) at p: float32, int32 or bool as stored, float16/uint8/uint16 dequantized.
void decodeValues(TfjsTensor& t, const char* p, int64_t n, size_t bytes, const QString& dtype, const QString& qtype,
    const QJsonObject& quant)
{
    const double scale = quant.value(QStringLiteral("scale")).toDouble(1.0);
    const double minv = quant.value(QStringLiteral("min")).toDouble(0.0);
    const bool toInt = dtype != QLatin1String("float32");
    std::vector<float> values(static_cast<size_t>(n));
    // A weight with no elements (a 0 in its shape) has no storage: memcpy must not see its null data().
    const auto copy = [bytes](void* to, const char* from) {
        if (bytes > 0)
            std::memcpy(to, from, bytes);
    };
    if (qtype == QLatin1String("float16")) {
        std::vector<qfloat16> h(static_cast<size_t>(n));
        copy(h.data(), p);
        qFloatFromFloat16(values.data(), h.data(), n);
    } else if (qtype == QLatin1String("uint8")) {
        for (int64_t i = 0; i < n; ++i)
            values[size_t(i)] = float(uint8_t(p[i]) * scale + minv);
    } else if (qtype == QLatin1String("uint16")) {
        for (int64_t i = 0; i < n; ++i) {
            uint16_t q;
            std::memcpy(&q, p + 2 * i, 2);
            values[size_t(i)] = float(q * scale + minv);
        }
    } else if (dtype == QLatin1String("bool")) {
        for (int64_t i = 0; i < n; ++i)
            values[size_t(i)] = p[i] ? 1.f : 0.f;
    } else if (dtype == QLatin1String("int32")) {
        t.type = TfjsTensor::Type::Int;
        t.ints.resize(size_t(n));
        copy(t.ints.data(), p);
    } else {
        copy(values.data(), p);
    }
    if (t.type == TfjsTensor::Type::Float && toInt) {
        t.type = TfjsTensor::Type::Int;
        t.ints.assign(values.begin(), values.end());
    } else if (t.type == TfjsTensor::Type::Float) {
        t.floats = std::move(values);
    }
}

} // namespace

bool TfjsGraph::parse(const QByteArray& modelJson,
    const std::function<std::optional<QByteArray>(const QString&)>& shardReader, QString* error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(modelJson, &pe);
    if (doc.isNull() || !doc.isObject()) {
        *error = QStringLiteral("not a JSON model (%1 at offset %2)").arg(pe.errorString()).arg(pe.offset);
        return false;
    }
    const QJsonObject root = doc.object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("graph-model")) {
        *error = QStringLiteral("not a TF.js graph model (format is '%1')")
                     .arg(root.value(QStringLiteral("format")).toString());
        return false;
    }
    m_metadata = root;
    m_metadata.remove(QStringLiteral("modelTopology"));
    m_metadata.remove(QStringLiteral("weightsManifest"));

    m_nodes.clear();
    m_index.clear();
    const QJsonArray nodes
        = root.value(QStringLiteral("modelTopology")).toObject().value(QStringLiteral("node")).toArray();
    if (nodes.isEmpty()) {
        *error = QStringLiteral("the model has no graph nodes");
        return false;
    }
    for (const QJsonValue& v : nodes) {
        const QJsonObject o = v.toObject();
        TfjsNode n;
        n.name = o.value(QStringLiteral("name")).toString();
        n.op = o.value(QStringLiteral("op")).toString();
        for (const QJsonValue& in : o.value(QStringLiteral("input")).toArray())
            n.inputs << in.toString();
        n.attr = o.value(QStringLiteral("attr")).toObject();
        if (n.name.isEmpty() || n.op.isEmpty()) {
            *error = QStringLiteral("a graph node has no name or op");
            return false;
        }
        m_index.insert(n.name, int(m_nodes.size()));
        if (n.op == QLatin1String("Placeholder"))
            m_inputShapes.insert(
                n.name, shapeOf(n.attr.value(QStringLiteral("shape")).toObject().value(QStringLiteral("shape"))));
        m_nodes.push_back(std::move(n));
    }

    const QJsonObject sig = root.value(QStringLiteral("signature")).toObject();
    m_inputs = sig.value(QStringLiteral("inputs")).toObject().keys();
    m_outputs = sig.value(QStringLiteral("outputs")).toObject().keys();
    const QJsonObject sigInputs = sig.value(QStringLiteral("inputs")).toObject();
    for (auto it = sigInputs.begin(); it != sigInputs.end(); ++it) {
        const auto s = shapeOf(it.value().toObject().value(QStringLiteral("tensorShape")));
        if (!s.empty())
            m_inputShapes.insert(it.key(), s);
    }
    return readWeights(root.value(QStringLiteral("weightsManifest")).toArray(), shardReader, error);
}

bool TfjsGraph::readWeights(const QJsonArray& manifest,
    const std::function<std::optional<QByteArray>(const QString&)>& shardReader, QString* error)
{
    m_weights.clear();
    for (const QJsonValue& groupValue : manifest) {
        const QJsonObject group = groupValue.toObject();
        QByteArray data;
        for (const QJsonValue& p : group.value(QStringLiteral("paths")).toArray()) {
            const auto shard = shardReader(p.toString());
            if (!shard) {
                *error = QStringLiteral("weight shard %1 is missing").arg(p.toString());
                return false;
            }
            data += *shard;
        }
        qsizetype offset = 0;
        for (const QJsonValue& wv : group.value(QStringLiteral("weights")).toArray()) {
            const QJsonObject w = wv.toObject();
            const QString name = w.value(QStringLiteral("name")).toString();
            const QString dtype = w.value(QStringLiteral("dtype")).toString();
            const QJsonObject quant = w.value(QStringLiteral("quantization")).toObject();
            const QString qtype = quant.value(QStringLiteral("dtype")).toString();
            TfjsTensor t;
            double count = 1; // checked in double first, so absurd shapes cannot overflow
            for (const QJsonValue& d : w.value(QStringLiteral("shape")).toArray()) {
                t.shape.push_back(d.toInteger(-1));
                count *= double(t.shape.back());
                if (t.shape.back() < 0 || count > double(data.size())) {
                    *error = QStringLiteral("weight %1 has an impossible shape for %2 bytes of weights")
                                 .arg(name)
                                 .arg(data.size());
                    return false;
                }
            }
            const int64_t n = t.elementCount();
            int elemBytes = 4;
            if (qtype == QLatin1String("float16") || qtype == QLatin1String("uint16"))
                elemBytes = 2;
            else if (qtype == QLatin1String("uint8") || dtype == QLatin1String("bool"))
                elemBytes = 1;
            else if (!qtype.isEmpty()) {
                *error = QStringLiteral("weight %1 uses unsupported quantization '%2'").arg(name, qtype);
                return false;
            }
            if (dtype != QLatin1String("float32") && dtype != QLatin1String("int32")
                && dtype != QLatin1String("bool")) {
                *error = QStringLiteral("weight %1 has unsupported dtype '%2'").arg(name, dtype);
                return false;
            }
            const qsizetype bytes = qsizetype(n) * elemBytes;
            if (offset + bytes > data.size()) {
                *error = QStringLiteral("weights are truncated: %1 needs bytes %2..%3 but the shards hold %4")
                             .arg(name)
                             .arg(offset)
                             .arg(offset + bytes)
                             .arg(data.size());
                return false;
            }
            const char* p = data.constData() + offset;
            offset += bytes;
            decodeValues(t, p, n, size_t(bytes), dtype, qtype, quant);
            m_weights.insert(name, std::move(t));
        }
        if (offset != data.size()) {
            *error = QStringLiteral("weight shards hold %1 bytes but the manifest describes %2")
                         .arg(data.size())
                         .arg(offset);
            return false;
        }
    }
    return true;
}

const TfjsNode* TfjsGraph::node(const QString& name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.constEnd() ? nullptr : &m_nodes[size_t(*it)];
}

const TfjsTensor* TfjsGraph::weight(const QString& name) const
{
    const auto it = m_weights.constFind(name);
    return it == m_weights.constEnd() ? nullptr : &*it;
}

std::vector<int64_t> TfjsGraph::inputShape(const QString& name) const
{
    return m_inputShapes.value(name);
}

} // namespace shoebox
