#include "people/faceoverlay.h"

#include "background.h"
#include "pages/imageview.h"
#include "people/facestore.h"
#include "people/peopleservice.h"
#include "people/personstore.h"

#include <QInputDialog>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>

namespace shoebox {

FaceOverlay::FaceOverlay(ImageView* view)
    : ImageOverlay(view)
{
    setObjectName(QStringLiteral("faceOverlay")); // the filter below picks out clicks on a box
}

void FaceOverlay::showPhoto(const QString& library, qint64 photoId)
{
    m_library = library;
    m_photo = photoId;
    m_boxes.clear();
    update();
    if (photoId <= 0 || library.isEmpty())
        return;
    runInBackground(
        this,
        [library, photoId] {
            QList<Box> boxes;
            PersonStore people(library);
            for (const StoredFace& f : FaceStore(library).facesOfPhoto(photoId))
                boxes.append({ f.id, f.box, f.personId > 0 ? people.person(f.personId).name : QString(), f.personId });
            return boxes;
        },
        [this, photoId](const QList<Box>& boxes) {
            if (photoId != m_photo)
                return; // the viewer moved on
            m_boxes = boxes;
            update();
            Q_EMIT facesShown();
        });
}

int FaceOverlay::faceAt(const QPointF& pos) const
{
    for (int i = 0; i < m_boxes.size(); ++i)
        if (toView(m_boxes[i].box).contains(pos))
            return i;
    return -1;
}

void FaceOverlay::paintEvent(QPaintEvent*)
{
    if (view()->image().isNull())
        return;
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    for (const Box& b : m_boxes) {
        const QRectF r = toView(b.box);
        p.setPen(QPen(QColor(255, 255, 255, 220), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRoundedRect(r, 4, 4);
        const QString label = b.name.isEmpty() ? tr("Who is this?") : b.name;
        const QRectF text(r.left(), r.bottom() + 4, fm.horizontalAdvance(label) + 12, fm.height() + 4);
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0, 0, 0, 160));
        p.drawRoundedRect(text, 3, 3);
        p.setPen(Qt::white);
        p.drawText(text, Qt::AlignCenter, label);
    }
}

bool FaceOverlay::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != view() || event->type() != QEvent::MouseButtonPress)
        return ImageOverlay::eventFilter(watched, event);
    auto* mouse = static_cast<QMouseEvent*>(event);
    const int i = faceAt(mouse->position());
    if (i < 0)
        return false;
    const Box box = m_boxes[i];
    if (mouse->button() == Qt::LeftButton) {
        askName(box);
    } else if (mouse->button() == Qt::RightButton) {
        QMenu menu(view());
        menu.addAction(tr("Name…"), this, [this, box] { askName(box); });
        if (box.personId > 0)
            menu.addAction(box.name.isEmpty() ? tr("Not This Person") : tr("Not %1").arg(box.name), this,
                [this, box] { rejectFace(box.faceId); });
        menu.exec(mouse->globalPosition().toPoint());
    }
    return true;
}

void FaceOverlay::askName(const Box& box)
{
    bool ok = false;
    const QString name
        = QInputDialog::getText(view(), tr("Name"), tr("Who is this?"), QLineEdit::Normal, box.name, &ok);
    if (ok && !name.trimmed().isEmpty())
        nameFace(box.faceId, name);
}

void FaceOverlay::nameFace(qint64 faceId, const QString& name)
{
    runInBackground(
        this,
        [library = m_library, faceId, name] {
            QString error;
            return PeopleService(library).nameFace(faceId, name, &error) > 0 ? QString() : error;
        },
        [this, name](const QString& error) {
            Q_EMIT changed(error.isEmpty() ? tr("Named %1").arg(name) : error);
            showPhoto(m_library, m_photo);
        });
}

void FaceOverlay::rejectFace(qint64 faceId)
{
    runInBackground(
        this,
        [library = m_library, faceId] {
            QString error;
            return PeopleService(library).rejectFace(faceId, &error) ? QString() : error;
        },
        [this](const QString& error) {
            Q_EMIT changed(error.isEmpty() ? tr("Face removed from that person") : error);
            showPhoto(m_library, m_photo);
        });
}

} // namespace shoebox
