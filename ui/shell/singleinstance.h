// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// One Shoebox window per library and user: a second `shoebox` passes its files to the running one
// (which raises its window and imports them) and exits. A QLocalServer named after the user and the
// library carries the file list. UI thread only.

#include <QObject>
#include <QStringList>

class QLocalServer;
class QLocalSocket;

namespace shoebox {

class SingleInstance : public QObject {
    Q_OBJECT
public:
    explicit SingleInstance(QString serverName, QObject* parent = nullptr);

    // The server name for a library: per user, per library file.
    static QString serverName(const QString& libraryPath);

    // True when a running instance took the files (absolute paths); this process may exit.
    bool sendToRunning(const QStringList& files, int timeoutMs = 3000);
    // Becomes the running instance. A socket left by a crashed instance is replaced.
    bool listen();

Q_SIGNALS:
    // Another start asked to be this window, with files to import (maybe none).
    void activated(const QStringList& files);

private:
    void readClient(QLocalSocket* socket);

    QString m_name;
    QLocalServer* m_server = nullptr;
};

} // namespace shoebox
