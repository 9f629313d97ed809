#pragma once
// Paints a photo's marks on its thumbnail: a heart for a favourite (top right), its stars (bottom
// left) and a pick or reject flag (top right, left of the heart). UI thread only (it paints).

#include <QFont>
#include <QRect>

class QPainter;

namespace shoebox {

class MarkBadgePainter {
public:
    // box: the thumbnail's cell; flag: 1 picked, -1 rejected, 0 none.
    static void paint(QPainter* painter, const QRect& box, const QFont& font, bool favourite, int rating, int flag);
};

} // namespace shoebox
