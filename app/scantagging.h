#pragma once
// Tags photos as part of `shoebox-cli scan`: a TagJob fed by the scanner's decoded images, then run
// over the photos the catalog still lists as untagged. Without libtorch or without an installed
// model it does nothing but print a one-line notice. Used from the main thread only.

#include "clicommand.h"

#include <QJsonObject>

#include <atomic>
#include <memory>

namespace shoebox {
class Scanner;
class TagJob;
} // namespace shoebox

namespace shoebox::cli {

class ScanTagging {
public:
    ScanTagging(Context& ctx, bool enabled, const QString& device);
    ~ScanTagging();
    // Starts the job and hands it the scanner's decoded images.
    void attach(Scanner& scanner);
    // After the scan: tags what is left and waits (stop, e.g. from SIGINT, cancels). Returns false
    // when the tagging was cancelled.
    bool finish(bool scanCancelled, const std::atomic_bool& stop);
    QJsonObject summary() const { return m_summary; }
    // The one-line outcome for people: "tagged N photos ..." or a notice why tagging was skipped.
    void printSummary() const;

private:
    Context& m_ctx;
    bool m_enabled;
    QString m_device;
    std::unique_ptr<TagJob> m_job;
    QJsonObject m_summary;
    QString m_line, m_notice;
};

} // namespace shoebox::cli
