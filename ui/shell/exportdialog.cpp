#include "shell/exportdialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace shoebox {

ExportDialog::ExportDialog(const QString& libraryPath, const QVector<qint64>& ids, QWidget* parent)
    : QDialog(parent)
    , m_library(libraryPath)
    , m_ids(ids)
{
    setWindowTitle(tr("Export %n Photo(s)", nullptr, int(ids.size())));
    buildForm();
    connect(&m_watcher, &QFutureWatcher<ExportReport>::finished, this, &ExportDialog::onFinished);
}

ExportDialog::~ExportDialog()
{
    if (m_cancel)
        m_cancel->store(true);
    m_watcher.waitForFinished();
}

void ExportDialog::buildForm()
{
    auto* form = new QFormLayout;
    m_folder = new QLineEdit(
        QStandardPaths::writableLocation(QStandardPaths::PicturesLocation) + QStringLiteral("/Shoebox Export"));
    auto* browse = new QPushButton(tr("Choose…"));
    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder);
    folderRow->addWidget(browse);
    form->addRow(tr("Folder:"), folderRow);
    m_originals = new QRadioButton(tr("Originals"));
    m_resized = new QRadioButton(tr("Resized JPEGs"));
    m_originals->setChecked(true);
    form->addRow(tr("Export:"), m_originals);
    form->addRow(QString(), m_resized);
    m_longSide = new QSpinBox;
    m_longSide->setRange(64, 20000);
    m_longSide->setValue(2048);
    m_longSide->setSuffix(tr(" px"));
    m_quality = new QSpinBox;
    m_quality->setRange(1, 100);
    m_quality->setValue(90);
    form->addRow(tr("Long side:"), m_longSide);
    form->addRow(tr("Quality:"), m_quality);
    m_location = new QCheckBox(tr("Include the location"));
    m_location->setChecked(true);
    m_metadata = new QCheckBox(tr("Write tags, rating, title and people into the copies"));
    m_metadata->setChecked(true);
    form->addRow(QString(), m_location);
    form->addRow(QString(), m_metadata);
    m_progress = new QProgressBar;
    m_progress->setRange(0, int(m_ids.size()));
    m_progress->setValue(0);
    m_status = new QLabel;
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_buttons->addButton(tr("Export"), QDialogButtonBox::AcceptRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_status);
    layout->addWidget(m_buttons);
    const auto sizeEnabled = [this] {
        m_longSide->setEnabled(m_resized->isChecked());
        m_quality->setEnabled(m_resized->isChecked());
    };
    sizeEnabled();
    connect(m_resized, &QRadioButton::toggled, this, sizeEnabled);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export To"), m_folder->text());
        if (!dir.isEmpty())
            m_folder->setText(QDir::toNativeSeparators(dir));
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &ExportDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportDialog::reject);
}

ExportOptions ExportDialog::options() const
{
    ExportOptions o;
    o.folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    o.resize = m_resized->isChecked();
    o.longSide = m_longSide->value();
    o.quality = m_quality->value();
    o.keepLocation = m_location->isChecked();
    o.writeMetadata = m_metadata->isChecked();
    return o;
}

void ExportDialog::setFolder(const QString& folder)
{
    m_folder->setText(QDir::toNativeSeparators(folder));
}

void ExportDialog::start()
{
    if (isRunning())
        return;
    const ExportOptions o = options();
    if (o.folder.isEmpty()) {
        m_status->setText(tr("Choose a folder to export to."));
        return;
    }
    for (QWidget* w : std::initializer_list<QWidget*> {
             m_folder, m_originals, m_resized, m_longSide, m_quality, m_location, m_metadata })
        w->setEnabled(false);
    for (QAbstractButton* b : m_buttons->buttons())
        if (m_buttons->buttonRole(b) == QDialogButtonBox::AcceptRole)
            b->setEnabled(false);
    m_cancel = std::make_shared<std::atomic_bool>(false);
    m_status->setText(tr("Exporting…"));
    // The destructor cancels and waits for the export, so the dialog outlives every progress call;
    // queued calls still pending when it goes are dropped by Qt.
    ExportDialog* dialog = this;
    m_watcher.setFuture(QtConcurrent::run([library = m_library, ids = m_ids, o, cancel = m_cancel, dialog] {
        return PhotoExporter(library).run(
            ids, o,
            [dialog](const ExportProgress& p) {
                QMetaObject::invokeMethod(
                    dialog, [dialog, done = p.done, total = p.total] { dialog->onProgress(done, total); },
                    Qt::QueuedConnection);
            },
            cancel.get());
    }));
}

void ExportDialog::onProgress(int done, int total)
{
    m_progress->setMaximum(total);
    m_progress->setValue(done);
    m_status->setText(tr("Exported %1 of %2").arg(done).arg(total));
}

void ExportDialog::onFinished()
{
    m_report = m_watcher.result();
    m_progress->setValue(int(m_report.files.size()));
    m_status->setText(m_report.cancelled ? tr("Cancelled after %n photo(s).", nullptr, int(m_report.files.size()))
            : m_report.errors.isEmpty()  ? tr("Exported %n photo(s).", nullptr, int(m_report.files.size()))
                                         : m_report.errors.first());
    m_buttons->setStandardButtons(QDialogButtonBox::Close);
    Q_EMIT finished(m_report);
}

void ExportDialog::reject()
{
    if (isRunning()) {
        m_cancel->store(true);
        m_status->setText(tr("Cancelling…"));
        return;
    }
    QDialog::reject();
}

} // namespace shoebox
