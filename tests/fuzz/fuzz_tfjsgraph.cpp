// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the TF.js graph-model reader (model.json with its graph, signature and weight
// manifest, then the weight shards the manifest names). The input is a length-prefixed model.json
// followed by the bytes every shard path reads as; "missing" shards come from an odd first byte.
#include "fuzzsupport.h"
#include "tfjsgraph.h"

#include <optional>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    shoebox::fuzz::Input in(data, size);
    const bool shardsMissing = in.byte() & 1;
    const QByteArray json = in.piece();
    const QByteArray shard = in.rest();
    shoebox::TfjsGraph graph;
    QString error;
    const bool ok = graph.parse(
        json,
        [&](const QString&) -> std::optional<QByteArray> {
            if (shardsMissing)
                return std::nullopt;
            return shard;
        },
        &error);
    if (!ok && error.isEmpty())
        __builtin_trap(); // a refusal always says why
    if (ok) {
        for (const shoebox::TfjsNode& n : graph.nodes()) {
            (void)n.intListAttr(QStringLiteral("strides"));
            (void)n.intAttr(QStringLiteral("T"));
            (void)graph.weight(n.name);
        }
        for (const QString& input : graph.signatureInputs())
            (void)graph.inputShape(input);
    }
    return 0;
}
