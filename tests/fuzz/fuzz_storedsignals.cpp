// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the readers of signals the catalog stores as blobs: the hash kinds the
// duplicate engine loads (phash, variants, grey thumbnail, region, sharpness, noise, quality), fp16
// embeddings with the dimension their row claims, face descriptors and face keypoints.
#include "duplicates/duplicatesignals.h"
#include "fuzzsupport.h"
#include "people/facestore.h"
#include "tags/tagstore.h"

#include <QMap>

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    static const char* const kinds[]
        = { "phash", "phash-variants", "gray", "sharpness", "jpeg-quality", "region", "noise", "keypoints" };
    shoebox::fuzz::Input in(data, size);
    const int dim = int(in.u32()); // the embeddings row's dim column, as stored
    QMap<QString, QByteArray> hashes;
    for (const char* kind : kinds)
        hashes.insert(QString::fromLatin1(kind), in.piece());
    shoebox::PhotoSignals p;
    shoebox::DuplicateSignals::applyHashes(p, hashes);
    const QByteArray blob = in.rest();
    const std::vector<float> v = shoebox::DuplicateSignals::decodeHalfVector(blob, dim);
    if (!v.empty() && qsizetype(v.size()) * 2 != blob.size())
        __builtin_trap();
    (void)shoebox::TagStore::unpackEmbedding(blob);
    (void)shoebox::FaceStore::unpackKeypoints(blob);
    return 0;
}
