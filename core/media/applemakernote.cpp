#include "media/applemakernote.h"

#include <cstdint>
#include <cstring>

namespace shoebox {

namespace {

constexpr size_t kHeader = 14; // "Apple iOS\0", version (2 bytes), byte order ("MM" or "II")
constexpr uint16_t kContentIdentifier = 0x0011;
constexpr uint16_t kAscii = 2;

struct Reader {
    const unsigned char* d;
    size_t n;
    bool bigEndian;

    uint16_t u16(size_t at) const
    {
        return bigEndian ? uint16_t(d[at] << 8 | d[at + 1]) : uint16_t(d[at] | d[at + 1] << 8);
    }
    uint32_t u32(size_t at) const
    {
        return bigEndian ? uint32_t(u16(at)) << 16 | u16(at + 2) : uint32_t(u16(at + 2)) << 16 | u16(at);
    }
};

} // namespace

QString AppleMakerNote::contentIdentifier(const unsigned char* note, size_t size)
{
    if (!note || size < kHeader + 2 || std::memcmp(note, "Apple iOS", 9) != 0)
        return QString();
    // Apple writes "MM"; accept "II" too rather than guess.
    if (std::memcmp(note + 12, "MM", 2) != 0 && std::memcmp(note + 12, "II", 2) != 0)
        return QString();
    const Reader r { note, size, note[12] == 'M' };
    const size_t count = r.u16(kHeader);
    for (size_t i = 0; i < count; ++i) {
        const size_t entry = kHeader + 2 + 12 * i;
        if (entry + 12 > size)
            break;
        if (r.u16(entry) != kContentIdentifier || r.u16(entry + 2) != kAscii)
            continue;
        const size_t length = r.u32(entry + 4);
        const size_t at = length <= 4 ? entry + 8 : r.u32(entry + 8);
        if (length == 0 || at > size || length > size - at)
            return QString();
        const char* text = reinterpret_cast<const char*>(note + at);
        const QString id = QString::fromLatin1(text, int(strnlen(text, length))).trimmed();
        // A UUID is 36 characters; anything that is not printable ASCII is not an identifier.
        for (QChar c : id)
            if (c.unicode() < 0x20 || c.unicode() > 0x7E)
                return QString();
        return id;
    }
    return QString();
}

} // namespace shoebox
