#include "people/peoplepage.h"

#include "background.h"
#include "catalog/photostore.h"
#include "people/facestore.h"
#include "people/peopleservice.h"

#include <QDropEvent>
#include <QEvent>
#include <QImageReader>
#include <QInputDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMenu>
#include <QPainter>
#include <QPainterPath>
#include <QVBoxLayout>

namespace shoebox {

namespace {

constexpr int kIdRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;

// The face of a person's cover, read from the original (scaled down while decoding when it is large).
QImage coverFace(const QString& library, qint64 faceId)
{
    const StoredFace face = FaceStore(library).face(faceId);
    if (face.id == 0)
        return {};
    const auto photo = PhotoStore(library).photoById(face.photoId);
    if (!photo)
        return {};
    QImageReader reader(QString::fromUtf8(photo->path));
    reader.setAutoTransform(true); // boxes are on the upright image
    const QSize size = reader.size();
    const double longest = std::max(size.width(), size.height());
    // Enough pixels for the face to fill the thumbnail, no more.
    const double faceSide = std::max(face.box.width() * size.width(), face.box.height() * size.height());
    if (faceSide > 2.0 * PeoplePage::kFaceSize && longest > 0)
        reader.setScaledSize(size * (2.0 * PeoplePage::kFaceSize / faceSide));
    return PeoplePage::roundFace(reader.read(), face.box);
}

} // namespace

struct PeoplePage::Loaded {
    QList<Person> people;
    QList<QImage> faces; // same order; null when unreadable
};

PeoplePage::PeoplePage(QWidget* parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("peoplePage"));
    QFont f = m_title->font();
    f.setPointSizeF(f.pointSizeF() * 1.4);
    f.setBold(true);
    m_title->setFont(f);
    m_hint->setWordWrap(true);
    m_list->setObjectName(QStringLiteral("peopleList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kFaceSize, kFaceSize));
    m_list->setGridSize(QSize(kFaceSize + 48, kFaceSize + 52));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragEnabled(true);
    m_list->setDragDropMode(QAbstractItemView::DragDrop);
    m_list->viewport()->setAcceptDrops(true);
    m_list->viewport()->installEventFilter(this);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_hint);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListWidget::itemActivated, this, &PeoplePage::openPerson);
    connect(m_list, &QWidget::customContextMenuRequested, this, &PeoplePage::showMenu);
    retranslate();
}

QImage PeoplePage::roundFace(const QImage& upright, const QRectF& box, int size)
{
    if (upright.isNull() || box.isEmpty())
        return {};
    // A little more than the box: hair and chin make a face recognisable.
    const QRectF px(box.x() * upright.width(), box.y() * upright.height(), box.width() * upright.width(),
        box.height() * upright.height());
    const double side = 1.4 * std::max(px.width(), px.height());
    const QRect square = QRectF(px.center().x() - side / 2, px.center().y() - side / 2, side, side).toAlignedRect();
    const QImage crop = upright.copy(square).scaled(size, size, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    QImage out(size, size, QImage::Format_ARGB32_Premultiplied);
    out.fill(Qt::transparent);
    QPainter p(&out);
    p.setRenderHint(QPainter::Antialiasing);
    QPainterPath circle;
    circle.addEllipse(QRectF(0, 0, size, size));
    p.setClipPath(circle);
    p.drawImage(0, 0, crop);
    return out;
}

void PeoplePage::reload()
{
    if (m_library.isEmpty())
        return;
    if (m_loading) {
        m_reloadAgain = true;
        return;
    }
    m_loading = true;
    runInBackground(
        this,
        [library = m_library] {
            Loaded data;
            data.people = PersonStore(library).people();
            for (const Person& p : data.people)
                data.faces << coverFace(library, p.coverFaceId);
            return data;
        },
        [this](const Loaded& data) {
            m_loading = false;
            present(data);
            if (m_reloadAgain) {
                m_reloadAgain = false;
                reload();
                return;
            }
            Q_EMIT loaded();
        });
}

void PeoplePage::present(const Loaded& data)
{
    m_list->clear();
    const QLocale locale;
    for (int i = 0; i < data.people.size(); ++i) {
        const Person& p = data.people[i];
        const QString name = p.name.isEmpty() ? tr("Unnamed") : p.name;
        auto* item = new QListWidgetItem(
            QStringLiteral("%1\n%2").arg(name, tr("%n photo(s)", nullptr, int(p.photos))), m_list);
        item->setData(kIdRole, p.id);
        item->setData(kNameRole, p.name);
        item->setToolTip(p.reason);
        item->setTextAlignment(Qt::AlignHCenter | Qt::AlignTop);
        if (!data.faces.value(i).isNull())
            item->setIcon(QIcon(QPixmap::fromImage(data.faces[i])));
    }
    m_hint->setVisible(data.people.isEmpty());
}

void PeoplePage::openPerson(QListWidgetItem* item)
{
    if (!item)
        return;
    const qint64 id = item->data(kIdRole).toLongLong();
    const QString name = item->data(kNameRole).toString();
    runInBackground(
        this, [library = m_library, id] { return PersonStore(library).photosOf(id); },
        [this, name](
            const QVector<qint64>& ids) { Q_EMIT photosRequested(name.isEmpty() ? tr("Unnamed person") : name, ids); });
}

void PeoplePage::showMenu(const QPoint& pos)
{
    QListWidgetItem* item = m_list->itemAt(pos);
    if (!item)
        return;
    const qint64 id = item->data(kIdRole).toLongLong();
    const QString name = item->data(kNameRole).toString();
    QMenu menu(this);
    menu.addAction(tr("Show Photos"), this, [this, item] { openPerson(item); });
    menu.addAction(name.isEmpty() ? tr("Name…") : tr("Rename…"), this, [this, id, name] {
        bool ok = false;
        const QString typed = QInputDialog::getText(this, tr("Name"), tr("Who is this?"), QLineEdit::Normal, name, &ok);
        if (ok)
            renamePerson(id, typed);
    });
    QMenu* merge = menu.addMenu(tr("Merge Into"));
    for (int i = 0; i < m_list->count(); ++i) {
        const QListWidgetItem* other = m_list->item(i);
        const qint64 otherId = other->data(kIdRole).toLongLong();
        if (otherId != id)
            merge->addAction(other->text().section(QLatin1Char('\n'), 0, 0), this,
                [this, id, otherId] { mergePeople(id, otherId); });
    }
    menu.addAction(tr("Hide"), this, [this, id] { hidePerson(id); });
    menu.exec(m_list->viewport()->mapToGlobal(pos));
}

void PeoplePage::runAction(std::function<bool(QString*)> action, const QString& done)
{
    runInBackground(
        this,
        [action] {
            QString error;
            return action(&error) ? QString() : error;
        },
        [this, done](const QString& error) {
            Q_EMIT changed(error.isEmpty() ? done : error);
            reload();
        });
}

void PeoplePage::renamePerson(qint64 personId, const QString& name)
{
    runAction(
        [library = m_library, personId, name](QString* e) { return PeopleService(library).rename(personId, name, e); },
        tr("Named %1").arg(name));
}

void PeoplePage::mergePeople(qint64 from, qint64 into)
{
    runAction([library = m_library, from, into](QString* e) { return PeopleService(library).merge(from, into, e); },
        tr("People merged"));
}

void PeoplePage::hidePerson(qint64 personId)
{
    runAction(
        [library = m_library, personId](QString* e) { return PeopleService(library).setHidden(personId, true, e); },
        tr("Person hidden"));
}

bool PeoplePage::eventFilter(QObject* watched, QEvent* event)
{
    // A person dropped onto another is merged into them; the list never reorders itself.
    if (watched == m_list->viewport() && event->type() == QEvent::Drop) {
        auto* drop = static_cast<QDropEvent*>(event);
        const QListWidgetItem* target = m_list->itemAt(drop->position().toPoint());
        const QListWidgetItem* dragged = m_list->currentItem();
        drop->setDropAction(Qt::IgnoreAction);
        drop->accept();
        if (target && dragged && target != dragged)
            mergePeople(dragged->data(kIdRole).toLongLong(), target->data(kIdRole).toLongLong());
        return true;
    }
    return QWidget::eventFilter(watched, event);
}

void PeoplePage::retranslate()
{
    m_title->setText(tr("People"));
    m_hint->setText(tr("No people yet. Faces are found while photos are tagged; three or more faces of "
                       "someone make a person."));
}

void PeoplePage::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace shoebox
