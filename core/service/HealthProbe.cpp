#include "core/service/HealthProbe.h"

#include "core/transport/HttpResponseParser.h"

#include <QDeadlineTimer>
#include <QTcpSocket>
#include <QUrl>

namespace occ {

// One GET over a plain QTcpSocket with blocking waits: a probe is one small request to this machine,
// and skipping QNetworkAccessManager (its thread, its cache, its cookie jar) makes `occ status` about
// 5 ms faster. Callers run it from the CLI or a worker thread, never from a GUI thread.
HealthProbe::Result HealthProbe::probe(const QString& baseUrl, const QString& username, const QString& password,
                                       int timeoutMs)
{
    Result result;
    const QUrl url(baseUrl);
    if (!url.isValid() || url.scheme() != QLatin1String("http")) {
        result.error = QStringLiteral("cannot probe %1: only http:// URLs are probed directly").arg(baseUrl);
        return result;
    }
    QDeadlineTimer deadline(timeoutMs);
    QTcpSocket socket;
    socket.connectToHost(url.host(), static_cast<quint16>(url.port(80)));
    if (!socket.waitForConnected(static_cast<int>(deadline.remainingTime()))) {
        result.error = socket.errorString();
        return result;
    }
    QByteArray request = "GET /global/health HTTP/1.1\r\nHost: " + url.authority().toUtf8()
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

} // namespace occ
