#pragma once
// The resumable tagging job. One inference thread (the one thread of the job's own pool, run with
// QtConcurrent::run) creates and owns the analyzer, takes
// images handed over by the scanner (enqueue, from its DecodedHook) in batches, then decodes and tags
// every photo the catalog still lists as not tagged by this model. Results are stored in batched
// transactions with photos.tagged_model, so a killed run resumes where it stopped. When the analyzer
// finds faces they are stored in the same transactions (face_scans records the face models) and
// clustered into people on the inference thread while the job runs (ClusterCadence) and at its end.
// start/enqueue/finishFeeding/cancel/wait may be called from any thread. Signals come from the
// inference thread: connect with Qt::QueuedConnection in the UI.

#include "people/clustercadence.h"
#include "tags/imageanalyzer.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>

#include <opencv2/core/mat.hpp>

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace shoebox {

struct TagProgress {
    qint64 done = 0; // photos analysed in this run
    qint64 total = 0; // known so far (handed over + pending in the catalog)
    qint64 failed = 0;
    qint64 tags = 0; // automatic tags written
    qint64 faces = 0; // faces stored (issue 12)
    qint64 peoplePlaced = 0; // faces given a person by the clusterings during and at the end of the job
    double elapsedSeconds = 0;
};

class TagJob : public QObject {
    Q_OBJECT
public:
    // Called once on the inference thread; returns nullptr with a reason when no model can be used.
    using AnalyzerFactory = std::function<std::unique_ptr<ImageAnalyzer>(QString* error)>;
    // Photos per round (one analyze() call, one transaction) unless the analyzer's batch is larger.
    static constexpr int kRoundSize = 8;

    TagJob(QString libraryPath, AnalyzerFactory factory, QObject* parent = nullptr);
    ~TagJob() override; // cancels and joins

    // Before start(): whether faces are stored and clustered (`scan --no-faces` turns them off).
    void setFacesEnabled(bool on) { m_facesEnabled = on; }
    // Before start(): the least time between two clusterings while the job runs (0: after every round).
    void setClusterInterval(qint64 msecs) { m_cadence = ClusterCadence(msecs); }
    void start();
    // Hands over a decoded upright image. Never blocks: when the queue is full the image is dropped
    // and the photo is decoded again later from the catalog. Returns whether it was taken.
    bool enqueue(qint64 photoId, const cv::Mat& upright);
    // No more enqueue() calls: tag the catalog's pending photos, then finish.
    void finishFeeding();
    void cancel();
    // Blocks until the job has finished (true) or msecs passed (false); -1 waits forever.
    bool wait(int msecs = -1);

    bool isCancelled() const { return m_cancel.load(); }
    QString error() const; // why no model could be used, else empty
    QString modelId() const;
    TagProgress progressSnapshot() const;

Q_SIGNALS:
    void progress(const shoebox::TagProgress& p);
    void finished(const shoebox::TagProgress& p, bool cancelled, const QString& error);

private:
    struct Item {
        qint64 photoId = 0;
        cv::Mat image;
        ImageSource source; // the original, decoded again only for faces too small in image
    };
    void run();
    void tagQueued(ImageAnalyzer& analyzer);
    void tagPending(ImageAnalyzer& analyzer);
    bool analyzeAndStore(ImageAnalyzer& analyzer, std::vector<Item>& batch);
    std::vector<ImageSource> sourcesOf(std::vector<Item>& batch) const;
    QString faceModel(const ImageAnalyzer& analyzer) const;
    void clusterPeople();

    const QString m_path;
    AnalyzerFactory m_factory;
    // One thread: the analyzer must stay on the thread that created it. Ends with the job, and with it
    // that thread's catalog connection.
    QThreadPool m_pool;
    QFuture<void> m_future;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake; // queue changed, feeding finished, cancelled
    std::condition_variable m_done;
    std::deque<Item> m_queue;
    size_t m_maxQueue = 16;
    bool m_feeding = true;
    bool m_started = false;
    bool m_finished = false;
    bool m_accepting = true;
    bool m_facesEnabled = true;
    std::atomic_bool m_cancel { false };
    QString m_error, m_modelId;
    TagProgress m_progress;
    QElapsedTimer m_timer;
    ClusterCadence m_cadence; // inference thread only
};

} // namespace shoebox

Q_DECLARE_METATYPE(shoebox::TagProgress)
