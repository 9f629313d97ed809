#pragma once
// XMP and IPTC the way other tools write them, for the metadata tests: sidecar packets as digiKam,
// darktable and Lightroom write them, and XMP or IPTC put into JPEG and PNG bytes by hand (no exiv2,
// so the reader is tested against bytes it did not write). Used on the test's own thread.

#include <QByteArray>
#include <QStringList>

namespace shoebox::test {

enum class XmpTool { DigiKam, Darktable, Lightroom };

// A sidecar as the tool writes it. The three share one story: the hierarchical keyword
// Places/Japan/Tokyo (darktable and Lightroom) or People/Alice + Holidays/Beach (digiKam), a rating,
// and (digiKam and Lightroom) an MWG face region named "Alice" centred at (0.5, 0.4), 0.2 x 0.3.
QByteArray sidecarPacket(XmpTool tool);
// A minimal packet with just these properties (attributes of the rdf:Description, e.g.
// `xmp:Rating="2"`) and elements (e.g. a dc:subject bag).
QByteArray xmpPacket(const QByteArray& attributes, const QByteArray& elements = {});
// A dc:subject bag of these keywords, as an element for xmpPacket.
QByteArray subjectBag(const QStringList& keywords);
// The JPEG with an APP1 XMP segment right after SOI.
QByteArray jpegWithXmp(const QByteArray& jpeg, const QByteArray& packet);
// The JPEG with an APP13 Photoshop IRB holding IPTC keywords (UTF-8, record 1:90 says so).
QByteArray jpegWithIptcKeywords(const QByteArray& jpeg, const QStringList& keywords);
// The PNG with an iTXt "XML:com.adobe.xmp" chunk right after IHDR.
QByteArray pngWithXmp(const QByteArray& png, const QByteArray& packet);

} // namespace shoebox::test
