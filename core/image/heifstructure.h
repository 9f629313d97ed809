#pragma once
// Reads the item graph of a HEIF/AVIF file (derived-image references and image sizes) from
// its meta box without decoding anything, so that a file libheif 1.15 would spend minutes or
// gigabytes on (a grid that names itself as its tile, thousands of tiles in a kilobyte, a grid
// descriptor claiming a canvas far larger than the file could fill) is refused
// before heif_decode_image. Pure functions, any thread.

#include <QString>

#include <cstddef>

namespace shoebox {

class HeifStructure {
public:
    // A one-line reason when a derived image (grid, overlay, identity) refers to itself through its
    // tiles, nests deeper than libheif needs, or names more tiles or tile pixels than the limits
    // allow (tunables.h, and the pixels-per-byte rule against the file's size); empty when the graph
    // is fine or the meta box cannot be read at all (libheif then reports the file as corrupt).
    static QString problem(const unsigned char* data, size_t size);
};

} // namespace shoebox
