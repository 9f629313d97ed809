#pragma once
// Turns a TF.js graph model into a TorchScript module: it generates TorchScript source for the part of
// the graph that the requested outputs need, registers the weights as buffers (converted to torch's
// layouts) and compiles it with Module::define(). Activations run in NCHW inside the module; the
// graph's NHWC axes are remapped. TF "SAME" padding (odd pixel at the end) and TF's legacy
// ResizeBilinear sampling are reproduced exactly. Any thread; no shared state.

#include <QString>
#include <QStringList>

#include <memory>

namespace torch::jit {
struct Module;
}

namespace shoebox {

class TfjsGraph;

struct ImportOptions {
    QStringList outputs; // graph nodes to return, in order (4-D ones as NCHW)
    QString embeddingNode; // optional: this node, mean-pooled over H and W, is returned last
};

class TfjsImporter {
public:
    // Builds the module; forward(images) takes one NCHW float tensor (the graph's NHWC input,
    // transposed) and returns a tuple of the outputs. On failure returns nullptr with a reason that
    // names the op and node, e.g. "unsupported op 'Softmax' at node 'head/prob'".
    static std::unique_ptr<torch::jit::Module> import(
        const TfjsGraph& graph, const ImportOptions& options, QString* error);
    // The TorchScript source that import() compiles (for diagnostics).
    static QString generateSource(const TfjsGraph& graph, const ImportOptions& options, QString* error);
};

} // namespace shoebox
