#pragma once
// The picture inside a frame, outlined over one compare view: when the engine stripped a border, mat,
// padding or screen chrome before comparing, the person sees which part was compared. Follows the
// view's zoom and pan; clicks pass through to the view. UI thread only.

#include "image/contentregion.h"
#include "pages/imageoverlay.h"

#include <QRectF>

namespace shoebox {

class ImageView;

class RegionOutline : public ImageOverlay {
    Q_OBJECT
public:
    explicit RegionOutline(ImageView* view);

    // A whole region draws nothing.
    void setRegion(const ContentRegion& region);
    const ContentRegion& region() const { return m_region; }
    bool isOutlined() const { return !m_region.isWhole(); }
    // Where the outline lies, in the view's coordinates (empty while nothing is drawn).
    QRectF outlineRect() const;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    ContentRegion m_region;
};

} // namespace shoebox
