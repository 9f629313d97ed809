#pragma once
// Builds small TF.js graph models in memory for the importer's tests: nodes with TF.js-style
// attributes (base64 strings, int lists as strings) and a weights manifest with its binary shard.

#include "tfjsgraph.h"

#include <QFloat16>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <vector>

namespace shoebox::test {

class TfjsFixture {
public:
    static QJsonObject str(const char* s)
    {
        return { { QStringLiteral("s"), QString::fromLatin1(QByteArray(s).toBase64()) } };
    }
    static QJsonObject ints(std::initializer_list<int> v)
    {
        QJsonArray a;
        for (int i : v)
            a << QString::number(i);
        return { { QStringLiteral("list"), QJsonObject { { QStringLiteral("i"), a } } } };
    }
    static QJsonObject strs(std::initializer_list<const char*> v)
    {
        QJsonArray a;
        for (const char* s : v)
            a << QString::fromLatin1(QByteArray(s).toBase64());
        return { { QStringLiteral("list"), QJsonObject { { QStringLiteral("s"), a } } } };
    }
    static QJsonObject boolean(bool b) { return { { QStringLiteral("b"), b } }; }

    void input(const QString& name, int h, int w, int c)
    {
        QJsonArray dims { QJsonObject { { QStringLiteral("size"), QStringLiteral("1") } },
            QJsonObject { { QStringLiteral("size"), QString::number(h) } },
            QJsonObject { { QStringLiteral("size"), QString::number(w) } },
            QJsonObject { { QStringLiteral("size"), QString::number(c) } } };
        m_inputs.insert(name,
            QJsonObject { { QStringLiteral("name"), name },
                { QStringLiteral("tensorShape"), QJsonObject { { QStringLiteral("dim"), dims } } } });
        node(name, QStringLiteral("Placeholder"), {});
    }
    // A float constant, stored as float32, float16 or uint8 (scale/min) in the shard.
    enum class Storage { F32, F16 };
    void constant(
        const QString& name, std::vector<int> shape, const std::vector<float>& values, Storage s = Storage::F32)
    {
        QJsonObject w { { QStringLiteral("name"), name }, { QStringLiteral("shape"), shapeJson(shape) },
            { QStringLiteral("dtype"), QStringLiteral("float32") } };
        if (s == Storage::F16) {
            w.insert(QStringLiteral("quantization"),
                QJsonObject { { QStringLiteral("dtype"), QStringLiteral("float16") },
                    { QStringLiteral("original_dtype"), QStringLiteral("float32") } });
            for (float v : values) {
                const qfloat16 h(v);
                m_bin.append(reinterpret_cast<const char*>(&h), 2);
            }
        } else {
            m_bin.append(reinterpret_cast<const char*>(values.data()), qsizetype(values.size() * 4));
        }
        m_weights << w;
        node(name, QStringLiteral("Const"), {});
    }
    void constantU8(
        const QString& name, std::vector<int> shape, const std::vector<uint8_t>& q, double scale, double min)
    {
        m_weights << QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("shape"), shapeJson(shape) },
            { QStringLiteral("dtype"), QStringLiteral("float32") },
            { QStringLiteral("quantization"),
                QJsonObject { { QStringLiteral("dtype"), QStringLiteral("uint8") }, { QStringLiteral("scale"), scale },
                    { QStringLiteral("min"), min } } } };
        m_bin.append(reinterpret_cast<const char*>(q.data()), qsizetype(q.size()));
        node(name, QStringLiteral("Const"), {});
    }
    void constantInt(const QString& name, std::vector<int> shape, const std::vector<int32_t>& values)
    {
        m_weights << QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("shape"), shapeJson(shape) },
            { QStringLiteral("dtype"), QStringLiteral("int32") } };
        m_bin.append(reinterpret_cast<const char*>(values.data()), qsizetype(values.size() * 4));
        node(name, QStringLiteral("Const"), {});
    }
    void node(const QString& name, const QString& op, const QStringList& inputs, const QJsonObject& attr = {})
    {
        m_nodes << QJsonObject { { QStringLiteral("name"), name }, { QStringLiteral("op"), op },
            { QStringLiteral("input"), QJsonArray::fromStringList(inputs) }, { QStringLiteral("attr"), attr } };
    }
    // Standard conv attributes (NHWC, no dilation).
    static QJsonObject convAttr(int stride, const char* padding, std::initializer_list<const char*> fused = {})
    {
        QJsonObject a { { QStringLiteral("strides"), ints({ 1, stride, stride, 1 }) },
            { QStringLiteral("padding"), str(padding) }, { QStringLiteral("data_format"), str("NHWC") },
            { QStringLiteral("dilations"), ints({ 1, 1, 1, 1 }) } };
        if (fused.size())
            a.insert(QStringLiteral("fused_ops"), strs(fused));
        return a;
    }

    QByteArray json() const
    {
        const QJsonObject root { { QStringLiteral("format"), QStringLiteral("graph-model") },
            { QStringLiteral("signature"), QJsonObject { { QStringLiteral("inputs"), m_inputs } } },
            { QStringLiteral("modelTopology"), QJsonObject { { QStringLiteral("node"), m_nodes } } },
            { QStringLiteral("weightsManifest"),
                QJsonArray { QJsonObject { { QStringLiteral("paths"), QJsonArray { QStringLiteral("w.bin") } },
                    { QStringLiteral("weights"), m_weights } } } } };
        return QJsonDocument(root).toJson();
    }
    QByteArray shard() const { return m_bin; }
    bool parse(TfjsGraph& g, QString* error, qsizetype truncateShardTo = -1) const
    {
        const QByteArray bin = truncateShardTo >= 0 ? m_bin.left(truncateShardTo) : m_bin;
        return g.parse(
            json(),
            [bin](const QString& p) -> std::optional<QByteArray> {
                if (p == QLatin1String("w.bin"))
                    return bin;
                return std::nullopt;
            },
            error);
    }

private:
    static QJsonArray shapeJson(const std::vector<int>& shape)
    {
        QJsonArray a;
        for (int d : shape)
            a << d;
        return a;
    }
    QJsonArray m_nodes, m_weights;
    QJsonObject m_inputs;
    QByteArray m_bin;
};

} // namespace shoebox::test
