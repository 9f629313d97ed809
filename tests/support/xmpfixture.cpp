#include "support/xmpfixture.h"

#include <QtEndian>

#include <zlib.h>

namespace shoebox::test {

namespace {

const QByteArray kNamespaces = "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
                               " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                               " xmlns:lr=\"http://ns.adobe.com/lightroom/1.0/\"\n"
                               " xmlns:digiKam=\"http://www.digikam.org/ns/1.0/\"\n"
                               " xmlns:darktable=\"http://darktable.sf.net/\"\n"
                               " xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"\n"
                               " xmlns:crs=\"http://ns.adobe.com/camera-raw-settings/1.0/\"\n"
                               " xmlns:MicrosoftPhoto=\"http://ns.microsoft.com/photo/1.0/\"\n"
                               " xmlns:mwg-rs=\"http://www.metadataworkinggroup.com/schemas/regions/\"\n"
                               " xmlns:stDim=\"http://ns.adobe.com/xap/1.0/sType/Dimensions#\"\n"
                               " xmlns:stArea=\"http://ns.adobe.com/xmp/sType/Area#\"";

QByteArray bag(const char* property, const QStringList& items, const char* kind = "Bag")
{
    QByteArray out = QByteArray("<") + property + "><rdf:" + kind + ">";
    for (const QString& i : items)
        out += "<rdf:li>" + i.toUtf8() + "</rdf:li>";
    return out + "</rdf:" + kind + "></" + property + ">\n";
}

const QByteArray kAliceRegion = "<mwg-rs:Regions rdf:parseType=\"Resource\">"
                                "<mwg-rs:AppliedToDimensions stDim:w=\"400\" stDim:h=\"300\" stDim:unit=\"pixel\"/>"
                                "<mwg-rs:RegionList><rdf:Bag><rdf:li><rdf:Description mwg-rs:Name=\"Alice\""
                                " mwg-rs:Type=\"Face\"><mwg-rs:Area stArea:x=\"0.5\" stArea:y=\"0.4\" stArea:w=\"0.2\""
                                " stArea:h=\"0.3\" stArea:unit=\"normalized\"/></rdf:Description></rdf:li>"
                                "</rdf:Bag></mwg-rs:RegionList></mwg-rs:Regions>\n";

QByteArray segment(char marker, const QByteArray& payload)
{
    QByteArray out("\xff", 1);
    out += marker;
    const quint16 len = quint16(payload.size() + 2);
    out += char(len >> 8);
    out += char(len & 0xff);
    return out + payload;
}

} // namespace

QByteArray xmpPacket(const QByteArray& attributes, const QByteArray& elements)
{
    return "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
           "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\" x:xmptk=\"XMP Core 4.4.0-Exiv2\">\n"
           "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
           "<rdf:Description rdf:about=\"\" "
        + kNamespaces + "\n " + attributes + ">\n" + elements
        + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
}

QByteArray subjectBag(const QStringList& keywords)
{
    return bag("dc:subject", keywords);
}

QByteArray sidecarPacket(XmpTool tool)
{
    switch (tool) {
    case XmpTool::DigiKam:
        // digiKam 8: TagsList paths, the same as Lightroom paths, leaf names in dc:subject, the rating
        // twice (xmp and Microsoft's percent), the pick label, MWG regions.
        return xmpPacket("xmp:Rating=\"3\" MicrosoftPhoto:Rating=\"50\" digiKam:PickLabel=\"3\"",
            bag("digiKam:TagsList", { QStringLiteral("People/Alice"), QStringLiteral("Holidays/Beach") }, "Seq")
                + bag("lr:hierarchicalSubject", { QStringLiteral("People|Alice"), QStringLiteral("Holidays|Beach") })
                + subjectBag({ QStringLiteral("Alice"), QStringLiteral("Beach") }) + kAliceRegion);
    case XmpTool::Darktable:
        // darktable 4: its own bookkeeping tags under "darktable|", history, rating -1 = rejected.
        return xmpPacket("xmp:Rating=\"-1\" darktable:xmp_version=\"5\" darktable:history_end=\"0\""
                         " exif:DateTimeOriginal=\"2019:07:14 10:00:00\"",
            subjectBag({ QStringLiteral("Tokyo") })
                + bag("lr:hierarchicalSubject",
                    { QStringLiteral("Places|Japan|Tokyo"), QStringLiteral("darktable|format|jpg") })
                + "<darktable:history><rdf:Seq/></darktable:history>\n");
    case XmpTool::Lightroom:
        // Lightroom Classic: flattened parents in dc:subject, the path in hierarchicalSubject, a
        // title, develop settings, a face region and a position.
        return xmpPacket("xmp:Rating=\"5\" crs:Version=\"15.0\" exif:GPSLatitude=\"35,39.5N\""
                         " exif:GPSLongitude=\"139,42.0E\"",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">Shibuya at night</rdf:li></rdf:Alt></dc:title>\n"
                + subjectBag({ QStringLiteral("Japan"), QStringLiteral("Places"), QStringLiteral("Tokyo"),
                    QStringLiteral("night") })
                + bag("lr:hierarchicalSubject", { QStringLiteral("Places|Japan|Tokyo") }) + kAliceRegion);
    }
    return {};
}

QByteArray jpegWithXmp(const QByteArray& jpeg, const QByteArray& packet)
{
    return jpeg.left(2) + segment('\xe1', QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) + packet) + jpeg.mid(2);
}

QByteArray jpegWithIptcKeywords(const QByteArray& jpeg, const QStringList& keywords)
{
    const auto dataset = [](char record, char tag, const QByteArray& value) {
        const char head[] = { '\x1c', record, tag, char(value.size() >> 8), char(value.size() & 0xff) };
        QByteArray d(head, int(sizeof head));
        d.append(value);
        return d;
    };
    QByteArray iptc = dataset(1, 90, QByteArray("\x1b%G", 3)); // coded character set: UTF-8
    for (const QString& k : keywords)
        iptc += dataset(2, 25, k.toUtf8());
    if (iptc.size() % 2)
        iptc += '\0';
    QByteArray irb = "Photoshop 3.0" + QByteArray("\0", 1) + "8BIM" + QByteArray("\x04\x04\0\0", 4);
    const quint32 size = quint32(iptc.size());
    irb += char(size >> 24);
    irb += char((size >> 16) & 0xff);
    irb += char((size >> 8) & 0xff);
    irb += char(size & 0xff);
    irb += iptc;
    return jpeg.left(2) + segment('\xed', irb) + jpeg.mid(2);
}

QByteArray pngWithXmp(const QByteArray& png, const QByteArray& packet)
{
    const QByteArray data = QByteArray("XML:com.adobe.xmp\0\0\0\0\0", 22) + packet;
    const QByteArray typeAndData = "iTXt" + data;
    QByteArray chunk(4, '\0');
    qToBigEndian(quint32(data.size()), chunk.data());
    chunk += typeAndData;
    QByteArray crc(4, '\0');
    qToBigEndian(quint32(crc32(0, reinterpret_cast<const Bytef*>(typeAndData.constData()), uInt(typeAndData.size()))),
        crc.data());
    chunk += crc;
    const int afterIhdr = 8 + 4 + 4 + 13 + 4; // signature, IHDR length, type, data, CRC
    return png.left(afterIhdr) + chunk + png.mid(afterIhdr);
}

} // namespace shoebox::test
