#pragma once
// One scan job for every front end: index folders (Scanner), tag what the scan decodes while it runs,
// then tag what the catalog still lists as untagged (TagJob), with progress and cancel. The GUI's
// import controller and `shoebox-cli scan` both run it, so they cannot disagree on the wiring.
// run() blocks: call it from one thread (a pool thread in the GUI, the main thread in the CLI); its
// signals come from that thread (scanProgress, photoIndexed too), so connect with
// Qt::QueuedConnection when the receiver lives elsewhere. cancel() may be called from any thread,
// interrupt() also from a signal handler.

#include "places/placeassigner.h"
#include "scan/scanner.h"
#include "tags/tagjob.h"

#include <QObject>

#include <atomic>
#include <mutex>

namespace shoebox {

struct ScanJobResult {
    ScanSummary scan;
    bool tagging = false; // an analyzer factory was given, so a tagging run took place
    TagProgress tags;
    bool tagsCancelled = false; // the tagging run was asked to stop
    QString tagError; // why no model could be used; empty when tagging ran
    QString modelId;
    PlaceAssignment places; // geotagged photos that got their place after the scan
};

class ScanJob : public QObject {
    Q_OBJECT
public:
    // factory may be empty: the job then scans without tagging. It is called once, on the tagging
    // job's inference thread.
    ScanJob(QString libraryPath, TagJob::AnalyzerFactory factory, QObject* parent = nullptr);
    ~ScanJob() override;

    void setThreadCount(int n) { m_scanner.setThreadCount(n); }
    void setWriteThumbnails(bool on) { m_scanner.setWriteThumbnails(on); }
    void setBatchSize(int n) { m_scanner.setBatchSize(n); }
    // Whether the tagging finds and clusters faces (on by default; `scan --no-faces`).
    void setFacesEnabled(bool on) { m_faces = on; }

    // One run per job: a cancelled job stays cancelled.
    ScanJobResult run(const QList<QByteArray>& roots);
    // Stops the scan and the tagging now; what was stored is kept and the next run resumes.
    void cancel();
    // The same from a signal handler: only atomic stores, and tagging stops within kPollMs.
    void interrupt();
    bool isCancelled() const { return m_cancel.load(); }

    // How often run() looks at the tagging job once the scan is over.
    static constexpr int kPollMs = 200;

Q_SIGNALS:
    void scanProgress(const shoebox::ScanProgress& p);
    void photoIndexed(qint64 photoId);
    // The scan part is over; taggingRunning says whether tagging goes on (tagProgress follows).
    void scanFinished(const shoebox::ScanSummary& summary, bool taggingRunning);
    // Tagging progress after the scan, when it changed since the last look.
    void tagProgress(const shoebox::TagProgress& p);

private:
    void waitForTagging(TagJob& tagJob);

    const QString m_path;
    TagJob::AnalyzerFactory m_factory;
    Scanner m_scanner;
    std::atomic_bool m_cancel { false };
    std::mutex m_tagMutex; // guards m_tagJob, which cancel() reaches from other threads
    TagJob* m_tagJob = nullptr;
    bool m_faces = true;
};

} // namespace shoebox
