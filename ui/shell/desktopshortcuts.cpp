// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/desktopshortcuts.h"

#include "shell/mainwindow.h"
#include "shell/searchbar.h"

#include <QAction>
#include <QEvent>
#include <QMenu>

namespace shoebox {

namespace {

// The menu an action of the window sits in (the View menu for "toggleInfo").
QMenu* menuOf(MainWindow* window, const char* actionName)
{
    auto* action = window->findChild<QAction*>(QLatin1String(actionName));
    if (!action)
        return nullptr;
    for (QObject* o : action->associatedObjects())
        if (auto* menu = qobject_cast<QMenu*>(o))
            return menu;
    return nullptr;
}

// The platform's binding, or the common one where the platform has none (X11 has no Full Screen key).
QKeySequence standardOr(QKeySequence::StandardKey key, const QKeySequence& fallback)
{
    const QList<QKeySequence> bindings = QKeySequence::keyBindings(key);
    return bindings.isEmpty() ? fallback : bindings.first();
}

} // namespace

DesktopShortcuts::DesktopShortcuts(MainWindow* window)
    : QObject(window)
    , m_window(window)
    , m_find(new QAction(window))
    , m_fullScreen(new QAction(window))
{
    m_find->setObjectName(QStringLiteral("find"));
    m_find->setShortcut(standardOr(QKeySequence::Find, QKeySequence(Qt::CTRL | Qt::Key_F)));
    m_fullScreen->setObjectName(QStringLiteral("fullScreen"));
    m_fullScreen->setShortcut(standardOr(QKeySequence::FullScreen, QKeySequence(Qt::Key_F11)));
    m_fullScreen->setCheckable(true);
    window->addActions({ m_find, m_fullScreen });
    if (QMenu* view = menuOf(window, "toggleInfo")) {
        view->addSeparator();
        view->addAction(m_fullScreen);
    }
    if (QMenu* edit = menuOf(window, "selectAll"))
        edit->insertAction(edit->actions().value(0), m_find);
    if (auto* preferences = window->findChild<QAction*>(QStringLiteral("preferences"))) {
        const QList<QKeySequence> platform = QKeySequence::keyBindings(QKeySequence::Preferences);
        if (!platform.isEmpty())
            preferences->setShortcut(platform.first());
    }
    connect(m_find, &QAction::triggered, this, [this] {
        m_window->searchBar()->setFocus(Qt::ShortcutFocusReason);
        m_window->searchBar()->selectAll();
    });
    connect(m_fullScreen, &QAction::toggled, this,
        [this](bool on) { m_window->setWindowState(m_window->windowState().setFlag(Qt::WindowFullScreen, on)); });
    window->installEventFilter(this);
    retranslate();
}

bool DesktopShortcuts::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::LanguageChange)
        retranslate();
    if (watched == m_window && event->type() == QEvent::WindowStateChange)
        m_fullScreen->setChecked(m_window->isFullScreen()); // also when the window manager changed it
    return QObject::eventFilter(watched, event);
}

void DesktopShortcuts::retranslate()
{
    m_find->setText(tr("&Find…"));
    m_fullScreen->setText(tr("F&ull Screen"));
}

} // namespace shoebox
