// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// The desktop's standard shortcuts that the window's own actions lack: Find (to the search field),
// Full Screen (in the View menu), and the platform's Preferences key where it has one. UI thread only.

#include <QObject>

class QAction;

namespace shoebox {

class MainWindow;

class DesktopShortcuts : public QObject {
    Q_OBJECT
public:
    explicit DesktopShortcuts(MainWindow* window);

    QAction* find() const { return m_find; }
    QAction* fullScreen() const { return m_fullScreen; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void retranslate();

    MainWindow* m_window;
    QAction* m_find;
    QAction* m_fullScreen;
};

} // namespace shoebox
