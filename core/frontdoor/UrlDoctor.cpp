#include "core/frontdoor/UrlDoctor.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTimer>

namespace occ {

namespace {

UrlCheck ok(const QString& name, const QString& detail)
{
    return {name, UrlCheck::Result::Ok, detail, {}};
}
UrlCheck fail(const QString& name, const QString& detail, Hints hints = {})
{
    return {name, UrlCheck::Result::Fail, detail, std::move(hints)};
}

bool isHttps(const QUrl& url)
{
    return url.scheme() == QLatin1String("https");
}

int portOf(const QUrl& url)
{
    return url.port(isHttps(url) ? 443 : 80);
}

} // namespace

UrlDoctor::UrlDoctor(UrlDoctorOptions options, QObject* parent)
    : QObject(parent)
    , m_options(std::move(options))
    , m_nam(new QNetworkAccessManager(this))
{
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_nam->setAutoDeleteReplies(false);
}

QString UrlDoctor::origin(const QUrl& url)
{
    QString o = url.scheme() + QStringLiteral("://") + url.host(QUrl::FullyEncoded);
    if (url.host().contains(QLatin1Char(':'))) {
        o = url.scheme() + QStringLiteral("://[") + url.host(QUrl::FullyEncoded) + QLatin1Char(']');
    }
    if (url.port() > 0 && url.port() != (isHttps(url) ? 443 : 80)) {
        o += QLatin1Char(':') + QString::number(url.port());
    }
    return o;
}

QUrl UrlDoctor::urlFor(const QString& path) const
{
    QUrl u(origin(m_options.url));
    u.setPath(path);
    return u;
}

QByteArray UrlDoctor::authorization() const
{
    return "Basic " + (m_options.user + QLatin1Char(':') + m_options.password).toUtf8().toBase64();
}

QSslConfiguration UrlDoctor::sslConfiguration() const
{
    QSslConfiguration c = QSslConfiguration::defaultConfiguration();
    if (!m_options.caCertFile.isEmpty()) {
        c.setCaCertificates(QSslCertificate::fromPath(m_options.caCertFile, QSsl::Pem));
    }
    c.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return c;
}

QList<UrlCheck> UrlDoctor::run(const std::function<void(const UrlCheck&)>& onCheck)
{
    QList<UrlCheck> checks;
    auto add = [&](UrlCheck c) {
        checks << c;
        if (onCheck) {
            onCheck(c);
        }
        return !c.failed();
    };
    // Without a trusted TLS connection nothing else can be judged.
    if (!add(checkTls())) {
        return checks;
    }
    add(checkHealthz());
    add(checkUnauthenticated());
    const bool authenticated = add(checkAuthenticated());
    if (authenticated) {
        add(checkEventStream());
        add(checkWebSocket());
    }
    return checks;
}

UrlCheck UrlDoctor::checkTls()
{
    const QString name = QStringLiteral("tls");
    const QUrl& url = m_options.url;
    if (!isHttps(url)) {
        return {name,
                UrlCheck::Result::Warn,
                QStringLiteral("%1 is plain HTTP: credentials cross the network in "
                               "clear text")
                    .arg(url.toString()),
                {}};
    }
    if (!m_options.caCertFile.isEmpty() && QSslCertificate::fromPath(m_options.caCertFile, QSsl::Pem).isEmpty()) {
        return fail(name, QStringLiteral("%1 holds no PEM certificate").arg(m_options.caCertFile));
    }
    QSslSocket socket;
    socket.setSslConfiguration(sslConfiguration());
    socket.connectToHostEncrypted(url.host(), portOf(url));
    if (!socket.waitForEncrypted(m_options.timeoutMs)) {
        QStringList why;
        for (const QSslError& e : socket.sslHandshakeErrors()) {
            why << e.errorString();
        }
        if (why.isEmpty()) {
            why << socket.errorString();
        }
        why.removeDuplicates();
        return fail(name,
                    QStringLiteral("no trusted TLS connection to %1:%2: %3%4")
                        .arg(url.host())
                        .arg(portOf(url))
                        .arg(why.join(QStringLiteral("; ")),
                             m_options.caCertFile.isEmpty()
                                 ? QStringLiteral(" (a private CA? pass it with --cacert FILE)")
                                 : QString()));
    }
    const QSslCertificate cert = socket.peerCertificate();
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(cert.expiryDate());
    const QString issuer = cert.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    const QString text = QStringLiteral("certificate for %1 valid, issued by %2, expires in %3 days (%4)")
                             .arg(url.host(), issuer.isEmpty() ? QStringLiteral("?") : issuer)
                             .arg(days)
                             .arg(socket.sessionProtocol() == QSsl::TlsV1_3 ? QStringLiteral("TLS 1.3")
                                                                            : QStringLiteral("TLS 1.2 or older"));
    socket.disconnectFromHost();
    return {name, days < 14 ? UrlCheck::Result::Warn : UrlCheck::Result::Ok, text, {}};
}

UrlDoctor::Answer UrlDoctor::get(const QString& path, bool withCredentials, int timeoutMs)
{
    return request(withCredentials ? QByteArray("GET") : QByteArray("GET-anonymous"), path, {}, timeoutMs);
}

UrlDoctor::Answer UrlDoctor::request(const QByteArray& verb, const QString& path, const QByteArray& body, int timeoutMs)
{
    QNetworkRequest req(urlFor(path));
    req.setSslConfiguration(sslConfiguration());
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    req.setTransferTimeout(timeoutMs);
    const bool anonymous = verb.endsWith("-anonymous");
    const QByteArray method = anonymous ? verb.left(verb.indexOf('-')) : verb;
    if (!anonymous) {
        req.setRawHeader("Authorization", authorization());
    }
    if (method != "GET") {
        req.setRawHeader("Origin", origin(m_options.url).toUtf8());
        req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    }
    std::unique_ptr<QNetworkReply> reply(m_nam->sendCustomRequest(req, method, body));
    QEventLoop loop;
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished()) {
        loop.exec();
    }
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.body = reply->readAll();
    if (a.status == 0) {
        a.error = reply->errorString();
    }
    return a;
}

UrlCheck UrlDoctor::checkHealthz()
{
    const QString name = QStringLiteral("healthz");
    const Answer a = get(QStringLiteral("/healthz"), false, m_options.timeoutMs);
    if (a.status == 200) {
        return ok(name, QStringLiteral("/healthz answers 200 without credentials"));
    }
    if (a.status == 0) {
        return fail(name, QStringLiteral("/healthz: %1").arg(a.error));
    }
    if (a.status == 401) {
        return fail(name,
                    QStringLiteral("/healthz wants credentials (401): is the front door enabled "
                                   "(frontdoor.enabled true)?"));
    }
    return fail(name,
                QStringLiteral("/healthz answers %1: opencode is not healthy behind the front door.").arg(a.status),
                {Hint::of(Hint::Action::ShowStatus)});
}

UrlCheck UrlDoctor::checkUnauthenticated()
{
    const QString name = QStringLiteral("auth");
    const Answer a = get(QStringLiteral("/"), false, m_options.timeoutMs);
    if (a.status == 401) {
        return ok(name, QStringLiteral("/ answers 401 without credentials"));
    }
    if (a.status == 0) {
        return fail(name, QStringLiteral("/: %1").arg(a.error));
    }
    return fail(name, QStringLiteral("/ answers %1 without credentials: the UI is open to anyone").arg(a.status));
}

UrlCheck UrlDoctor::checkAuthenticated()
{
    const QString name = QStringLiteral("login");
    if (m_options.password.isEmpty()) {
        return fail(name, QStringLiteral("no password."),
                    {Hint::of(Hint::Action::SetPassword), Hint::of(Hint::Action::PassCredentials)});
    }
    const Answer a = get(QStringLiteral("/"), true, m_options.timeoutMs);
    if (a.status == 200) {
        return ok(name, QStringLiteral("/ answers 200 with the credentials of %1").arg(m_options.user));
    }
    if (a.status == 0) {
        return fail(name, QStringLiteral("/: %1").arg(a.error));
    }
    if (a.status == 401) {
        return fail(
            name,
            QStringLiteral("the credentials of %1 are refused (401): wrong password or user").arg(m_options.user));
    }
    return fail(name, QStringLiteral("/ answers %1 with credentials").arg(a.status));
}

UrlCheck UrlDoctor::checkEventStream()
{
    const QString name = QStringLiteral("events");
    QNetworkRequest req(urlFor(QStringLiteral("/global/event")));
    req.setSslConfiguration(sslConfiguration());
    req.setRawHeader("Authorization", authorization());
    req.setRawHeader("Accept", "text/event-stream");
    req.setAttribute(QNetworkRequest::CacheLoadControlAttribute, QNetworkRequest::AlwaysNetwork);
    std::unique_ptr<QNetworkReply> reply(m_nam->get(req));
    int events = 0;
    qint64 firstEventMs = -1;
    QByteArray pending;
    QElapsedTimer clock;
    clock.start();
    QEventLoop loop;
    connect(reply.get(), &QIODevice::readyRead, &loop, [&] {
        pending += reply->readAll();
        int at;
        while ((at = pending.indexOf("\n\n")) >= 0) {
            if (pending.left(at).contains("data:")) {
                ++events;
                if (firstEventMs < 0) {
                    firstEventMs = clock.elapsed();
                }
            }
            pending.remove(0, at + 2);
        }
    });
    connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(m_options.streamSeconds * 1000, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
    const qint64 heldMs = clock.elapsed();
    const qint64 heldSeconds = (heldMs + 500) / 1000;
    if (reply->isFinished()) {
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status != 200) {
            return fail(name,
                        QStringLiteral("/global/event answers %1%2")
                            .arg(status)
                            .arg(status == 0 ? QStringLiteral(": ") + reply->errorString() : QString()));
        }
        return fail(name,
                    QStringLiteral("/global/event was closed after %1 s (%2 events); a load balancer idle "
                                   "timeout below %3 s? (ALB: idle_timeout.timeout_seconds >= 300)")
                        .arg(heldSeconds)
                        .arg(events)
                        .arg(m_options.streamSeconds));
    }
    reply->abort();
    if (events == 0) {
        return fail(name,
                    QStringLiteral("/global/event stayed open %1 s but delivered no event: something "
                                   "buffers the stream")
                        .arg(heldSeconds));
    }
    return ok(name,
              QStringLiteral("/global/event stayed open %1 s, %2 events, the first after %3 ms")
                  .arg(heldSeconds)
                  .arg(events)
                  .arg(firstEventMs));
}

UrlCheck UrlDoctor::checkWebSocket()
{
    // opencode's web terminal: POST /pty makes a terminal, GET /pty/<id>/connect upgrades to a WebSocket.
    // A bare /pty is the list of terminals and never upgrades, so a real terminal is opened (and removed).
    const QString name = QStringLiteral("terminal");
    const Answer created = request("POST", QStringLiteral("/pty"), "{}", m_options.timeoutMs);
    const QString id = QJsonDocument::fromJson(created.body).object().value(QStringLiteral("id")).toString();
    if (created.status != 200 || id.isEmpty()) {
        return fail(name,
                    QStringLiteral("POST /pty answers %1%2: no terminal to connect to")
                        .arg(created.status)
                        .arg(created.error.isEmpty() ? QString() : QStringLiteral(": ") + created.error));
    }
    const QString path = QStringLiteral("/pty/%1/connect").arg(id);

    std::unique_ptr<QTcpSocket> socket;
    const QUrl& url = m_options.url;
    if (isHttps(url)) {
        auto ssl = std::make_unique<QSslSocket>();
        ssl->setSslConfiguration(sslConfiguration());
        ssl->connectToHostEncrypted(url.host(), portOf(url));
        ssl->waitForEncrypted(m_options.timeoutMs);
        socket = std::move(ssl);
    } else {
        socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(url.host(), portOf(url));
        socket->waitForConnected(m_options.timeoutMs);
    }
    UrlCheck result;
    if (socket->state() != QAbstractSocket::ConnectedState) {
        result = fail(name, QStringLiteral("cannot connect: %1").arg(socket->errorString()));
    } else {
        QByteArray key(16, '\0');
        for (char& c : key) {
            c = char(QRandomGenerator::global()->bounded(256));
        }
        const QByteArray key64 = key.toBase64();
        const QUrl hostUrl(origin(url));
        QByteArray host = hostUrl.host(QUrl::FullyEncoded).toUtf8();
        if (hostUrl.port() > 0) {
            host += ':' + QByteArray::number(hostUrl.port());
        }
        socket->write("GET " + path.toUtf8() + " HTTP/1.1\r\nHost: " + host
                      + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        "Sec-WebSocket-Key: "
                      + key64 + "\r\nOrigin: " + origin(url).toUtf8() + "\r\nAuthorization: " + authorization()
                      + "\r\n\r\n");
        QByteArray head;
        QElapsedTimer clock;
        clock.start();
        while (!head.contains("\r\n\r\n") && clock.elapsed() < m_options.timeoutMs
               && socket->state() == QAbstractSocket::ConnectedState) {
            if (socket->bytesAvailable() > 0 || socket->waitForReadyRead(500)) {
                head += socket->readAll();
            }
        }
        const QByteArray statusLine = head.left(head.indexOf("\r\n"));
        const int status = statusLine.split(' ').value(1).toInt();
        const QByteArray expectedAccept =
            QCryptographicHash::hash(key64 + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11", QCryptographicHash::Sha1)
                .toBase64();
        if (status == 101 && head.toLower().contains("sec-websocket-accept: " + expectedAccept.toLower())) {
            result = ok(name, QStringLiteral("WebSocket upgrade on /pty/<id>/connect accepted (101)"));
        } else if (status == 101) {
            result = fail(name, QStringLiteral("101 without a valid Sec-WebSocket-Accept"));
        } else if (status == 0) {
            result = fail(name, QStringLiteral("no answer to the WebSocket upgrade: %1").arg(socket->errorString()));
        } else {
            result = fail(name,
                          QStringLiteral("WebSocket upgrade on /pty/<id>/connect answers %1%2")
                              .arg(QString::fromLatin1(statusLine))
                              .arg(status == 403 ? QStringLiteral(" (Origin %1 refused: is network.public_url "
                                                                  "this URL?)")
                                                       .arg(origin(url))
                                                 : QString()));
        }
        socket->abort();
    }
    request("DELETE", QStringLiteral("/pty/") + id, {}, m_options.timeoutMs);
    return result;
}

} // namespace occ
