#include "core/transport/LocalSocketChannel.h"

#include "core/transport/DockerEndpoint.h"

namespace occ {

LocalSocketChannel::LocalSocketChannel(QString serverName, QObject* parent)
    : EngineChannel(parent)
    , m_serverName(std::move(serverName))
    , m_socket(new QLocalSocket(this))
{
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        Q_EMIT opened();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &LocalSocketChannel::readyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, &LocalSocketChannel::bytesWritten);
    connect(m_socket, &QLocalSocket::disconnected, this, [this] { Q_EMIT closed({}); });
    connect(m_socket, &QLocalSocket::errorOccurred, this, &LocalSocketChannel::handleError);
}

LocalSocketChannel::~LocalSocketChannel() = default;

QString LocalSocketChannel::serverNameFor(const DockerEndpoint& endpoint)
{
    QString name = endpoint.address;
    if (endpoint.kind == DockerEndpoint::Kind::NamedPipe) {
        name.replace(QLatin1Char('/'), QLatin1Char('\\'));
    }
    return name;
}

void LocalSocketChannel::open()
{
    m_socket->connectToServer(m_serverName, QIODevice::ReadWrite);
}

QByteArray LocalSocketChannel::readAvailable()
{
    return m_socket->readAll();
}

void LocalSocketChannel::close()
{
    m_socket->disconnect(this);
    disconnect();
    m_socket->abort();
}

void LocalSocketChannel::handleError(QLocalSocket::LocalSocketError error)
{
    const ChannelFailure failure = failureFor(error, m_serverName, m_socket->errorString(), m_connected);
    if (failure.isNull()) {
        Q_EMIT closed({});
    } else {
        Q_EMIT failed(failure);
    }
}

ChannelFailure LocalSocketChannel::failureFor(QLocalSocket::LocalSocketError error, const QString& serverName,
                                              const QString& errorString, bool connected)
{
    switch (error) {
    case QLocalSocket::PeerClosedError:
        return {};
    case QLocalSocket::ServerNotFoundError:
        return {QNetworkReply::HostNotFoundError, TransportError::EngineMissing,
                tr("No Docker engine at %1: is Docker installed and running?").arg(serverName)};
    case QLocalSocket::SocketAccessError:
        return {QNetworkReply::ContentAccessDenied, TransportError::PermissionDenied,
                tr("Permission denied on %1: is your user in the docker group?").arg(serverName)};
    case QLocalSocket::ConnectionRefusedError:
        return {QNetworkReply::ConnectionRefusedError, TransportError::ConnectionRefused,
                tr("Nothing accepts connections on %1: is the Docker engine running?").arg(serverName)};
    case QLocalSocket::SocketTimeoutError:
        return {QNetworkReply::TimeoutError, TransportError::Timeout, tr("Connecting to %1 timed out").arg(serverName)};
    default:
        // Once connected, any other error (a broken pipe, a reset) is the engine's side going away.
        if (connected) {
            return {};
        }
        return {QNetworkReply::UnknownNetworkError, TransportError::ConnectionRefused,
                tr("Could not connect to %1: %2").arg(serverName, errorString)};
    }
}

} // namespace occ
