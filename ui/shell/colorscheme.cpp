// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/colorscheme.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusReply>
#include <QDBusVariant>
#include <QStyle>
#include <QStyleFactory>

namespace shoebox {

namespace {

const QString kPortalService = QStringLiteral("org.freedesktop.portal.Desktop");
const QString kPortalPath = QStringLiteral("/org/freedesktop/portal/desktop");
const QString kPortalSettings = QStringLiteral("org.freedesktop.portal.Settings");
const QString kAppearance = QStringLiteral("org.freedesktop.appearance");
const QString kColorScheme = QStringLiteral("color-scheme");

// The portal's values: 0 no preference, 1 prefer dark, 2 prefer light.
ColorScheme::Scheme fromPortalValue(uint value)
{
    return value == 1 ? ColorScheme::Scheme::Dark
                      : (value == 2 ? ColorScheme::Scheme::Light : ColorScheme::Scheme::System);
}

} // namespace

ColorScheme::ColorScheme(QObject* parent)
    : QObject(parent)
    , m_platform(QApplication::palette())
{
    QDBusConnection::sessionBus().connect(kPortalService, kPortalPath, kPortalSettings,
        QStringLiteral("SettingChanged"), this, SLOT(onPortalSettingChanged(QString, QString, QDBusVariant)));
}

ColorScheme::Scheme ColorScheme::fromName(const QString& name)
{
    if (name == QLatin1String("dark"))
        return Scheme::Dark;
    if (name == QLatin1String("light"))
        return Scheme::Light;
    return Scheme::System;
}

void ColorScheme::apply(Scheme scheme)
{
    m_requested = scheme;
    setPalette(scheme == Scheme::System ? portalPreference() : scheme);
}

ColorScheme::Scheme ColorScheme::portalPreference()
{
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return Scheme::System;
    QDBusMessage call
        = QDBusMessage::createMethodCall(kPortalService, kPortalPath, kPortalSettings, QStringLiteral("Read"));
    call << kAppearance << kColorScheme;
    const QDBusReply<QVariant> reply = bus.call(call, QDBus::Block, 1000);
    if (!reply.isValid())
        return Scheme::System;
    // Read() wraps the value in one variant more than the setting has.
    QVariant value = reply.value();
    while (value.userType() == qMetaTypeId<QDBusVariant>())
        value = qvariant_cast<QDBusVariant>(value).variant();
    return fromPortalValue(value.toUInt());
}

void ColorScheme::onPortalSettingChanged(const QString& group, const QString& key, const QDBusVariant& value)
{
    if (m_requested == Scheme::System && group == kAppearance && key == kColorScheme)
        setPalette(fromPortalValue(value.variant().toUInt()));
}

void ColorScheme::setPalette(Scheme effective)
{
    if (effective == Scheme::System) {
        QApplication::setPalette(m_platform);
        return;
    }
    // Fusion draws every widget from the palette, so a dark palette gives a dark window everywhere.
    if (QApplication::style()->name().compare(QLatin1String("fusion"), Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(effective == Scheme::Dark ? darkPalette() : QApplication::style()->standardPalette());
}

QPalette ColorScheme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2b, 0x2e), base(0x1e, 0x1e, 0x20), text(0xe8, 0xe8, 0xea);
    const QColor disabled(0x7f, 0x7f, 0x84), highlight(0x3d, 0x7e, 0xd8);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(0x35, 0x35, 0x39));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x45, 0x45, 0x4a));
    p.setColor(QPalette::Midlight, QColor(0x3a, 0x3a, 0x3f));
    p.setColor(QPalette::Mid, QColor(0x25, 0x25, 0x28));
    p.setColor(QPalette::Dark, QColor(0x18, 0x18, 0x1a));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6a, 0xa8, 0xff));
    p.setColor(QPalette::LinkVisited, QColor(0xb0, 0x8c, 0xff));
    for (auto role : { QPalette::WindowText, QPalette::Text, QPalette::ButtonText })
        p.setColor(QPalette::Disabled, role, disabled);
    return p;
}

} // namespace shoebox
