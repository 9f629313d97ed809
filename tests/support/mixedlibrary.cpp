#include "support/mixedlibrary.h"

#include "support/dngfixture.h"
#include "support/exiffixture.h"
#include "support/heiffixture.h"
#include "support/videofixture.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

namespace shoebox::test {

namespace {

// Encoded once and written into every set: encoding a HEIC or a DNG costs far more than scanning it.
struct Shared {
    QByteArray jpeg, heic, dng, pairJpeg, clip, motionPhoto;
};

QByteArray cameraJpeg(const QByteArray& make, const QByteArray& model, const QByteArray& taken,
    const QByteArray& makerNote = QByteArray())
{
    ExifFields f;
    f.make = make;
    f.model = model;
    f.dateTimeOriginal = taken;
    f.makerNote = makerNote;
    return jpegWithExif(markedImage(640, 480), f);
}

// A Google motion photo: the JPEG says in its XMP how long the MP4 appended after it is.
QByteArray motionPhoto(const QByteArray& mp4)
{
    const QByteArray xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF "
                           "xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description "
                           "xmlns:GCamera=\"http://ns.google.com/photos/1.0/camera/\" GCamera:MicroVideo=\"1\" "
                           "GCamera:MicroVideoVersion=\"1\" GCamera:MicroVideoOffset=\""
        + QByteArray::number(mp4.size()) + "\"/></rdf:RDF></x:xmpmeta>";
    const QByteArray still = cameraJpeg("Google", "Pixel 7", "2023:06:02 10:00:00");
    return insertApp1(still, QByteArray("http://ns.adobe.com/xap/1.0/\0", 29) + xmp) + mp4;
}

QByteArray readBack(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool makeShared(Shared& s, QString* error)
{
    QTemporaryDir tmp;
    const QString clipPath = tmp.filePath(QStringLiteral("clip.mp4"));
    if (!VideoFixture::available()) {
        *error = VideoFixture::skipReason();
        return false;
    }
    if (!VideoFixture::clip(clipPath, QStringLiteral("testsrc2"), 1.0, 320, 240, {}, error))
        return false;
    s.clip = readBack(clipPath);
    s.jpeg = cameraJpeg("Canon", "Canon EOS 80D", "2023:06:01 09:00:00");
    s.pairJpeg = cameraJpeg("Shoebox", "Test Camera", "2021:05:06 07:08:09");
    s.heic = iphoneStyleHeic(error);
    s.dng = dngBytes(markedImage(640, 480), DngFields(), error);
    s.motionPhoto = motionPhoto(s.clip);
    return !s.clip.isEmpty() && !s.heic.isEmpty() && !s.dng.isEmpty();
}

bool writeSet(const QString& dir, int set, const Shared& s, QString* error)
{
    if (!QDir().mkpath(dir)) {
        *error = QStringLiteral("cannot create ") + dir;
        return false;
    }
    const QByteArray contentId
        = QStringLiteral("1A2B3C4D-5E6F-4A1B-8C2D-%1").arg(set, 12, 10, QLatin1Char('0')).toLatin1();
    const QByteArray liveStill = cameraJpeg("Apple", "iPhone 12", "2023:05:01 12:00:00", appleMakerNote(contentId));
    const QList<QPair<QString, QByteArray>> files { { QStringLiteral("IMG_0001.JPG"), s.jpeg },
        { QStringLiteral("IMG_0002.HEIC"), s.heic }, { QStringLiteral("DSC_0003.DNG"), s.dng },
        { QStringLiteral("DSC_0003.JPG"), s.pairJpeg }, { QStringLiteral("CLIP_0004.MP4"), s.clip },
        { QStringLiteral("IMG_0005.JPG"), liveStill }, { QStringLiteral("PXL_0006.MP.jpg"), s.motionPhoto } };
    for (const auto& [name, bytes] : files)
        if (!writeFile(dir + QLatin1Char('/') + name, bytes)) {
            *error = QStringLiteral("cannot write ") + name;
            return false;
        }
    return VideoFixture::liveMov(
        dir + QStringLiteral("/IMG_0005.MOV"), contentId, QByteArray("2023-05-01T12:00:00+0200"), error);
}

} // namespace

bool MixedLibrary::write(const QString& dir, int sets, QString* error)
{
    QString ignored;
    QString& why = error ? *error : ignored;
    Shared shared;
    if (!makeShared(shared, &why))
        return false;
    for (int set = 0; set < sets; ++set)
        if (!writeSet(QStringLiteral("%1/set_%2").arg(dir).arg(set, 3, 10, QLatin1Char('0')), set, shared, &why))
            return false;
    return true;
}

QMap<QString, int> MixedLibrary::expectedItems(int sets)
{
    QMap<QString, int> out;
    for (const char* kind : { "jpeg", "heic", "raw+jpeg", "video", "live", "motion" })
        out.insert(QString::fromLatin1(kind), sets);
    return out;
}

QString MixedLibrary::itemKind(const QJsonObject& listed)
{
    if (listed.contains(QStringLiteral("motion_offset")))
        return QStringLiteral("motion");
    if (listed.value(QStringLiteral("live")).toBool())
        return QStringLiteral("live");
    for (const QJsonValue& p : listed.value(QStringLiteral("partners")).toArray())
        if (p.toObject().value(QStringLiteral("role")).toString() == QLatin1String("raw-original"))
            return QStringLiteral("raw+jpeg");
    const QString kind = listed.value(QStringLiteral("kind")).toString();
    return kind == QLatin1String("photo") ? listed.value(QStringLiteral("format")).toString() : kind;
}

QMap<QString, int> MixedLibrary::countItems(const QJsonArray& listed)
{
    QMap<QString, int> out;
    for (const QJsonValue& v : listed)
        ++out[itemKind(v.toObject())];
    return out;
}

} // namespace shoebox::test
