#include "duplicates/duplicatecompare.h"

#include "catalog/photostore.h"
#include "image/perceptualhasher.h"
#include "pages/imageview.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace shoebox {

namespace {
constexpr int kMaxShown = 4; // more columns than this stop being a comparison

QString cameraOf(const PhotoRecord& r)
{
    return QStringList({ r.meta.cameraMake, r.meta.cameraModel }).join(QLatin1Char(' ')).trimmed();
}

// Members holding the largest value; none when all are equal (nothing to point at).
QList<int> bestOf(const QList<double>& values)
{
    QList<int> best;
    if (values.isEmpty() || std::all_of(values.begin(), values.end(), [&](double v) { return v == values[0]; }))
        return best;
    const double top = *std::max_element(values.begin(), values.end());
    for (int i = 0; i < values.size(); ++i) {
        if (values[i] == top)
            best << i;
    }
    return best;
}
} // namespace

DuplicateCompare::DuplicateCompare(QWidget* parent)
    : QWidget(parent)
    , m_grid(new QGridLayout)
    , m_keep(new QButtonGroup(this))
    , m_reasons(new QLabel(this))
{
    setObjectName(QStringLiteral("duplicateCompare"));
    m_reasons->setObjectName(QStringLiteral("duplicateReasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(m_grid, 1);
    layout->addWidget(m_reasons);
    connect(m_keep, &QButtonGroup::idClicked, this, &DuplicateCompare::keeperChanged);
}

DuplicateCompare::~DuplicateCompare()
{
    if (m_watcher)
        m_watcher->waitForFinished();
}

QList<CompareMember> DuplicateCompare::load(const QString& libraryPath, const QVector<qint64>& ids)
{
    const PhotoStore store(libraryPath);
    QList<CompareMember> out;
    for (const PhotoRecord& r : store.photosByIds(ids)) {
        CompareMember m;
        m.record = r;
        const QByteArray sharp = store.hashes(r.id).value(QStringLiteral("sharpness"));
        m.sharpness = sharp.size() == 4 ? PerceptualHasher::floatValue(sharp) : -1.f;
        out.append(m);
    }
    return out;
}

void DuplicateCompare::clear()
{
    m_group = DuplicateGroup();
    m_differences.clear();
    qDeleteAll(m_cells);
    m_cells.clear();
    m_views.clear();
    m_reasons->clear();
}

void DuplicateCompare::setGroup(const DuplicateGroup& group)
{
    clear();
    m_group = group;
    const QVector<qint64> ids = group.members.mid(0, kMaxShown);
    auto* watcher = new QFutureWatcher<QList<CompareMember>>(this);
    m_watcher = watcher;
    connect(watcher, &QFutureWatcher<QList<CompareMember>>::finished, this, [this, watcher] {
        watcher->deleteLater();
        if (watcher != m_watcher)
            return; // another group was chosen meanwhile
        m_watcher = nullptr;
        showMembers(watcher->result());
    });
    const QString library = m_library;
    watcher->setFuture(QtConcurrent::run([library, ids] {
        const QList<CompareMember> members = load(library, ids);
        return members;
    }));
}

void DuplicateCompare::showMembers(const QList<CompareMember>& members)
{
    const QLocale locale;
    for (int i = 0; i < members.size(); ++i) {
        const PhotoRecord& r = members[i].record;
        auto* view = new ImageView(this);
        view->setObjectName(QStringLiteral("compareView%1").arg(i));
        view->setMinimumSize(200, 160);
        view->setFile(r.displayPath);
        connect(view, &ImageView::viewChanged, this, [this, view] { followView(view); });
        m_grid->addWidget(view, 0, i);
        m_views.append(view);
        m_cells.append(view);
        // Copies often share a name: then the folder tells them apart.
        const QFileInfo info(r.displayPath);
        const bool sameName = std::count_if(members.begin(), members.end(), [&](const CompareMember& o) {
            return QFileInfo(o.record.displayPath).fileName() == info.fileName();
        }) > 1;
        const QString name
            = sameName ? QStringLiteral("%1 (%2)").arg(info.fileName(), info.dir().dirName()) : info.fileName();
        auto* keep = new QRadioButton(tr("Keep %1").arg(name), this);
        keep->setToolTip(r.displayPath);
        m_keep->addButton(keep, i);
        m_grid->addWidget(keep, 1, i);
        m_cells.append(keep);
    }
    QStringList pixels, size, format, date, camera, sharp;
    QList<double> pixelValues, sizeValues, sharpValues;
    for (const CompareMember& m : members) {
        const PhotoRecord& r = m.record;
        pixels << QStringLiteral("%1 × %2").arg(r.meta.width).arg(r.meta.height);
        pixelValues << double(r.meta.width) * r.meta.height;
        size << locale.formattedDataSize(r.size);
        sizeValues << double(r.size);
        format << r.format.toUpper();
        date << (r.meta.takenAt.isValid() ? locale.toString(r.meta.takenAt, QLocale::ShortFormat) : tr("unknown"));
        camera << (cameraOf(r).isEmpty() ? tr("no EXIF camera") : cameraOf(r));
        sharp << (m.sharpness >= 0 ? QString::number(m.sharpness, 'f', 0) : tr("unknown"));
        sharpValues << double(m.sharpness);
    }
    addRow(2, QStringLiteral("pixels"), tr("Pixels"), pixels, bestOf(pixelValues));
    addRow(3, QStringLiteral("size"), tr("File size"), size, bestOf(sizeValues));
    addRow(4, QStringLiteral("format"), tr("Format"), format, {});
    addRow(5, QStringLiteral("date"), tr("Captured"), date, {});
    addRow(6, QStringLiteral("camera"), tr("Camera"), camera, {});
    addRow(7, QStringLiteral("sharpness"), tr("Sharpness"), sharp, bestOf(sharpValues));
    for (int i = 0; i < m_views.size(); ++i)
        m_grid->setColumnStretch(i, 1);
    m_grid->setRowStretch(0, 1);
    setKeeper(m_group.keeper);
    QStringList lines;
    if (!m_group.keeperReason.isEmpty())
        lines << tr("Suggested keeper: %1").arg(m_group.keeperReason.toHtmlEscaped());
    for (const QString& reason : m_group.reasons)
        lines << reason.toHtmlEscaped();
    if (m_group.members.size() > kMaxShown)
        lines << tr("%n more photo(s) in this group are not shown.", nullptr, int(m_group.members.size() - kMaxShown));
    m_reasons->setText(lines.join(QStringLiteral("<br>")));
}

void DuplicateCompare::addRow(
    int row, const QString& key, const QString& label, const QStringList& values, const QList<int>& best)
{
    const QString keeperValue = values.value(std::clamp(m_group.keeper, 0, int(values.size()) - 1));
    const bool differs = std::any_of(values.begin(), values.end(), [&](const QString& v) { return v != values[0]; });
    if (differs)
        m_differences << key;
    for (int i = 0; i < values.size(); ++i) {
        QString text = QStringLiteral("<span style='color:palette(mid)'>%1</span> ").arg(label.toHtmlEscaped());
        const QString value = values[i].toHtmlEscaped();
        // What differs is what matters for choosing: the best value in green, values that differ from
        // the suggested keeper's in red.
        if (best.contains(i))
            text += QStringLiteral("<b style='color:#2e7d32'>%1 ▲</b>").arg(value);
        else if (values[i] != keeperValue)
            text += QStringLiteral("<b style='color:#c62828'>%1</b>").arg(value);
        else
            text += value;
        auto* cell = new QLabel(text, this);
        cell->setObjectName(QStringLiteral("%1_%2").arg(key).arg(i));
        cell->setToolTip(differs ? tr("Differs between the photos") : QString());
        m_grid->addWidget(cell, row, i);
        m_cells.append(cell);
    }
}

int DuplicateCompare::keeper() const
{
    return m_keep->checkedId() >= 0 ? m_keep->checkedId() : m_group.keeper;
}

void DuplicateCompare::setKeeper(int member)
{
    if (QAbstractButton* b = m_keep->button(member))
        b->setChecked(true);
}

void DuplicateCompare::followView(ImageView* source)
{
    // Synchronised zoom: every other picture shows the same part at the same scale.
    if (m_syncing)
        return;
    m_syncing = true;
    for (ImageView* v : std::as_const(m_views)) {
        if (v != source)
            v->setView(source->isFitted(), source->zoom(), source->center());
    }
    m_syncing = false;
}

} // namespace shoebox
