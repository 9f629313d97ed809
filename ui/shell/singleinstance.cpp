// SPDX-License-Identifier: GPL-3.0-or-later
#include "shell/singleinstance.h"

#include <QCryptographicHash>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>

#include <unistd.h>

namespace shoebox {

SingleInstance::SingleInstance(QString serverName, QObject* parent)
    : QObject(parent)
    , m_name(std::move(serverName))
{
}

QString SingleInstance::serverName(const QString& libraryPath)
{
    const QByteArray library = QFileInfo(libraryPath).absoluteFilePath().toUtf8();
    const QByteArray hash = QCryptographicHash::hash(library, QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("shoebox-%1-%2").arg(getuid()).arg(QString::fromLatin1(hash));
}

bool SingleInstance::sendToRunning(const QStringList& files, int timeoutMs)
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(timeoutMs))
        return false;
    QJsonArray list;
    for (const QString& f : files)
        list.append(QFileInfo(f).absoluteFilePath());
    socket.write(QJsonDocument(list).toJson(QJsonDocument::Compact) + '\n');
    if (!socket.waitForBytesWritten(timeoutMs))
        return false;
    // The running instance answers once it has the list, so nothing is lost when this process exits.
    return socket.waitForReadyRead(timeoutMs) && socket.readAll().startsWith("ok");
}

bool SingleInstance::listen()
{
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // Nobody answered sendToRunning(): the socket file is a crashed instance's leftover.
        QLocalServer::removeServer(m_name);
        if (!m_server->listen(m_name))
            return false;
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] { readClient(socket); });
        }
    });
    return true;
}

void SingleInstance::readClient(QLocalSocket* socket)
{
    if (!socket->canReadLine())
        return;
    const QJsonArray list = QJsonDocument::fromJson(socket->readLine()).array();
    QStringList files;
    for (const auto& v : list)
        if (!v.toString().isEmpty())
            files << v.toString();
    socket->write("ok\n");
    socket->flush();
    Q_EMIT activated(files);
}

} // namespace shoebox
