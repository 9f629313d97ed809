#pragma once
// Exports photos to a folder: copies of the originals, or JPEGs resized to a long side at a quality;
// with or without their location, with the catalog's tags, rating, title and named faces written into
// the copy's XMP. Originals are only read. Progress per photo, and a cancel that stops before the next
// one. Uses the calling thread's connection: create and run it on one (worker) thread.

#include <QString>
#include <QStringList>
#include <QVector>

#include <atomic>
#include <functional>

namespace shoebox {

struct ExportOptions {
    QString folder;
    bool resize = false; // false: copies of the originals
    int longSide = 2048; // resized JPEGs: the long side in pixels (never enlarged)
    int quality = 90; // resized JPEGs: 1..100
    bool keepLocation = true; // false: no GPS in the copies (EXIF and XMP)
    bool writeMetadata = true; // tags, rating, title and named faces into the copies' XMP
};

struct ExportProgress {
    int done = 0;
    int total = 0;
    QString current; // the photo being exported
};

struct ExportReport {
    QStringList files; // what was written, in order
    QStringList errors; // "path: reason" per photo not exported (or exported without its metadata)
    bool cancelled = false;
};

class PhotoExporter {
public:
    using ProgressFn = std::function<void(const ExportProgress&)>;
    explicit PhotoExporter(QString libraryPath);
    ExportReport run(const QVector<qint64>& ids, const ExportOptions& options, const ProgressFn& progress = {},
        const std::atomic_bool* cancel = nullptr);

private:
    bool exportOne(qint64 id, const ExportOptions& options, ExportReport& report);
    QString m_path;
};

} // namespace shoebox
