// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the image probe (format, stored size, JPEG quality and camera from the first
// bytes of any file) and the container probe it calls for videos.
#include "fuzzsupport.h"
#include "image/containerprobe.h"
#include "image/imageprobe.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const shoebox::ImageProbe probe = shoebox::probeImage(data, size, QByteArrayLiteral("input"));
    // Sizes are what the decoders trust before allocating: never negative.
    if (probe.width < 0 || probe.height < 0)
        __builtin_trap();
    (void)shoebox::formatName(probe);
    (void)shoebox::videoContainer(data, size);
    return 0;
}
