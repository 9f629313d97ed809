// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the keypoint blob stored in the hashes table (kind "keypoints"): decoded, and
// when it holds points, matched against itself and against a second blob from the same input.
#include "duplicates/keypointmatcher.h"
#include "fuzzsupport.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    shoebox::fuzz::Input in(data, size);
    const shoebox::KeypointSet a = shoebox::KeypointMatcher::decode(in.piece());
    const shoebox::KeypointSet b = shoebox::KeypointMatcher::decode(in.rest());
    for (const shoebox::KeypointSet* s : { &a, &b }) {
        if (!s->isEmpty() && s->descriptors.rows != int(s->points.size()))
            __builtin_trap(); // one descriptor per point, or nothing
    }
    if (!a.isEmpty() && !b.isEmpty()) {
        (void)shoebox::KeypointMatcher::match(a, b).describe();
        (void)shoebox::KeypointMatcher::match(a, a);
    }
    return 0;
}
