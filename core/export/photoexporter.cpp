#include "export/photoexporter.h"

#include "catalog/photostore.h"
#include "image/imagedecoder.h"
#include "metadata/sidecarsync.h"
#include "metadata/xmpreader.h"
#include "metadata/xmpwriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>

#include <exiv2/exiv2.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <algorithm>
#include <iterator>

Q_LOGGING_CATEGORY(lcExport, "shoebox.core.export", QtInfoMsg)

namespace shoebox {

namespace {

// "name.jpg", else "name (2).jpg", "name (3).jpg", ...: an export never overwrites a file.
QString freeName(const QDir& folder, const QString& base, const QString& suffix)
{
    QString name = base + QLatin1Char('.') + suffix;
    for (int i = 2; folder.exists(name); ++i)
        name = QStringLiteral("%1 (%2).%3").arg(base).arg(i).arg(suffix);
    return folder.filePath(name);
}

void dropLocation(Exiv2::ExifData& exif, Exiv2::XmpData& xmp)
{
    for (auto it = exif.begin(); it != exif.end();)
        it = it->groupName() == "GPSInfo" ? exif.erase(it) : std::next(it);
    for (auto it = xmp.begin(); it != xmp.end();)
        it = it->key().rfind("Xmp.exif.GPS", 0) == 0 ? xmp.erase(it) : std::next(it);
}

// The copy's EXIF and XMP: location dropped when asked, and for a resized JPEG the original's EXIF
// with the orientation already applied to the pixels and without its old thumbnail.
bool rewriteCopy(const QString& copy, const QString& original, bool resized, const ExportOptions& o, QString* error)
{
    XmpReader::initialize();
    try {
        Exiv2::Image::AutoPtr image = Exiv2::ImageFactory::open(QFile::encodeName(copy).toStdString());
        image->readMetadata();
        Exiv2::ExifData exif = image->exifData();
        Exiv2::XmpData xmp = image->xmpData();
        if (resized) {
            Exiv2::Image::AutoPtr source = Exiv2::ImageFactory::open(QFile::encodeName(original).toStdString());
            source->readMetadata();
            exif = source->exifData();
            for (auto it = exif.begin(); it != exif.end();)
                it = it->groupName() == "Thumbnail" || it->key() == "Exif.Photo.PixelXDimension"
                        || it->key() == "Exif.Photo.PixelYDimension"
                    ? exif.erase(it)
                    : std::next(it);
            if (!exif.empty())
                exif["Exif.Image.Orientation"] = uint16_t(1);
        }
        if (!o.keepLocation)
            dropLocation(exif, xmp);
        image->setExifData(exif);
        image->setXmpData(xmp);
        image->writeMetadata();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromLocal8Bit(e.what()).simplified();
        return false;
    }
}

// A JPEG with the long side at most longSide, upright.
bool writeResized(const QByteArray& original, const QString& target, const ExportOptions& o, QString* error)
{
    const DecodedImage img = ImageDecoder::decodeFile(original, o.longSide);
    if (!img.error.isEmpty()) {
        *error = img.error;
        return false;
    }
    cv::Mat out = img.upright;
    const int longSide = std::max(out.cols, out.rows);
    if (longSide > o.longSide) {
        const double f = double(o.longSide) / longSide;
        cv::resize(out, out, cv::Size(std::max(1, int(out.cols * f + 0.5)), std::max(1, int(out.rows * f + 0.5))), 0, 0,
            cv::INTER_AREA);
    }
    std::vector<unsigned char> bytes;
    if (!cv::imencode(".jpg", out, bytes, { cv::IMWRITE_JPEG_QUALITY, std::clamp(o.quality, 1, 100) })) {
        *error = QStringLiteral("cannot encode the JPEG");
        return false;
    }
    QFile f(target);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || f.write(reinterpret_cast<const char*>(bytes.data()), qint64(bytes.size())) != qint64(bytes.size())) {
        *error = f.errorString();
        return false;
    }
    return true;
}

} // namespace

PhotoExporter::PhotoExporter(QString libraryPath)
    : m_path(std::move(libraryPath))
{
}

bool PhotoExporter::exportOne(qint64 id, const ExportOptions& o, ExportReport& report)
{
    const std::optional<PhotoRecord> photo = PhotoStore(m_path).photoById(id);
    if (!photo) {
        report.errors.append(QStringLiteral("photo %1: not in the catalog").arg(id));
        return false;
    }
    const QString source = QFile::decodeName(photo->path);
    const QFileInfo info(source);
    const QDir folder(o.folder);
    const QString target = o.resize ? freeName(folder, info.completeBaseName(), QStringLiteral("jpg"))
                                    : freeName(folder, info.completeBaseName(), info.suffix());
    QString why;
    const bool written = o.resize ? writeResized(photo->path, target, o, &why) : QFile::copy(source, target);
    if (!written) {
        report.errors.append(
            photo->displayPath + QStringLiteral(": ") + (why.isEmpty() ? QStringLiteral("cannot copy") : why));
        QFile::remove(target);
        return false;
    }
    // A copy whose location cannot be removed is not exported at all: that promise matters more.
    if ((o.resize || !o.keepLocation) && !rewriteCopy(target, source, o.resize, o, &why) && !o.keepLocation) {
        QFile::remove(target);
        report.errors.append(
            photo->displayPath + QStringLiteral(": cannot remove the location (%1); not exported").arg(why));
        return false;
    }
    report.files.append(target);
    if (o.writeMetadata) {
        XmpData data = SidecarSync(m_path).fromCatalog(id, &why);
        if (!o.keepLocation)
            data.gps.reset();
        if (!data.isEmpty() && !XmpWriter::embed(target, data, o.resize ? 1 : photo->meta.orientation, &why))
            report.errors.append(photo->displayPath + QStringLiteral(": exported without its tags: ") + why);
    }
    return true;
}

ExportReport PhotoExporter::run(const QVector<qint64>& ids, const ExportOptions& options, const ProgressFn& progress,
    const std::atomic_bool* cancel)
{
    ExportReport report;
    if (!QDir().mkpath(options.folder)) {
        report.errors.append(options.folder + QStringLiteral(": cannot create the folder"));
        return report;
    }
    ExportProgress p { 0, int(ids.size()), {} };
    for (qint64 id : ids) {
        if (cancel && cancel->load()) {
            report.cancelled = true;
            break;
        }
        exportOne(id, options, report);
        ++p.done;
        p.current = report.files.isEmpty() ? QString() : report.files.last();
        if (progress)
            progress(p);
    }
    for (const QString& e : report.errors)
        qCWarning(lcExport).noquote() << e;
    return report;
}

} // namespace shoebox
