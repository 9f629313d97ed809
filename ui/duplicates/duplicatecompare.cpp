#include "duplicates/duplicatecompare.h"

#include "catalog/photostore.h"
#include "duplicates/regionoutline.h"
#include "image/perceptualhasher.h"
#include "pages/imageview.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QRadioButton>
#include <QScrollArea>
#include <QSplitter>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>

namespace shoebox {

namespace {
// Narrower than this a picture stops being comparable: more members scroll sideways instead.
constexpr int kMinColumnWidth = 220;

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
    , m_scroll(new QScrollArea(this))
    , m_strip(new QWidget)
    , m_grid(new QGridLayout(m_strip))
    , m_keep(new QButtonGroup(this))
    , m_reasons(new QLabel)
{
    setObjectName(QStringLiteral("duplicateCompare"));
    m_scroll->setObjectName(QStringLiteral("compareStrip"));
    m_reasons->setObjectName(QStringLiteral("duplicateReasons"));
    m_reasons->setWordWrap(true);
    m_reasons->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // The strip fills the width while the members fit, and scrolls sideways when they do not.
    m_scroll->setWidget(m_strip);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_grid->setContentsMargins(0, 0, 0, 0);
    // The reasons of a large group run to many lines: they scroll below the pictures, which keep
    // most of the height (the person can drag the divider).
    auto* reasons = new QScrollArea(this);
    reasons->setWidget(m_reasons);
    reasons->setWidgetResizable(true);
    reasons->setFrameShape(QFrame::NoFrame);
    reasons->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_reasons->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_scroll);
    split->addWidget(reasons);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({ 480, 120 });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
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
        const auto hashes = store.hashes(r.id);
        const QByteArray sharp = hashes.value(QStringLiteral("sharpness"));
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
    m_outlines.clear();
    m_reasons->clear();
    for (int i = 0; i < m_grid->columnCount(); ++i)
        m_grid->setColumnStretch(i, 0);
}

void DuplicateCompare::setGroup(const DuplicateGroup& group)
{
    clear();
    m_group = group;
    const QVector<qint64> ids = group.members;
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

void DuplicateCompare::addPicture(int column, const CompareMember& member, const QList<CompareMember>& members)
{
    const PhotoRecord& r = member.record;
    auto* view = new ImageView(m_strip);
    view->setObjectName(QStringLiteral("compareView%1").arg(column));
    view->setMinimumSize(kMinColumnWidth, 160);
    view->setFile(r.displayPath);
    connect(view, &ImageView::viewChanged, this, [this, view] { followView(view); });
    auto* outline = new RegionOutline(view);
    // Exact copies were compared byte for byte: a frame played no part in finding them.
    const qsizetype at = m_group.members.indexOf(r.id);
    if (m_group.level != DuplicateLevel::Exact && at >= 0 && at < m_group.compared.size())
        outline->setRegion(m_group.compared[at]);
    m_grid->addWidget(view, 0, column);
    m_views.append(view);
    m_outlines.append(outline);
    m_cells.append(view);
    // Copies often share a name: then the folder tells them apart.
    const QFileInfo info(r.displayPath);
    const bool sameName = std::count_if(members.begin(), members.end(), [&](const CompareMember& o) {
        return QFileInfo(o.record.displayPath).fileName() == info.fileName();
    }) > 1;
    const QString name
        = sameName ? QStringLiteral("%1 (%2)").arg(info.fileName(), info.dir().dirName()) : info.fileName();
    auto* keep = new QRadioButton(m_strip);
    // A long name is shortened in the middle (copies differ at the end; the tooltip holds the path) rather
    // than widening its column: the pictures are compared at one scale.
    keep->setText(tr("Keep %1").arg(keep->fontMetrics().elidedText(name, Qt::ElideMiddle, kMinColumnWidth - 60)));
    keep->setToolTip(r.displayPath);
    keep->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    m_keep->addButton(keep, column);
    m_grid->addWidget(keep, 1, column);
    m_cells.append(keep);
}

void DuplicateCompare::showMembers(const QList<CompareMember>& members)
{
    const QLocale locale;
    for (int i = 0; i < members.size(); ++i)
        addPicture(i, members[i], members);
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
    if (std::count(m_group.toCheck.begin(), m_group.toCheck.end(), true) > 0) {
        QStringList match;
        for (const CompareMember& m : members)
            match << (m_group.toCheck.value(m_group.members.indexOf(m.record.id)) ? tr("check") : tr("confirmed"));
        addRow(8, QStringLiteral("match"), tr("Match"), match, {});
    }
    for (int i = 0; i < m_views.size(); ++i)
        m_grid->setColumnStretch(i, 1);
    m_grid->setRowStretch(0, 1);
    setKeeper(m_group.keeper);
    showReasons();
    // The suggested keeper is the picture to look at first, wherever it lies in a long strip.
    if (ImageView* keeper = m_views.value(m_group.keeper))
        m_scroll->ensureWidgetVisible(keeper, 0, 0);
}

void DuplicateCompare::showReasons()
{
    QStringList lines;
    if (!m_group.keeperReason.isEmpty())
        lines << tr("Suggested keeper: %1").arg(m_group.keeperReason.toHtmlEscaped());
    for (const QString& reason : m_group.reasons)
        lines << reason.toHtmlEscaped();
    for (int i = 0; i < m_group.files.size(); ++i)
        if (m_group.toCheck.value(i))
            lines << tr("<span style='color:#c62828'>Check before trashing</span>: %1 matches only on a search of "
                        "the small thumbnails or on one patch both photos share; on a picture with little in it "
                        "another photo can match that way.")
                         .arg(QFileInfo(m_group.files[i]).fileName().toHtmlEscaped());
    if (std::any_of(m_outlines.begin(), m_outlines.end(), [](const RegionOutline* o) { return o->isOutlined(); }))
        lines << tr("<span style='color:#b8860b'>Dashed outline</span>: the picture found inside a frame, border "
                    "or screen; the frame itself never counts as a likeness.");
    m_reasons->setText(lines.join(QStringLiteral("<br>")));
}

QString DuplicateCompare::reasonsText() const
{
    return m_reasons->text();
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
        auto* cell = new QLabel(text, m_strip);
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
