// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the trailers after a JPEG's end (Google motion photo XMP offsets, Samsung
// MotionPhoto_Data, a bare ftyp search) and the Apple maker note's content identifier.
#include "fuzzsupport.h"
#include "media/applemakernote.h"
#include "media/motionphoto.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const shoebox::MotionPhotoInfo info = shoebox::MotionPhoto::detect(data, size);
    // A clip offset always points inside the file at an MP4 header.
    if (info.offset && (*info.offset < 0 || size_t(*info.offset) >= size))
        __builtin_trap();
    if (shoebox::MotionPhoto::jpegEnd(data, size) > size)
        __builtin_trap();
    (void)shoebox::AppleMakerNote::contentIdentifier(data, size);
    return 0;
}
