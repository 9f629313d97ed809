#include "image/heifstructure.h"

#include "tunables.h"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

namespace shoebox {

namespace {

constexpr uint32_t fourcc(const char (&s)[5])
{
    return uint32_t(uint8_t(s[0])) << 24 | uint32_t(uint8_t(s[1])) << 16 | uint32_t(uint8_t(s[2])) << 8
        | uint32_t(uint8_t(s[3]));
}

// Bounds-checked big-endian reads over [data, data + size): a read past the end yields 0 and
// marks the reader as failed, so a truncated box never reads outside the file.
struct Bytes {
    const unsigned char* data;
    size_t size;
    bool ok = true;
    uint64_t read(size_t at, int width)
    {
        if (at > size || size - at < size_t(width)) {
            ok = false;
            return 0;
        }
        uint64_t v = 0;
        for (int i = 0; i < width; ++i)
            v = v << 8 | data[at + size_t(i)];
        return v;
    }
};

struct Box {
    uint32_t type = 0;
    size_t body = 0; // first byte after the header
    size_t end = 0;
};

// The box starting at `at`, when it fits inside `end`.
bool boxAt(Bytes& b, size_t at, size_t end, Box& box)
{
    if (at >= end || end - at < 8)
        return false;
    uint64_t size = b.read(at, 4);
    box.type = uint32_t(b.read(at + 4, 4));
    size_t header = 8;
    if (size == 1) {
        size = b.read(at + 8, 8);
        header = 16;
    } else if (size == 0) {
        size = end - at;
    }
    if (!b.ok || size < header || size > end - at)
        return false;
    box.body = at + header;
    box.end = at + size_t(size);
    return true;
}

std::vector<Box> children(Bytes& b, size_t from, size_t end)
{
    std::vector<Box> out;
    Box box;
    for (size_t at = from; boxAt(b, at, end, box); at = box.end)
        out.push_back(box);
    return out;
}

// width x height, at most kMaxImagePixels + 1; the sizes are 32-bit fields, so their product can overflow.
int64_t cappedArea(int64_t width, int64_t height)
{
    constexpr int64_t cap = tunables::kMaxImagePixels + 1;
    if (width <= 0 || height <= 0)
        return 0;
    return width > cap / height ? cap : std::min(width * height, cap);
}

struct Item {
    int64_t width = 0;
    int64_t height = 0;
    std::vector<uint32_t> inputs; // dimg references, in tile order
    uint32_t type = 0; // from iinf
    int method = -1; // iloc construction method of the first extent: 0 file, 1 idat; -1 unknown
    uint64_t offset = 0; // of the first extent's data
};
using Items = std::map<uint32_t, Item>;

// Each item's type, from the iinf box's infe entries (versions 2 and 3 carry it).
void readTypes(Bytes& b, const Box& iinf, Items& items)
{
    const size_t first = iinf.body + 4 + (b.read(iinf.body, 1) == 0 ? 2 : 4);
    for (const Box& infe : children(b, first, iinf.end)) {
        const uint64_t version = b.read(infe.body, 1);
        if (infe.type != fourcc("infe") || version < 2)
            continue;
        const int idWidth = version == 2 ? 2 : 4;
        const auto id = uint32_t(b.read(infe.body + 4, idWidth));
        items[id].type = uint32_t(b.read(infe.body + 4 + size_t(idWidth) + 2, 4));
    }
}

// Where each item's data starts (its first extent), from the iloc box.
void readLocations(Bytes& b, const Box& iloc, Items& items)
{
    const uint64_t version = b.read(iloc.body, 1), sizes = b.read(iloc.body + 4, 2);
    const size_t offsetSize = sizes >> 12 & 15, lengthSize = sizes >> 8 & 15, baseSize = sizes >> 4 & 15;
    const size_t indexSize = version >= 1 ? sizes & 15 : 0, idWidth = version < 2 ? 2 : 4;
    const uint64_t count = b.read(iloc.body + 6, int(idWidth));
    size_t at = iloc.body + 6 + idWidth;
    for (uint64_t i = 0; i < count && b.ok && at < iloc.end; ++i) {
        const auto id = uint32_t(b.read(at, int(idWidth)));
        const int method = version >= 1 ? int(b.read(at + idWidth, 2) & 15) : 0;
        at += idWidth + (version >= 1 ? 2 : 0) + 2; // then the data reference index
        const uint64_t base = b.read(at, int(baseSize));
        const uint64_t extents = b.read(at + baseSize, 2);
        at += baseSize + 2;
        for (uint64_t e = 0; e < extents && b.ok && at < iloc.end; ++e, at += indexSize + offsetSize + lengthSize)
            if (e == 0) {
                items[id].method = method;
                items[id].offset = base + b.read(at + indexSize, int(offsetSize));
            }
    }
}

// Whether libheif composes the item on a canvas its descriptor sizes: a grid of tiles or an overlay.
bool hasCanvas(const Item& item)
{
    return item.type == fourcc("grid") || item.type == fourcc("iovl");
}

// The canvas a grid or overlay item's descriptor declares (libheif allocates it whatever its inputs
// hold, and an overlay even with none): width x height at most kMaxImagePixels + 1; 0 when unknown.
int64_t declaredCanvas(Bytes b, const Item& item, size_t idatBody)
{
    b.ok = true;
    if (!hasCanvas(item) || (item.method != 0 && item.method != 1))
        return 0;
    const size_t at = size_t(item.offset) + (item.method == 1 ? idatBody : 0);
    const int field = (b.read(at + 1, 1) & 1) ? 4 : 2;
    // grid: version, flags, rows - 1, columns - 1; iovl: version, flags, four 16-bit fill values.
    const size_t sizes = at + (item.type == fourcc("grid") ? 4 : 10);
    const auto width = int64_t(b.read(sizes, field)), height = int64_t(b.read(sizes + size_t(field), field));
    return b.ok ? cappedArea(width, height) : 0;
}

void readReferences(Bytes& b, const Box& iref, Items& items)
{
    const int idWidth = b.read(iref.body, 1) == 0 ? 2 : 4;
    for (const Box& ref : children(b, iref.body + 4, iref.end)) {
        if (ref.type != fourcc("dimg"))
            continue;
        const auto from = uint32_t(b.read(ref.body, idWidth));
        const auto count = size_t(b.read(ref.body + size_t(idWidth), 2));
        size_t at = ref.body + size_t(idWidth) + 2;
        for (size_t i = 0; i < count && at + size_t(idWidth) <= ref.end; ++i, at += size_t(idWidth))
            items[from].inputs.push_back(uint32_t(b.read(at, idWidth)));
    }
}

// Each item's ispe size, through the ipma associations into the ipco property list.
void readSizes(Bytes& b, const Box& iprp, Items& items)
{
    std::vector<Box> properties;
    for (const Box& box : children(b, iprp.body, iprp.end)) {
        if (box.type == fourcc("ipco"))
            properties = children(b, box.body, box.end);
    }
    for (const Box& ipma : children(b, iprp.body, iprp.end)) {
        if (ipma.type != fourcc("ipma"))
            continue;
        const uint64_t version = b.read(ipma.body, 1);
        const bool wideIndex = (b.read(ipma.body + 1, 3) & 1) != 0;
        const uint64_t entries = b.read(ipma.body + 4, 4);
        size_t at = ipma.body + 8;
        for (uint64_t e = 0; e < entries && b.ok && at < ipma.end; ++e) {
            const int idWidth = version < 1 ? 2 : 4;
            const auto id = uint32_t(b.read(at, idWidth));
            const auto count = size_t(b.read(at + size_t(idWidth), 1));
            at += size_t(idWidth) + 1;
            for (size_t a = 0; a < count && b.ok; ++a, at += wideIndex ? 2 : 1) {
                const size_t index = size_t(b.read(at, wideIndex ? 2 : 1)) & (wideIndex ? 0x7fff : 0x7f);
                if (index == 0 || index > properties.size() || properties[index - 1].type != fourcc("ispe"))
                    continue;
                items[id].width = int64_t(b.read(properties[index - 1].body + 4, 4));
                items[id].height = int64_t(b.read(properties[index - 1].body + 8, 4));
            }
        }
    }
}

// What decoding one item takes: its coded tiles (each reference counted, nested ones expanded) and
// their pixels, both saturating just above the limits so that a huge fan-out stays cheap to count.
struct Cost {
    int64_t tiles = 0;
    int64_t pixels = 0;
    QString problem;
};

class CostCounter {
public:
    explicit CostCounter(const Items& items)
        : m_items(items)
    {
    }

    Cost of(uint32_t id, int depth)
    {
        Cost cost;
        const auto found = m_items.find(id);
        if (found == m_items.end() || found->second.inputs.empty()) {
            cost.tiles = 1;
            if (found != m_items.end())
                cost.pixels = cappedArea(found->second.width, found->second.height);
            return cost;
        }
        if (const auto memo = m_done.find(id); memo != m_done.end())
            return memo->second;
        if (std::find(m_path.begin(), m_path.end(), id) != m_path.end()) {
            cost.problem = QStringLiteral("derived image %1 refers to itself through its tiles").arg(id);
            return cost;
        }
        if (depth >= kMaxDepth) {
            cost.problem = QStringLiteral("derived images nested more than %1 deep").arg(kMaxDepth);
            return cost;
        }
        m_path.push_back(id);
        for (uint32_t input : found->second.inputs) {
            const Cost in = of(input, depth + 1);
            if (!in.problem.isEmpty()) {
                m_path.pop_back();
                return in;
            }
            cost.tiles = std::min(cost.tiles + in.tiles, kTileCap);
            cost.pixels = std::min(cost.pixels + in.pixels, kPixelCap);
        }
        m_path.pop_back();
        m_done[id] = cost;
        return cost;
    }

private:
    // A grid of identity-transformed tiles is as deep as libheif 1.15 goes in practice.
    static constexpr int kMaxDepth = 4;
    static constexpr int64_t kTileCap = int64_t(tunables::kMaxHeifTiles) + 1;
    static constexpr int64_t kPixelCap = tunables::kMaxImagePixels + 1;

    const Items& m_items;
    std::vector<uint32_t> m_path;
    std::map<uint32_t, Cost> m_done;
};

QString costProblem(uint32_t id, const Cost& cost, int64_t canvas, size_t fileBytes)
{
    if (!cost.problem.isEmpty())
        return cost.problem;
    if (canvas > tunables::kMaxImagePixels)
        return QStringLiteral("derived image %1 claims a canvas of more than %2 megapixels")
            .arg(id)
            .arg(tunables::kMaxImagePixels / 1'000'000);
    if (canvas > tunables::kBombCheckPixels && canvas / tunables::kMaxPixelsPerByte > int64_t(fileBytes))
        return QStringLiteral("derived image %1 claims a canvas of %2 pixels in a %3-byte file (a decompression bomb?)")
            .arg(id)
            .arg(canvas)
            .arg(qulonglong(fileBytes));
    if (cost.tiles > tunables::kMaxHeifTiles)
        return QStringLiteral("derived image %1 names more than %2 tiles").arg(id).arg(tunables::kMaxHeifTiles);
    if (cost.pixels > tunables::kMaxImagePixels)
        return QStringLiteral("derived image %1 has tiles of more than %2 megapixels in all")
            .arg(id)
            .arg(tunables::kMaxImagePixels / 1'000'000);
    if (cost.pixels > tunables::kBombCheckPixels && cost.pixels / tunables::kMaxPixelsPerByte > int64_t(fileBytes))
        return QStringLiteral("derived image %1 has tiles of %2 pixels in all in a %3-byte file (a decompression "
                              "bomb?)")
            .arg(id)
            .arg(cost.pixels)
            .arg(qulonglong(fileBytes));
    return {};
}

} // namespace

QString HeifStructure::problem(const unsigned char* data, size_t size)
{
    Bytes b { data, size };
    Items items;
    size_t idat = 0;
    for (const Box& top : children(b, 0, size)) {
        if (top.type != fourcc("meta"))
            continue;
        for (const Box& box : children(b, top.body + 4, top.end)) {
            if (box.type == fourcc("iref"))
                readReferences(b, box, items);
            else if (box.type == fourcc("iprp"))
                readSizes(b, box, items);
            else if (box.type == fourcc("iinf"))
                readTypes(b, box, items);
            else if (box.type == fourcc("iloc"))
                readLocations(b, box, items);
            else if (box.type == fourcc("idat"))
                idat = box.body;
        }
        break; // libheif reads the first meta box only
    }
    CostCounter counter(items);
    for (const auto& [id, item] : items) {
        if (item.inputs.empty() && !hasCanvas(item))
            continue;
        if (QString p = costProblem(id, counter.of(id, 0), declaredCanvas(b, item, idat), size); !p.isEmpty())
            return QStringLiteral("HEIF refused before decoding: ") + p;
    }
    return {};
}

} // namespace shoebox
