#pragma once
// The faces of the photo in the viewer (issue 12): a box around each face with the person's name,
// drawn over the ImageView and following its zoom and pan. A click on a box asks for a name (an
// existing person of that name, else the face's cluster is named); the right button also offers
// "Not this person". Faces load and actions run through core's stores and PeopleService off the UI
// thread. UI thread only.

#include "pages/imageoverlay.h"

#include <QList>
#include <QRectF>

namespace shoebox {

class ImageView;

class FaceOverlay : public ImageOverlay {
    Q_OBJECT
public:
    struct Box {
        qint64 faceId = 0;
        QRectF box; // normalised to the upright photo
        QString name; // empty: nobody or unnamed
        qint64 personId = 0;
    };

    explicit FaceOverlay(ImageView* view);

    // Shows the faces of this photo (0 clears them).
    void showPhoto(const QString& library, qint64 photoId);
    const QList<Box>& boxes() const { return m_boxes; }
    // The face under a point of the image view, or -1.
    int faceAt(const QPointF& pos) const;
    void nameFace(qint64 faceId, const QString& name);
    void rejectFace(qint64 faceId);

Q_SIGNALS:
    void facesShown();
    // An action finished: what happened, or why not.
    void changed(const QString& message);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void askName(const Box& box);

    QString m_library;
    qint64 m_photo = 0;
    QList<Box> m_boxes;
};

} // namespace shoebox
