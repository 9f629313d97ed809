#pragma once
// Reads a TensorFlow.js "graph-model" (model.json: a GraphDef as JSON plus a weights manifest, and the
// binary weight shards next to it) into plain values. Dequantizes float16 and uint8 weights to float32.
// Torch-free so it can be tested and reused on its own. Any thread; no shared state.

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace shoebox {

// A constant tensor from the weights manifest, in TF's layout (row-major, TF's dimension order).
struct TfjsTensor {
    enum class Type { Float, Int };
    Type type = Type::Float;
    std::vector<int64_t> shape; // empty for a scalar
    std::vector<float> floats; // Type::Float
    std::vector<int32_t> ints; // Type::Int
    int64_t elementCount() const;
};

struct TfjsNode {
    QString name;
    QString op;
    QStringList inputs; // "node", "node:1" (second output) or "^node" (control dependency)
    QJsonObject attr;

    // Attribute helpers; TF.js stores strings base64-encoded.
    QString stringAttr(const QString& key, const QString& def = QString()) const;
    QStringList stringListAttr(const QString& key) const;
    std::vector<int64_t> intListAttr(const QString& key) const;
    std::optional<int64_t> intAttr(const QString& key) const;
    bool boolAttr(const QString& key, bool def = false) const;
};

class TfjsGraph {
public:
    // Loads model.json and its shards. On failure returns false with a one-line reason naming the file.
    bool load(const QString& modelJsonPath, QString* error);
    // Loads a bare weights manifest (a JSON array of {paths, weights}, as face-api ships its models:
    // no graph, the architecture is defined in code) and its shards; only weight() is meaningful after it.
    bool loadWeights(const QString& manifestPath, QString* error);
    // Parses from memory; shards are looked up with shardReader(path) (used by tests).
    bool parse(const QByteArray& modelJson, const std::function<std::optional<QByteArray>(const QString&)>& shardReader,
        QString* error);

    const std::vector<TfjsNode>& nodes() const { return m_nodes; }
    const TfjsNode* node(const QString& name) const;
    const TfjsTensor* weight(const QString& name) const;
    QStringList signatureInputs() const { return m_inputs; }
    QStringList signatureOutputs() const { return m_outputs; }
    // Input shape from the signature (or the placeholder), -1 for unknown dimensions.
    std::vector<int64_t> inputShape(const QString& name) const;
    QJsonObject metadata() const { return m_metadata; }

    // "node:1" -> "node"; "^node" -> "node".
    static QString nodeName(const QString& input);

private:
    bool readWeights(const QJsonArray& manifest,
        const std::function<std::optional<QByteArray>(const QString&)>& shardReader, QString* error);

    std::vector<TfjsNode> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, TfjsTensor> m_weights;
    QHash<QString, std::vector<int64_t>> m_inputShapes;
    QStringList m_inputs, m_outputs;
    QJsonObject m_metadata;
};

} // namespace shoebox
