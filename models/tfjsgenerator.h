#pragma once
// Generates the TorchScript forward() source for the part of a TF.js graph that the requested outputs
// need, and collects the weights it refers to as buffers in torch's layouts (TfjsImporter compiles the
// result). One generator per import; any thread, no shared state.

#include "tfjsimporter.h"

#include <torch/script.h>

#include <QHash>
#include <QSet>
#include <QString>

#include <string>
#include <utility>
#include <vector>

namespace shoebox {

class TfjsGraph;
struct TfjsNode;
struct TfjsTensor;

class TfjsGenerator {
public:
    TfjsGenerator(const TfjsGraph& g, const ImportOptions& o)
        : m_graph(g)
        , m_opt(o)
    {
    }

    bool run(QString* error);
    QString source() const { return m_src; }
    std::vector<std::pair<std::string, at::Tensor>> buffers;

private:
    struct Value {
        QString expr; // variable name or literal
        int rank = -1; // -1 unknown
        bool image = false; // a 4-D NHWC tensor of the graph, held as NCHW
        int h = 0, w = 0; // nominal spatial size (shape inference at the signature's input size)
    };

    bool visit(const QString& name, QString* error);
    bool emitNode(const TfjsNode& n, QString* error);
    bool conv(const TfjsNode& n, bool depthwise, QString* error);
    bool convCheck(const TfjsNode& n, const TfjsTensor* w, QString* error);
    bool convFusedBias(const TfjsNode& n, QString* bias, QString* activation, QString* error);
    QString convWeights(const TfjsTensor& w, bool depthwise, int64_t* groups);
    bool placeholder(const TfjsNode& n, QString* error);
    bool mean(const TfjsNode& n, QString* error);
    bool concat(const TfjsNode& n, QString* error);
    bool resize(const TfjsNode& n, QString* error);
    bool maxPool(const TfjsNode& n, QString* error);
    bool pad(const TfjsNode& n, QString* error); // in tfjsshapeops.cpp
    bool reshape(const TfjsNode& n, QString* error); // in tfjsshapeops.cpp
    bool binary(const TfjsNode& n, const char* op, QString* error);
    bool fail(const TfjsNode& n, const QString& why, QString* error);
    const TfjsTensor* constant(const QString& input) const;
    Value* value(const QString& input);
    QString addBuffer(at::Tensor t);
    QString newVar() { return QStringLiteral("v%1").arg(m_vars++); }
    void line(const QString& s) { m_body += QStringLiteral("    ") + s + QLatin1Char('\n'); }
    static QString literal(double v);

    const TfjsGraph& m_graph;
    const ImportOptions& m_opt;
    QHash<QString, Value> m_values;
    QSet<QString> m_visiting;
    QString m_body, m_src, m_inputName;
    int m_vars = 0;
};

} // namespace shoebox
