#pragma once
// The few icons the UI needs, painted in code: this Qt has no SVG plugin, and painted icons stay sharp
// at every device pixel ratio without shipping bitmaps. UI thread only (they create pixmaps).

#include <QIcon>

namespace shoebox::icons {

QIcon app();
QIcon photos();
QIcon timeline();
QIcon tag();
QIcon place();
QIcon people();
QIcon folder();
QIcon back();
QIcon duplicates();
QIcon search();
// The app icon as an image of the given size (for the window and the first-run page).
QPixmap appPixmap(int size);

} // namespace shoebox::icons
