#include "media/motionphoto.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

#include <cstdint>
#include <cstring>

namespace shoebox {

namespace {

constexpr QByteArrayView kXmpNamespace("http://ns.adobe.com/xap/1.0/\0", 29);
constexpr QByteArrayView kSamsungMarker("MotionPhoto_Data");

uint32_t be32(const unsigned char* p)
{
    return uint32_t(p[0]) << 24 | uint32_t(p[1]) << 16 | uint32_t(p[2]) << 8 | p[3];
}

// The standard XMP packets of a JPEG's APP1 segments (extended XMP holds no motion markers).
QByteArray jpegXmp(const unsigned char* d, size_t n)
{
    QByteArray xmp;
    size_t i = 2;
    while (i + 4 <= n && d[i] == 0xFF) {
        const unsigned marker = d[i + 1];
        if (marker == 0xDA || marker == 0xD9)
            break; // image data: no metadata segments after this
        const size_t len = size_t(d[i + 2]) << 8 | d[i + 3];
        if (len < 2 || i + 2 + len > n)
            break;
        const QByteArrayView body(d + i + 4, qsizetype(len - 2));
        if (marker == 0xE1 && body.startsWith(kXmpNamespace))
            xmp += body.sliced(kXmpNamespace.size()).toByteArray();
        i += 2 + len;
    }
    return xmp;
}

// The value of an XMP property written as an attribute (Name="v") or an element (<Name>v</Name>).
QByteArray property(QByteArrayView xmp, QByteArrayView name)
{
    for (qsizetype at = xmp.indexOf(name); at >= 0; at = xmp.indexOf(name, at + 1)) {
        qsizetype p = at + name.size();
        while (p < xmp.size() && (xmp[p] == ' ' || xmp[p] == '\n' || xmp[p] == '\r' || xmp[p] == '\t'))
            ++p;
        if (p + 1 < xmp.size() && xmp[p] == '=' && (xmp[p + 1] == '"' || xmp[p + 1] == '\'')) {
            const qsizetype end = xmp.indexOf(xmp[p + 1], p + 2);
            if (end > p + 1)
                return xmp.sliced(p + 2, end - p - 2).toByteArray().trimmed();
        } else if (at > 0 && xmp[at - 1] == '<' && p < xmp.size() && xmp[p] == '>') {
            const qsizetype end = xmp.indexOf('<', p + 1);
            if (end > p)
                return xmp.sliced(p + 1, end - p - 1).toByteArray().trimmed();
        }
    }
    return {};
}

// Bytes from the MotionPhoto item of a Container:Directory to the end of the file, or -1.
qint64 containerTail(QByteArrayView xmp)
{
    const QList<QByteArray> items = xmp.toByteArray().split('<');
    QList<QByteArray> semantics;
    QList<qint64> lengths, paddings;
    for (const QByteArray& element : items) {
        if (!element.startsWith("Container:Item") || element.startsWith("Container:Item>"))
            continue; // only the elements carrying Item:* attributes
        semantics << property(element, "Item:Semantic");
        bool ok = false;
        const qint64 length = property(element, "Item:Length").toLongLong(&ok);
        lengths << (ok ? length : -1);
        paddings << property(element, "Item:Padding").toLongLong();
    }
    const qsizetype motion = semantics.indexOf(QByteArray("MotionPhoto"));
    if (motion < 0)
        return -1;
    qint64 tail = 0;
    for (qsizetype k = motion; k < lengths.size(); ++k) {
        if (lengths[k] <= 0)
            return -1;
        tail += lengths[k] + paddings[k];
    }
    return tail;
}

MotionPhotoInfo declared(const unsigned char* d, size_t n, qint64 fromEnd, const char* source)
{
    MotionPhotoInfo info;
    info.source = QString::fromLatin1(source);
    const qint64 offset = qint64(n) - fromEnd;
    if (fromEnd <= 8 || offset < 2)
        info.problem = QStringLiteral("motion photo offset %1 points outside the file (%2 bytes); shown as a photo")
                           .arg(fromEnd)
                           .arg(n);
    else if (!MotionPhoto::isMp4At(d, n, offset))
        info.problem = QStringLiteral("motion photo declares a clip at byte %1 but no MP4 is there; shown as a photo")
                           .arg(offset);
    else
        info.offset = offset;
    return info;
}

} // namespace

bool MotionPhoto::isMp4At(const unsigned char* d, size_t n, qint64 offset)
{
    if (offset < 0 || size_t(offset) + 16 > n || std::memcmp(d + offset + 4, "ftyp", 4) != 0)
        return false;
    const uint32_t box = be32(d + offset);
    return box >= 16 && box <= 4096 && size_t(offset) + box <= n;
}

size_t MotionPhoto::jpegEnd(const unsigned char* d, size_t n)
{
    size_t i = 2;
    while (i + 4 <= n && d[i] == 0xFF) {
        const unsigned marker = d[i + 1];
        if (marker == 0xD9)
            return i + 2;
        const size_t len = size_t(d[i + 2]) << 8 | d[i + 3];
        if (len < 2 || i + 2 + len > n)
            return 0;
        i += 2 + len;
        if (marker != 0xDA)
            continue;
        // Entropy-coded data: FF00 is a stuffed byte and FFD0..FFD7 restart markers; any other
        // FFxx is the next marker (another scan of a progressive JPEG, or the EOI).
        while (i + 1 < n) {
            const void* ff = std::memchr(d + i, 0xFF, n - i - 1);
            if (!ff)
                return 0;
            i = size_t(static_cast<const unsigned char*>(ff) - d);
            const unsigned next = d[i + 1];
            if (next != 0x00 && next != 0xFF && (next < 0xD0 || next > 0xD7))
                break;
            i += next == 0xFF ? 1 : 2;
        }
    }
    return 0;
}

MotionPhotoInfo MotionPhoto::detect(const unsigned char* d, size_t n)
{
    if (!d || n < 4 || d[0] != 0xFF || d[1] != 0xD8)
        return {};
    const QByteArray xmp = jpegXmp(d, n);
    bool ok = false;
    if (const qint64 fromEnd = property(xmp, "GCamera:MicroVideoOffset").toLongLong(&ok); ok)
        return declared(d, n, fromEnd, "microvideo");
    if (const qint64 tail = containerTail(xmp); tail > 0)
        return declared(d, n, tail, "container");
    // Without markers: a plain JPEG ends with its EOI, and only then is the whole stream walked.
    if (n >= 2 && d[n - 2] == 0xFF && d[n - 1] == 0xD9)
        return {};
    const size_t end = jpegEnd(d, n);
    if (end == 0 || end + 16 > n)
        return {};
    const QByteArrayView rest(d + end, qsizetype(n - end));
    MotionPhotoInfo info;
    if (const qsizetype at = rest.indexOf(kSamsungMarker); at >= 0) {
        const qint64 offset = qint64(end) + at + kSamsungMarker.size();
        if (isMp4At(d, n, offset))
            info.offset = offset;
        else
            info.problem = QStringLiteral("Samsung motion photo marker without an MP4 after it; shown as a photo");
        info.source = QStringLiteral("samsung");
        return info;
    }
    for (qsizetype at = rest.indexOf("ftyp", 4); at >= 0; at = rest.indexOf("ftyp", at + 1)) {
        if (isMp4At(d, n, qint64(end) + at - 4)) {
            info.offset = qint64(end) + at - 4;
            info.source = QStringLiteral("ftyp-search");
            return info;
        }
    }
    return {};
}

} // namespace shoebox
