// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// A transparent layer over an ImageView for what is drawn on the photo (face boxes, the region a
// duplicate comparison used): it covers the view and follows its size, zoom and pan, lets clicks
// through to the view, and maps rectangles normalised to the upright photo onto the view.
// Subclasses paint; RegionOutline and FaceOverlay share this set-up. UI thread only.

#include <QRectF>
#include <QWidget>

namespace shoebox {

class ImageView;

class ImageOverlay : public QWidget {
    Q_OBJECT
public:
    explicit ImageOverlay(ImageView* view);

    ImageView* view() const { return m_view; }
    // A rectangle given in shares of the photo (0..1), in the view's coordinates as shown now.
    QRectF toView(const QRectF& normalised) const;

protected:
    // Follows the view's size; subclasses that filter more of the view's events call this first.
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    ImageView* m_view;
};

} // namespace shoebox
