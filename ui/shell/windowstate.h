// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Remembers the main window's geometry, tool bar state and splitter sizes between runs (QSettings):
// restore() at start, saved when the window closes. UI thread only.

#include <QObject>
#include <QPointer>

class QMainWindow;
class QSplitter;

namespace shoebox {

class WindowState : public QObject {
    Q_OBJECT
public:
    // Watches window for its close; splitter may be null.
    WindowState(QMainWindow* window, QSplitter* splitter);

    // False when nothing was saved yet (the window keeps its default size).
    bool restore();
    void save() const;
    // Forgets what was saved: a start after crashes begins from the defaults.
    static void clear();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QPointer<QMainWindow> m_window;
    QPointer<QSplitter> m_splitter;
};

} // namespace shoebox
