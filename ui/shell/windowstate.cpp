// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/windowstate.h"

#include <QEvent>
#include <QMainWindow>
#include <QSettings>
#include <QSplitter>

namespace shoebox {

namespace {
const QString kGeometry = QStringLiteral("window/geometry");
const QString kState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
} // namespace

WindowState::WindowState(QMainWindow* window, QSplitter* splitter)
    : QObject(window)
    , m_window(window)
    , m_splitter(splitter)
{
    window->installEventFilter(this);
}

bool WindowState::restore()
{
    const QSettings settings;
    const QByteArray geometry = settings.value(kGeometry).toByteArray();
    if (geometry.isEmpty() || !m_window)
        return false;
    // restoreGeometry() keeps the window on a screen that still exists.
    m_window->restoreGeometry(geometry);
    m_window->restoreState(settings.value(kState).toByteArray());
    if (m_splitter)
        m_splitter->restoreState(settings.value(kSplitter).toByteArray());
    return true;
}

void WindowState::save() const
{
    if (!m_window)
        return;
    QSettings settings;
    settings.setValue(kGeometry, m_window->saveGeometry());
    settings.setValue(kState, m_window->saveState());
    if (m_splitter)
        settings.setValue(kSplitter, m_splitter->saveState());
}

void WindowState::clear()
{
    QSettings settings;
    for (const QString& key : { kGeometry, kState, kSplitter })
        settings.remove(key);
}

bool WindowState::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_window && event->type() == QEvent::Close)
        save();
    return QObject::eventFilter(watched, event);
}

} // namespace shoebox
