#include "core/service/HealthProbe.h"

#include "core/transport/HttpResponseParser.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QUrl>

namespace occ {

// One GET over a plain QTcpSocket with blocking waits: a probe is one small request to this machine,
// and skipping QNetworkAccessManager (its thread, its cache, its cookie jar) makes `occ status` about
// 5 ms faster. Callers run it from the CLI or a worker thread, never from a GUI thread.
HealthProbe::HealthProbe(const QString& baseUrl)
{
    const QUrl url(baseUrl);
    if (!url.isValid() || url.scheme() != QLatin1String("http")) {
        m_error = QStringLiteral("cannot probe %1: only http:// URLs are probed directly").arg(baseUrl);
        return;
    }
    m_authority = url.authority();
    m_socket = std::make_unique<QTcpSocket>();
    // Non-blocking: an IP address connects without a lookup, and the handshake completes in the kernel (or
    // while the caller's event loop waits for something else).
    m_socket->connectToHost(url.host(), static_cast<quint16>(url.port(80)));
}

HealthProbe::~HealthProbe()
{
    if (m_socket) {
        m_socket->abort();
    }
}

HealthProbe::Result HealthProbe::request(const QString& username, const QString& password, int timeoutMs)
{
    Result result;
    if (!m_socket) {
        result.error = m_error;
        return result;
    }
    QTcpSocket& socket = *m_socket;
    QDeadlineTimer deadline(timeoutMs);
    if (!socket.waitForConnected(static_cast<int>(deadline.remainingTime()))) {
        result.error = socket.errorString();
        return result;
    }
    QByteArray request = "GET /global/health HTTP/1.1\r\nHost: " + m_authority.toUtf8()
        + "\r\nAccept: application/json\r\nConnection: close\r\n";
    if (!password.isEmpty()) {
        // Sent pre-emptively: opencode answers 401 without a challenge we would wait for.
        request += "Authorization: Basic " + (username + QLatin1Char(':') + password).toUtf8().toBase64() + "\r\n";
    }
    request += "\r\n";
    socket.write(request);
    HttpResponseParser parser;
    while (!parser.headersComplete() && !parser.hasError()) {
        const qint64 left = deadline.remainingTime();
        if (left <= 0 || !socket.waitForReadyRead(static_cast<int>(left))) {
            if (socket.state() != QAbstractSocket::ConnectedState) {
                parser.finish();
            }
            break;
        }
        parser.feed(socket.readAll());
    }
    if (parser.headersComplete()) {
        result.answered = true;
        result.httpStatus = parser.statusCode();
    } else {
        result.error = parser.hasError() ? parser.errorString()
            : deadline.hasExpired()      ? QStringLiteral("no answer within %1 ms").arg(timeoutMs)
                                         : socket.errorString();
    }
    socket.abort();
    return result;
}

HealthProbe::Result HealthProbe::probe(const QString& baseUrl, const QString& username, const QString& password,
                                       int timeoutMs)
{
    return HealthProbe(baseUrl).request(username, password, timeoutMs);
}

} // namespace occ
