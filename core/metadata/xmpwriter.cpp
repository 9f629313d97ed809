#include "metadata/xmpwriter.h"

#include "metadata/xmpreader.h"

#include <QFile>
#include <QSaveFile>
#include <QSet>

#include <exiv2/exiv2.hpp>

namespace shoebox {

namespace {

std::string toStd(const QString& s)
{
    return s.toUtf8().toStdString();
}

void eraseKeys(Exiv2::XmpData& xmp)
{
    static const char* const exact[] = { "Xmp.dc.subject", "Xmp.lr.hierarchicalSubject", "Xmp.digiKam.TagsList",
        "Xmp.xmp.Rating", "Xmp.MicrosoftPhoto.Rating", "Xmp.digiKam.PickLabel", "Xmp.dc.title", "Xmp.dc.description" };
    for (auto it = xmp.begin(); it != xmp.end();) {
        const std::string key = it->key();
        bool ours = key.rfind("Xmp.mwg-rs.Regions", 0) == 0;
        for (const char* k : exact)
            ours = ours || key == k;
        it = ours ? xmp.erase(it) : it + 1;
    }
}

void addBag(Exiv2::XmpData& xmp, const char* key, const QStringList& items, Exiv2::XmpValue::XmpArrayType type)
{
    if (items.isEmpty())
        return;
    Exiv2::XmpArrayValue v(type == Exiv2::XmpValue::xaSeq ? Exiv2::xmpSeq : Exiv2::xmpBag);
    for (const QString& item : items)
        v.read(toStd(item));
    xmp.add(Exiv2::XmpKey(key), &v);
}

void addKeywords(Exiv2::XmpData& xmp, const XmpData& data)
{
    QStringList leaves, lightroom, digikam;
    QSet<QString> seen;
    for (const QStringList& path : data.keywords) {
        if (!seen.contains(path.last().toCaseFolded())) {
            seen.insert(path.last().toCaseFolded());
            leaves << path.last();
        }
        lightroom << path.join(QLatin1Char('|'));
        digikam << path.join(QLatin1Char('/'));
    }
    addBag(xmp, "Xmp.dc.subject", leaves, Exiv2::XmpValue::xaBag);
    addBag(xmp, "Xmp.lr.hierarchicalSubject", lightroom, Exiv2::XmpValue::xaBag);
    addBag(xmp, "Xmp.digiKam.TagsList", digikam, Exiv2::XmpValue::xaSeq);
}

void addRegions(Exiv2::XmpData& xmp, const XmpData& data, int orientation)
{
    if (data.regions.isEmpty())
        return;
    Exiv2::XmpTextValue structValue;
    structValue.setXmpStruct();
    xmp.add(Exiv2::XmpKey("Xmp.mwg-rs.Regions"), &structValue);
    Exiv2::XmpTextValue bag;
    bag.setXmpArrayType(Exiv2::XmpValue::xaBag);
    xmp.add(Exiv2::XmpKey("Xmp.mwg-rs.Regions/mwg-rs:RegionList"), &bag);
    int i = 0;
    for (const XmpRegion& r : data.regions) {
        const std::string item = "Xmp.mwg-rs.Regions/mwg-rs:RegionList[" + std::to_string(++i) + "]";
        xmp.add(Exiv2::XmpKey(item), &structValue);
        xmp[item + "/mwg-rs:Name"] = toStd(r.name);
        xmp[item + "/mwg-rs:Type"] = std::string("Face");
        xmp.add(Exiv2::XmpKey(item + "/mwg-rs:Area"), &structValue);
        const QRectF stored = XmpData::upright(r.box, XmpData::inverse(orientation));
        const auto number = [](double v) { return QString::number(v, 'f', 6).toStdString(); };
        xmp[item + "/mwg-rs:Area/stArea:x"] = number(stored.center().x());
        xmp[item + "/mwg-rs:Area/stArea:y"] = number(stored.center().y());
        xmp[item + "/mwg-rs:Area/stArea:w"] = number(stored.width());
        xmp[item + "/mwg-rs:Area/stArea:h"] = number(stored.height());
        xmp[item + "/mwg-rs:Area/stArea:unit"] = std::string("normalized");
    }
}

void fill(Exiv2::XmpData& xmp, const XmpData& data, int orientation)
{
    eraseKeys(xmp);
    addKeywords(xmp, data);
    if (data.rating)
        xmp["Xmp.xmp.Rating"] = std::to_string(*data.rating);
    if (data.picked || (data.rating && *data.rating < 0))
        xmp["Xmp.digiKam.PickLabel"] = std::string(data.picked ? "3" : "1");
    if (!data.title.isEmpty())
        xmp["Xmp.dc.title"] = "lang=\"x-default\" " + toStd(data.title);
    if (!data.description.isEmpty())
        xmp["Xmp.dc.description"] = "lang=\"x-default\" " + toStd(data.description);
    addRegions(xmp, data, orientation);
}

} // namespace

bool XmpWriter::packet(const std::string& base, const XmpData& data, int orientation, std::string* out, QString* error)
{
    XmpReader::initialize();
    try {
        Exiv2::XmpData xmp;
        if (!base.empty() && Exiv2::XmpParser::decode(xmp, base) != 0) {
            if (error)
                *error = QStringLiteral("the existing sidecar is not valid XMP; not overwritten");
            return false;
        }
        fill(xmp, data, orientation);
        if (Exiv2::XmpParser::encode(*out, xmp, Exiv2::XmpParser::useCompactFormat) != 0) {
            if (error)
                *error = QStringLiteral("exiv2 cannot serialise the XMP");
            return false;
        }
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QStringLiteral("cannot write XMP: ") + QString::fromLocal8Bit(e.what()).simplified();
        return false;
    }
}

bool XmpWriter::writeSidecar(const QByteArray& path, const XmpData& data, int orientation, QString* error)
{
    const QString name = QFile::decodeName(path);
    std::string base;
    if (QFile existing(name); existing.exists()) {
        if (!existing.open(QIODevice::ReadOnly)) {
            if (error)
                *error = QStringLiteral("cannot read the sidecar: ") + existing.errorString();
            return false;
        }
        const QByteArray bytes = existing.readAll();
        base.assign(bytes.constData(), size_t(bytes.size()));
    }
    std::string text;
    if (!packet(base, data, orientation, &text, error))
        return false;
    QSaveFile out(name);
    if (!out.open(QIODevice::WriteOnly) || out.write(text.data(), qint64(text.size())) != qint64(text.size())
        || !out.commit()) {
        if (error)
            *error = QStringLiteral("cannot write the sidecar: ") + out.errorString();
        return false;
    }
    return true;
}

bool XmpWriter::embed(const QString& path, const XmpData& data, int orientation, QString* error)
{
    XmpReader::initialize();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(QFile::encodeName(path).toStdString());
        image->readMetadata();
        Exiv2::XmpData xmp = image->xmpData();
        fill(xmp, data, orientation);
        image->setXmpData(xmp);
        image->writeMetadata();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QStringLiteral("cannot write XMP into %1: %2")
                         .arg(path, QString::fromLocal8Bit(e.what()).simplified());
        return false;
    }
}

} // namespace shoebox
