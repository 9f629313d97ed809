#pragma once
// Runs imports and scans in the background, one job at a time (later requests queue behind): index
// dropped folders where they are, or copy them into the library folder by capture date first
// (core Importer), then run the core ScanJob: scan while the tagger analyses what the scan decodes, then
// tag what is still untagged.
// Reports progress, each photo as it is indexed, and a summary that names
// the exact duplicates that were not copied. UI thread only; the work runs on its own thread.

#include "scan/importer.h"
#include "scan/scanjob.h"
#include "shell/appsettings.h"

#include <QElapsedTimer>
#include <QFutureWatcher>
#include <QMimeData>
#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace shoebox {

class ImportController : public QObject {
    Q_OBJECT
public:
    // Asked the first time something is imported while the preference is unset; returns the choice
    // (Ask means the user cancelled the import).
    using ModeChooser = std::function<AppSettings::ImportMode()>;

    explicit ImportController(QString libraryPath, QObject* parent = nullptr);
    ~ImportController() override;

    void setModeChooser(ModeChooser chooser) { m_chooser = std::move(chooser); }
    // Files and folders dropped or chosen.
    void import(const QStringList& paths);
    // The local files and folders in a drag (what a drop would import); empty when none.
    static QStringList localPaths(const QMimeData* data);
    // Scans these folders where they are (rescan, or a folder chosen in Preferences).
    void scanInPlace(const QStringList& folders);
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    void jobStarted(const QString& title);
    void jobProgress(qint64 done, qint64 total, double elapsedSeconds);
    void photoIndexed(qint64 photoId);
    // One job ended; summary is a sentence for people.
    void jobFinished(const QString& summary);
    void duplicatesSkipped(const QList<shoebox::ImportDuplicate>& duplicates);
    // A tagging run stored new tags (the tag browser and search completions change).
    void tagsUpdated();
    // Everything queued is done.
    void idle();

private:
    struct Job {
        enum Kind { Copy, Scan } kind = Scan;
        QList<QByteArray> roots;
    };
    void enqueue(Job job);
    void startNext();
    void runCopy(const Job& job);
    void runScan(const QList<QByteArray>& roots, const QString& prefix);
    // The tagger for the scan job (it takes the scan's decoded images); empty without a model runtime
    // in this build.
    TagJob::AnalyzerFactory analyzerFactory() const;
    void finishScan(const ScanJobResult& result, const QString& prefix);

    QString m_library;
    ModeChooser m_chooser;
    QList<Job> m_queue;
    bool m_busy = false;
    // One thread: jobs run one after the other. Its catalog connection closes when the thread ends.
    QThreadPool m_pool;
    std::unique_ptr<ScanJob> m_scanJob;
    std::unique_ptr<Importer> m_importer;
    bool m_tagPhase = false; // the scan is over; progress now shows tagging
    QElapsedTimer m_clock;
};

} // namespace shoebox
