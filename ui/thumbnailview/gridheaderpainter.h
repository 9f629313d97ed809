#pragma once
// Paints the header band of a grid section: the year title on a year's first month, the month title
// on the left and the photo count on the right; a pinned header gets an almost opaque background so
// the thumbnails scrolling under it stay out of the way. UI thread only (it paints).

class QFont;
class QPainter;
class QPalette;
class QRect;

namespace shoebox {

struct GridSection;

class GridHeaderPainter {
public:
    // band: the header's rectangle in viewport coordinates; x: where the titles start.
    static void paint(QPainter& p, const GridSection& section, const QRect& band, int x, const QFont& baseFont,
        const QPalette& palette, bool pinned);
};

} // namespace shoebox
