#include "support/exiffixture.h"

#include <QFile>

#include <libexif/exif-data.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>
#include <cstring>

namespace shoebox::test {

namespace {

ExifEntry* addEntry(ExifData* ed, ExifIfd ifd, ExifTag tag, ExifFormat format, unsigned components)
{
    ExifMem* mem = exif_mem_new_default();
    ExifEntry* e = exif_entry_new_mem(mem);
    const unsigned size = exif_format_get_size(format) * components;
    e->data = static_cast<unsigned char*>(exif_mem_alloc(mem, size));
    e->size = size;
    e->tag = tag;
    e->components = components;
    e->format = format;
    exif_content_add_entry(ed->ifd[ifd], e);
    exif_mem_unref(mem);
    exif_entry_unref(e);
    return e;
}

void addAscii(ExifData* ed, ExifIfd ifd, ExifTag tag, const QByteArray& value)
{
    if (value.isEmpty())
        return;
    ExifEntry* e = addEntry(ed, ifd, tag, EXIF_FORMAT_ASCII, unsigned(value.size() + 1));
    std::memcpy(e->data, value.constData(), size_t(value.size()) + 1);
}

void addRationals(ExifData* ed, ExifIfd ifd, ExifTag tag, std::initializer_list<ExifRational> values)
{
    ExifEntry* e = addEntry(ed, ifd, tag, EXIF_FORMAT_RATIONAL, unsigned(values.size()));
    int i = 0;
    for (const ExifRational& r : values)
        exif_set_rational(e->data + 8 * i++, EXIF_BYTE_ORDER_INTEL, r);
}

void addGps(ExifData* ed, double value, ExifTag refTag, ExifTag tag, char pos, char neg)
{
    const double a = std::abs(value);
    const unsigned deg = unsigned(a);
    const unsigned min = unsigned((a - deg) * 60);
    const double sec = ((a - deg) * 60 - min) * 60;
    addAscii(ed, EXIF_IFD_GPS, refTag, QByteArray(1, value < 0 ? neg : pos));
    addRationals(ed, EXIF_IFD_GPS, tag, { { deg, 1 }, { min, 1 }, { unsigned(std::lround(sec * 10000)), 10000 } });
}

} // namespace

QByteArray exifBlock(const ExifFields& f)
{
    ExifData* ed = exif_data_new();
    exif_data_set_byte_order(ed, EXIF_BYTE_ORDER_INTEL);
    addAscii(ed, EXIF_IFD_0, EXIF_TAG_MAKE, f.make);
    addAscii(ed, EXIF_IFD_0, EXIF_TAG_MODEL, f.model);
    if (f.orientation > 0) {
        ExifEntry* e = addEntry(ed, EXIF_IFD_0, EXIF_TAG_ORIENTATION, EXIF_FORMAT_SHORT, 1);
        exif_set_short(e->data, EXIF_BYTE_ORDER_INTEL, ExifShort(f.orientation));
    }
    addAscii(ed, EXIF_IFD_EXIF, EXIF_TAG_DATE_TIME_ORIGINAL, f.dateTimeOriginal);
    addAscii(ed, EXIF_IFD_EXIF, EXIF_TAG_SUB_SEC_TIME_ORIGINAL, f.subSecOriginal);
    addAscii(ed, EXIF_IFD_EXIF, EXIF_TAG_OFFSET_TIME_ORIGINAL, f.offsetOriginal);
    addAscii(ed, EXIF_IFD_EXIF, EXIF_TAG_LENS_MODEL, f.lens);
    if (f.exposure)
        addRationals(ed, EXIF_IFD_EXIF, EXIF_TAG_EXPOSURE_TIME, { { f.exposure->first, f.exposure->second } });
    if (f.fNumber)
        addRationals(ed, EXIF_IFD_EXIF, EXIF_TAG_FNUMBER, { { f.fNumber->first, f.fNumber->second } });
    if (f.iso) {
        ExifEntry* e = addEntry(ed, EXIF_IFD_EXIF, EXIF_TAG_ISO_SPEED_RATINGS, EXIF_FORMAT_SHORT, 1);
        exif_set_short(e->data, EXIF_BYTE_ORDER_INTEL, ExifShort(*f.iso));
    }
    if (f.latitude && f.longitude) {
        addGps(ed, *f.latitude, ExifTag(1), ExifTag(2), 'N', 'S');
        addGps(ed, *f.longitude, ExifTag(3), ExifTag(4), 'E', 'W');
    }
    if (!f.gpsDate.isEmpty())
        addAscii(ed, EXIF_IFD_GPS, ExifTag(0x001d), f.gpsDate);
    if (f.gpsTime)
        addRationals(
            ed, EXIF_IFD_GPS, ExifTag(7), { { (*f.gpsTime)[0], 1 }, { (*f.gpsTime)[1], 1 }, { (*f.gpsTime)[2], 1 } });
    if (f.altitude) {
        ExifEntry* ref = addEntry(ed, EXIF_IFD_GPS, ExifTag(5), EXIF_FORMAT_BYTE, 1);
        ref->data[0] = *f.altitude < 0 ? 1 : 0;
        addRationals(ed, EXIF_IFD_GPS, ExifTag(6), { { unsigned(std::lround(std::abs(*f.altitude) * 10)), 10 } });
    }
    if (!f.makerNote.isEmpty()) {
        ExifEntry* e
            = addEntry(ed, EXIF_IFD_EXIF, EXIF_TAG_MAKER_NOTE, EXIF_FORMAT_UNDEFINED, unsigned(f.makerNote.size()));
        std::memcpy(e->data, f.makerNote.constData(), size_t(f.makerNote.size()));
    }
    unsigned char* buf = nullptr;
    unsigned int len = 0;
    exif_data_save_data(ed, &buf, &len);
    QByteArray out(reinterpret_cast<const char*>(buf), int(len));
    free(buf);
    exif_data_unref(ed);
    return out;
}

QByteArray appleMakerNote(const QByteArray& contentId)
{
    auto be16 = [](QByteArray& b, unsigned v) { b.append(char(v >> 8)).append(char(v & 0xFF)); };
    auto be32 = [&](QByteArray& b, unsigned v) {
        be16(b, v >> 16);
        be16(b, v & 0xFFFF);
    };
    QByteArray note("Apple iOS\0", 10);
    be16(note, 1); // version
    note.append("MM");
    be16(note, 2); // entries
    const QByteArray value = contentId + '\0';
    const unsigned valueAt = 14 + 2 + 2 * 12 + 4;
    be16(note, 0x0001); // a harmless first entry (SLONG 14), as on real files
    be16(note, 9);
    be32(note, 1);
    be32(note, 14);
    be16(note, 0x0011);
    be16(note, 2); // ASCII
    be32(note, unsigned(value.size()));
    be32(note, valueAt);
    be32(note, 0); // no next IFD
    return note + value;
}

QByteArray insertApp1(const QByteArray& jpeg, const QByteArray& payload)
{
    const int len = int(payload.size()) + 2;
    QByteArray seg;
    seg.append(char(0xFF)).append(char(0xE1)).append(char(len >> 8)).append(char(len & 0xFF)).append(payload);
    return jpeg.left(2) + seg + jpeg.mid(2);
}

QByteArray jpegWithExif(const cv::Mat& image, const ExifFields& f, int quality)
{
    std::vector<unsigned char> buf;
    cv::imencode(".jpg", image, buf, { cv::IMWRITE_JPEG_QUALITY, quality });
    const QByteArray jpeg(reinterpret_cast<const char*>(buf.data()), int(buf.size()));
    return insertApp1(jpeg, exifBlock(f));
}

cv::Mat markedImage(int width, int height)
{
    cv::Mat m(height, width, CV_8UC3, cv::Scalar(128, 128, 128));
    cv::rectangle(m, cv::Rect(0, 0, width / 4, height / 4), cv::Scalar(0, 0, 255), cv::FILLED);
    return m;
}

bool writeFile(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace shoebox::test
