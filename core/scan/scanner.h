#pragma once
// Indexes every photo below a set of folders into the catalog: metadata, content hash, perceptual
// hashes and thumbnail from one read and one decode per file. Resumable and incremental: unchanged
// files (size, mtime) are skipped; a moved file keeps its id through its content hash.
// scan() blocks: call it from a worker thread (QtConcurrent::run). cancel() may be called from any
// thread. Signals are emitted from worker threads: connect with Qt::QueuedConnection in the UI.

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <functional>

namespace shoebox {

struct ScanProgress {
    qint64 found = 0; // files found so far (the walk runs ahead of the work)
    qint64 done = 0; // files finished
    qint64 added = 0, updated = 0, unchanged = 0, moved = 0, failed = 0, unsupported = 0;
    bool walking = true; // still discovering files
    double elapsedSeconds = 0;
    QString current; // display path of the last finished file
};

struct ScanSummary {
    ScanProgress totals;
    bool cancelled = false;
    QStringList errors; // "path: reason", one per failed file or unreadable folder
    // Scanned folders that were not there (an unmounted or unplugged drive, gone before or during the
    // scan): their photos keep the state they had, none is marked missing.
    QStringList offline;
};

class Scanner : public QObject {
    Q_OBJECT
public:
    explicit Scanner(QString libraryPath, QObject* parent = nullptr);

    // Called on the scanning thread, after the photo is committed, with its decoded upright BGR image
    // (reduced size, long side
    // at least 448 px when the original is that large), so tagging needs no second decode.
    using DecodedHook = std::function<void(qint64 photoId, const cv::Mat& upright)>;
    void setDecodedHook(DecodedHook hook) { m_hook = std::move(hook); }
    void setThreadCount(int n) { m_threads = n; }
    void setWriteThumbnails(bool on) { m_thumbnails = on; }
    // Files per catalog transaction (default tunables::kScanBatch).
    void setBatchSize(int n) { m_batch = n; }

    ScanSummary scan(const QList<QByteArray>& roots);
    // Stops the running scan, or the next one if none has started yet.
    void cancel() { m_cancel.store(true); }

Q_SIGNALS:
    void progress(const shoebox::ScanProgress& p); // throttled to about 10 per second
    void photoIndexed(qint64 photoId); // a new or changed photo is in the catalog
    void finished(const shoebox::ScanSummary& summary);

private:
    QString m_path;
    DecodedHook m_hook;
    int m_threads = 0;
    bool m_thumbnails = true;
    int m_batch = 0;
    std::atomic_bool m_cancel { false };
};

} // namespace shoebox

Q_DECLARE_METATYPE(shoebox::ScanProgress)
Q_DECLARE_METATYPE(shoebox::ScanSummary)
