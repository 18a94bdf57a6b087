#include "app/SingleInstance.h"

#include <QCryptographicHash>
#include <QDir>
#include <QLocalServer>
#include <QLocalSocket>

namespace occ {

SingleInstance::SingleInstance(QString name, QObject* parent)
    : QObject(parent)
    , m_name(std::move(name))
{ }

SingleInstance::~SingleInstance() = default;

QString SingleInstance::defaultName()
{
    // Per user (and per config, so a test config does not collide with the real app).
    const QByteArray who = QDir::homePath().toUtf8() + '\0' + qgetenv("USER") + '\0' + qgetenv("OCC_CONFIG");
    return QStringLiteral("opencode-cloud-")
        + QString::fromLatin1(QCryptographicHash::hash(who, QCryptographicHash::Sha256).toHex().left(16));
}

bool SingleInstance::notifyRunning() const
{
    QLocalSocket socket;
    socket.connectToServer(m_name);
    if (!socket.waitForConnected(500)) {
        return false;
    }
    socket.write("show\n");
    socket.waitForBytesWritten(500);
    // Wait for the answer so the first instance really got it before we exit.
    socket.waitForReadyRead(1000);
    socket.disconnectFromServer();
    return true;
}

bool SingleInstance::claim()
{
    if (notifyRunning()) {
        return false;
    }
    m_server = new QLocalServer(this);
    m_server->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_server->listen(m_name)) {
        // A socket file left by a crashed instance: nobody answered above, so it is stale.
        QLocalServer::removeServer(m_name);
        m_server->listen(m_name);
    }
    connect(m_server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket* socket = m_server->nextPendingConnection()) {
            connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
            connect(socket, &QLocalSocket::readyRead, this, [this, socket] {
                if (socket->canReadLine() && socket->readLine().trimmed() == "show") {
                    socket->write("ok\n");
                    Q_EMIT showRequested();
                }
            });
        }
    });
    return true;
}

} // namespace occ
