// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Follows the desktop's light or dark preference. Qt 6.4's platform themes give KDE's palette but not
// GNOME's dark preference, so the XDG desktop portal's org.freedesktop.appearance color-scheme is read
// at start and followed when it changes; `--color-scheme` overrides it. UI thread only.

#include <QObject>
#include <QPalette>

class QDBusVariant;

namespace shoebox {

class ColorScheme : public QObject {
    Q_OBJECT
public:
    enum class Scheme { System, Light, Dark };

    explicit ColorScheme(QObject* parent = nullptr);

    // "light", "dark", or anything else for System.
    static Scheme fromName(const QString& name);
    // Applies scheme: Dark and Light set a palette, System asks the portal and follows it.
    void apply(Scheme scheme);
    // The portal's preference: Dark, Light, or System when there is no preference or no portal.
    static Scheme portalPreference();
    static QPalette darkPalette();

private Q_SLOTS:
    void onPortalSettingChanged(const QString& group, const QString& key, const QDBusVariant& value);

private:
    void setPalette(Scheme effective);

    Scheme m_requested = Scheme::System;
    QPalette m_platform; // the platform theme's own palette, for "no preference"
};

} // namespace shoebox
