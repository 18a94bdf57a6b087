#include "support/FakeHealthServer.h"

#include <QMutexLocker>
#include <QTcpServer>
#include <QTcpSocket>

#include <memory>

namespace occ::test {

FakeHealthServer::FakeHealthServer()
{
    start();
    m_listening.acquire();
}

FakeHealthServer::~FakeHealthServer()
{
    quit();
    wait();
}

QList<QByteArray> FakeHealthServer::requests() const
{
    QMutexLocker lock(&m_mutex);
    return m_requests;
}

void FakeHealthServer::run()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    m_port = server.serverPort();
    QObject::connect(&server, &QTcpServer::newConnection, &server, [this, &server] { serve(&server); });
    m_listening.release();
    exec();
}

void FakeHealthServer::serve(QTcpServer* server)
{
    while (QTcpSocket* socket = server->nextPendingConnection()) {
        ++m_connections;
        auto buffer = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            const int headEnd = buffer->indexOf("\r\n\r\n");
            if (headEnd < 0) {
                return;
            }
            {
                QMutexLocker lock(&m_mutex);
                m_requests.append(buffer->left(headEnd));
            }
            const int status = m_status;
            if (status != CloseWithoutAnswer) {
                const QByteArray body = status == 200 ? QByteArray(R"({"healthy":true})") : QByteArray();
                socket->write("HTTP/1.1 " + QByteArray::number(status)
                              + " X\r\nContent-Type: application/json\r\n"
                                "Content-Length: "
                              + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                socket->flush();
            }
            socket->disconnectFromHost();
        });
    }
}

} // namespace occ::test
