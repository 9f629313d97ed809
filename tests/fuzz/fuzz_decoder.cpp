// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: one decoder path, the way a scan takes it (probe, then EXIF and decode at the
// thumbnail's size, or the video's representative frame). Built once per format with
// SHOEBOX_FUZZ_FORMAT set (fuzz_decode_jpeg, fuzz_decode_png, ...); inputs the probe does not take
// for that format are rejected, so each harness stays on its own decoder.
#include "catalog/photo.h"
#include "fuzzsupport.h"
#include "image/imagedecoder.h"
#include "image/imageprobe.h"
#include "media/videostill.h"
#include "tunables.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using shoebox::ImageFormat;
    const shoebox::ImageProbe probe = shoebox::probeImage(data, size);
    const bool video = shoebox::isVideoFormat(probe.format);
    if (SHOEBOX_FUZZ_VIDEO ? !video : probe.format != ImageFormat::SHOEBOX_FUZZ_FORMAT)
        return -1;
    shoebox::PhotoMetadata meta;
    const shoebox::DecodedImage image = video
        ? shoebox::VideoStill::read(data, size, shoebox::tunables::kMinDecodeLongSide, meta)
        : shoebox::ImageDecoder::decodeWithMetadata(data, size, probe, shoebox::tunables::kMinDecodeLongSide, meta);
    // A decoded picture is never larger than the limit the probe enforces before allocating.
    if (int64_t(image.upright.cols) * image.upright.rows > shoebox::tunables::kMaxImagePixels)
        __builtin_trap();
    return 0;
}
