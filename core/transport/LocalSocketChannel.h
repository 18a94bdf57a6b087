#pragma once

#include "core/transport/EngineChannel.h"

#include <QLocalSocket>

namespace occ {

// A QLocalSocket to the engine: a unix socket, or a named pipe on Windows.
class LocalSocketChannel : public EngineChannel
{
    Q_OBJECT
public:
    explicit LocalSocketChannel(QString serverName, QObject* parent = nullptr);
    ~LocalSocketChannel() override;

    // The name QLocalSocket wants for the endpoint: the socket path, or for npipe:////./pipe/docker_engine
    // (address //./pipe/docker_engine) Windows' \\.\pipe\docker_engine.
    static QString serverNameFor(const DockerEndpoint& endpoint);
    // What a socket error means for a request to serverName: a failure, or null when it is only the
    // engine closing its end (the reply then decides whether the response was complete). `connected`
    // says whether the connection had been made.
    static ChannelFailure failureFor(QLocalSocket::LocalSocketError error, const QString& serverName,
                                     const QString& errorString, bool connected);

    void open() override;
    QIODevice* device() const override { return m_socket; }
    QByteArray readAvailable() override;
    void close() override;

private:
    void handleError(QLocalSocket::LocalSocketError error);

    QString m_serverName;
    QLocalSocket* m_socket = nullptr;
    bool m_connected = false;
};

} // namespace occ
