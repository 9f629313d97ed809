#pragma once
// Video containers recognised from their first bytes: MP4/MOV/M4V/3GP (ISO BMFF brands, old
// QuickTime atoms), Matroska/WebM (EBML DocType) and AVI (RIFF). HEIF/AVIF/CR3 brands are not video:
// the image probe asks this only after claiming those. Pure function, any thread.

#include "image/imageprobe.h"

#include <cstddef>

namespace shoebox {

// The video container the bytes start with, or ImageFormat::Unknown.
ImageFormat videoContainer(const unsigned char* data, size_t size);

} // namespace shoebox
