// SPDX-License-Identifier: GPL-3.0-or-later
// libFuzzer harness: the EXIF reader on each container it finds EXIF in (JPEG APP1, PNG eXIf, WebP,
// TIFF, HEIF's Exif block); the first byte picks the container, the rest is the file. The bare
// block reader (Apple maker note included) runs on the same bytes.
#include "catalog/photo.h"
#include "fuzzsupport.h"
#include "image/exifreader.h"
#include "image/imageprobe.h"

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    shoebox::fuzz::quietQt();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    using shoebox::ImageFormat;
    if (size < 1)
        return 0;
    static const ImageFormat formats[]
        = { ImageFormat::Jpeg, ImageFormat::Png, ImageFormat::WebP, ImageFormat::Tiff, ImageFormat::Heif };
    const ImageFormat format = formats[data[0] % 5];
    shoebox::PhotoMetadata meta;
    shoebox::ExifReader::read(data + 1, size - 1, format, meta);
    shoebox::PhotoMetadata block;
    shoebox::ExifReader::readBlock(data + 1, size - 1, block);
    return 0;
}
