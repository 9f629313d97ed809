#pragma once
// Export: the chosen photos to a folder as originals or resized JPEGs (long side, quality), with or
// without their location and metadata, with a progress bar and Cancel. The work runs in PhotoExporter
// on a pool thread; this dialog only gathers options and shows progress. UI thread only.

#include "export/photoexporter.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QVector>

#include <atomic>
#include <memory>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;

namespace shoebox {

class ExportDialog : public QDialog {
    Q_OBJECT
public:
    ExportDialog(const QString& libraryPath, const QVector<qint64>& ids, QWidget* parent = nullptr);
    ~ExportDialog() override;

    ExportOptions options() const;
    const QVector<qint64>& photoIds() const { return m_ids; }
    void setFolder(const QString& folder);
    // Starts the export with the options shown (what the Export button does).
    void start();
    bool isRunning() const { return m_watcher.isRunning(); }
    const ExportReport& report() const { return m_report; }
    void reject() override; // Cancel: stops a running export before its next photo, else closes

Q_SIGNALS:
    void finished(const ExportReport& report);

private:
    void buildForm();
    void onProgress(int done, int total);
    void onFinished();

    QString m_library;
    QVector<qint64> m_ids;
    QLineEdit* m_folder;
    QRadioButton* m_originals;
    QRadioButton* m_resized;
    QSpinBox* m_longSide;
    QSpinBox* m_quality;
    QCheckBox* m_location;
    QCheckBox* m_metadata;
    QProgressBar* m_progress;
    QLabel* m_status;
    QDialogButtonBox* m_buttons;
    std::shared_ptr<std::atomic_bool> m_cancel;
    QFutureWatcher<ExportReport> m_watcher;
    ExportReport m_report;
};

} // namespace shoebox
