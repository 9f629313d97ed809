#include "thumbnailview/gridheaderpainter.h"

#include "thumbnailview/photogridview.h"
#include "tuning.h"

#include <QPainter>
#include <QPalette>

namespace shoebox {

void GridHeaderPainter::paint(QPainter& p, const GridSection& section, const QRect& band, int x, const QFont& baseFont,
    const QPalette& palette, bool pinned)
{
    if (pinned) {
        QColor bg = palette.color(QPalette::Base);
        bg.setAlpha(235);
        p.fillRect(band, bg);
    }
    QFont font = baseFont;
    int y = band.top();
    if (!section.yearTitle.isEmpty()) {
        QFont big = font;
        big.setPointSizeF(font.pointSizeF() * 1.6);
        big.setBold(true);
        p.setFont(big);
        p.setPen(palette.color(QPalette::Text));
        p.drawText(QRect(x, y + 4, band.width() - 2 * x, 30), Qt::AlignLeft | Qt::AlignVCenter, section.yearTitle);
        y += tuning::kYearHeaderHeight - tuning::kMonthHeaderHeight;
    }
    font.setBold(true);
    p.setFont(font);
    p.setPen(palette.color(QPalette::Text));
    const QRect line(x, y, band.width() - 2 * x, tuning::kMonthHeaderHeight);
    p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, section.title);
    font.setBold(false);
    p.setFont(font);
    p.setPen(palette.color(QPalette::PlaceholderText));
    p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, section.countText);
}

} // namespace shoebox
