#include "core/transport/HttpIoDeviceReply.h"

#include <QLocalSocket>
#include <QProcess>
#include <QTimer>

namespace occ {

namespace {

constexpr qint64 UploadPieceBytes = 64 * 1024;
constexpr qint64 MaxUnwrittenBytes = 256 * 1024; // keep at most this much upload queued in the device
constexpr int MaxStderrBytes = 16 * 1024;

QNetworkAccessManager::Operation operationForVerb(const QByteArray& verb)
{
    if (verb == "GET") {
        return QNetworkAccessManager::GetOperation;
    }
    if (verb == "HEAD") {
        return QNetworkAccessManager::HeadOperation;
    }
    if (verb == "POST") {
        return QNetworkAccessManager::PostOperation;
    }
    if (verb == "PUT") {
        return QNetworkAccessManager::PutOperation;
    }
    if (verb == "DELETE") {
        return QNetworkAccessManager::DeleteOperation;
    }
    return QNetworkAccessManager::CustomOperation;
}

// Headers we write ourselves; a caller's value for them would break our framing.
bool isOwnHeader(const QByteArray& name)
{
    static const QByteArray own[] = {"host", "connection", "content-length", "transfer-encoding"};
    const QByteArray lower = name.toLower();
    for (const QByteArray& o : own) {
        if (lower == o) {
            return true;
        }
    }
    return false;
}

// A header name as Go's net/http (the engine) writes it: "content-type" -> "Content-Type". Qt 6.8 hands
// rawHeaderList() back in lower case, Qt 6.4 as the caller spelled it; names are case-insensitive, but this
// keeps the bytes we send the same on every Qt version.
QByteArray canonicalHeaderName(const QByteArray& name)
{
    QByteArray out = name.toLower();
    bool upper = true;
    for (char& c : out) {
        if (upper && c >= 'a' && c <= 'z') {
            c = char(c - 'a' + 'A');
        }
        upper = c == '-';
    }
    return out;
}

} // namespace

HttpIoDeviceReply::HttpIoDeviceReply(const DockerEndpoint& endpoint, const QByteArray& verb,
                                     const QNetworkRequest& request, QIODevice* outgoingData, QObject* parent)
    : QNetworkReply(parent)
{
    setup(request, verb);
    m_parser.setHeadRequest(verb == "HEAD");

    if (outgoingData) {
        m_outgoing = outgoingData;
        m_uploadDone = false;
        const QVariant declared = request.header(QNetworkRequest::ContentLengthHeader);
        if (declared.isValid()) {
            m_uploadRemaining = declared.toLongLong();
        } else if (!outgoingData->isSequential()) {
            m_uploadRemaining = outgoingData->size() - outgoingData->pos();
        } else {
            m_uploadChunked = true;
        }
        if (!m_uploadChunked && m_uploadRemaining <= 0) {
            m_uploadDone = true;
        }
    }

    // Start once the caller had the chance to connect: connection errors may be reported synchronously.
    QTimer::singleShot(0, this, [this, endpoint] {
        if (m_done) {
            return;
        }
        if (endpoint.kind == DockerEndpoint::Kind::Ssh) {
            startSsh(endpoint);
        } else {
            startLocalSocket(endpoint);
        }
    });
    touchTimer();
}

HttpIoDeviceReply::HttpIoDeviceReply(FailTag, const QNetworkRequest& request, const QByteArray& verb, QObject* parent)
    : QNetworkReply(parent)
{
    setup(request, verb);
}

HttpIoDeviceReply* HttpIoDeviceReply::failed(const QNetworkRequest& request, const QByteArray& verb,
                                             QNetworkReply::NetworkError code, TransportError cause,
                                             const QString& message, QObject* parent)
{
    auto* reply = new HttpIoDeviceReply(FailTag{}, request, verb, parent);
    QTimer::singleShot(0, reply, [reply, code, cause, message] { reply->finishWithError(code, cause, message); });
    return reply;
}

HttpIoDeviceReply::~HttpIoDeviceReply()
{
    m_done = true;
    releaseDevice();
}

void HttpIoDeviceReply::setup(const QNetworkRequest& request, const QByteArray& verb)
{
    m_verb = verb;
    setRequest(request);
    setUrl(request.url());
    setOperation(operationForVerb(verb));
    if (operation() == QNetworkAccessManager::CustomOperation) {
        setAttribute(QNetworkRequest::CustomVerbAttribute, verb);
    }
    QNetworkReply::open(QIODevice::ReadOnly | QIODevice::Unbuffered);

    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    // A coarse timer may fire 5% early; "no data for N ms" should mean at least N ms.
    m_timer->setTimerType(Qt::PreciseTimer);
    m_timer->setInterval(qMax(0, request.transferTimeout()));
    connect(m_timer, &QTimer::timeout, this, [this] {
        finishWithError(QNetworkReply::TimeoutError, TransportError::Timeout,
                        tr("The Docker engine sent nothing for %1 ms").arg(m_timer->interval()));
    });
}

void HttpIoDeviceReply::touchTimer()
{
    if (!m_done && m_timer->interval() > 0) {
        m_timer->start();
    }
}

void HttpIoDeviceReply::startLocalSocket(const DockerEndpoint& endpoint)
{
    m_socket = new QLocalSocket(this);
    m_device = m_socket;
    connect(m_socket, &QLocalSocket::connected, this, [this] {
        m_connected = true;
        touchTimer();
        sendRequestHead();
        pumpUpload();
    });
    connect(m_socket, &QLocalSocket::readyRead, this, &HttpIoDeviceReply::handleDeviceReadyRead);
    connect(m_socket, &QLocalSocket::bytesWritten, this, [this] {
        touchTimer();
        pumpUpload();
    });
    connect(m_socket, &QLocalSocket::disconnected, this, &HttpIoDeviceReply::handleEof);
    connect(m_socket, &QLocalSocket::errorOccurred, this,
            [this](QLocalSocket::LocalSocketError e) { handleLocalSocketError(int(e)); });

    QString name = endpoint.address;
    if (endpoint.kind == DockerEndpoint::Kind::NamedPipe) {
        // npipe:////./pipe/docker_engine carries //./pipe/docker_engine; Windows wants \\.\pipe\docker_engine.
        name.replace(QLatin1Char('/'), QLatin1Char('\\'));
    }
    m_socket->connectToServer(name, QIODevice::ReadWrite);
}

QStringList HttpIoDeviceReply::sshArguments(const DockerEndpoint& endpoint)
{
    QStringList args = endpoint.sshOptions;
    // We cannot answer a password or host-key prompt: fail fast with ssh's message instead of hanging.
    args << QStringLiteral("-o") << QStringLiteral("BatchMode=yes");
    if (endpoint.port > 0) {
        args << QStringLiteral("-p") << QString::number(endpoint.port);
    }
    args << QStringLiteral("--") << endpoint.address << QStringLiteral("docker") << QStringLiteral("system")
         << QStringLiteral("dial-stdio");
    return args;
}

void HttpIoDeviceReply::startSsh(const DockerEndpoint& endpoint)
{
    m_process = new QProcess(this);
    m_device = m_process;
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::started, this, [this] { m_connected = true; });
    connect(m_process, &QProcess::readyReadStandardOutput, this, &HttpIoDeviceReply::handleDeviceReadyRead);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        m_sshStderr += m_process->readAllStandardError();
        if (m_sshStderr.size() > MaxStderrBytes) {
            m_sshStderr = m_sshStderr.right(MaxStderrBytes);
        }
    });
    connect(m_process, &QProcess::bytesWritten, this, [this] {
        touchTimer();
        pumpUpload();
    });
    connect(m_process, &QProcess::finished, this, [this](int exitCode) { handleSshFinished(exitCode); });
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart) {
            finishWithError(QNetworkReply::HostNotFoundError, TransportError::SshFailed,
                            tr("Could not run ssh: %1").arg(m_process->errorString()));
        }
    });
    const QString program = qEnvironmentVariable("OCC_SSH_PROGRAM", QStringLiteral("ssh"));
    m_process->start(program, sshArguments(endpoint));
    // QProcess buffers what we write until the pipe is open.
    sendRequestHead();
    pumpUpload();
}

void HttpIoDeviceReply::sendRequestHead()
{
    const QNetworkRequest req = request();
    QByteArray target = req.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || !target.startsWith('/')) {
        target.prepend('/');
    }
    QByteArray head = m_verb + ' ' + target + " HTTP/1.1\r\n";
    // Docker ignores the host of a local request; any valid name will do.
    head += "Host: docker\r\n";
    head += "Connection: close\r\n";
    if (!req.hasRawHeader("User-Agent")) {
        head += "User-Agent: opencode-cloud\r\n";
    }
    if (m_uploadChunked) {
        head += "Transfer-Encoding: chunked\r\n";
    } else if (m_outgoing || m_verb == "POST" || m_verb == "PUT") {
        head += "Content-Length: " + QByteArray::number(m_uploadRemaining) + "\r\n";
    }
    const QList<QByteArray> names = req.rawHeaderList();
    for (const QByteArray& name : names) {
        if (!isOwnHeader(name)) {
            head += canonicalHeaderName(name) + ": " + req.rawHeader(name) + "\r\n";
        }
    }
    head += "\r\n";
    m_device->write(head);

    if (m_uploadChunked && m_outgoing) {
        connect(m_outgoing, &QIODevice::readyRead, this, &HttpIoDeviceReply::pumpUpload);
        connect(m_outgoing, &QIODevice::readChannelFinished, this, [this] {
            m_outgoingEof = true;
            pumpUpload();
        });
    }
}

void HttpIoDeviceReply::pumpUpload()
{
    if (m_done || m_uploadDone || !m_device || (m_socket && !m_connected)) {
        return;
    }
    if (!m_outgoing) {
        if (m_uploadChunked) {
            m_device->write("0\r\n\r\n");
            m_uploadDone = true;
        } else {
            finishWithError(QNetworkReply::UnknownNetworkError, TransportError::None,
                            tr("The upload data went away before it was sent"));
        }
        return;
    }
    while (!m_uploadDone && m_device->bytesToWrite() < MaxUnwrittenBytes) {
        const qint64 want = m_uploadChunked ? UploadPieceBytes : qMin(UploadPieceBytes, m_uploadRemaining);
        const QByteArray piece = m_outgoing->read(want);
        if (piece.isEmpty()) {
            const bool ended =
                !m_outgoing->isOpen() || m_outgoingEof || (!m_outgoing->isSequential() && m_outgoing->atEnd());
            if (ended) {
                if (m_uploadChunked) {
                    m_device->write("0\r\n\r\n");
                    m_uploadDone = true;
                } else {
                    finishWithError(QNetworkReply::UnknownNetworkError, TransportError::None,
                                    tr("The upload data ended %1 bytes early").arg(m_uploadRemaining));
                }
            }
            return;
        }
        if (m_uploadChunked) {
            m_device->write(QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n");
        } else {
            m_device->write(piece);
            m_uploadRemaining -= piece.size();
            m_uploadDone = m_uploadRemaining <= 0;
        }
    }
}

void HttpIoDeviceReply::handleDeviceReadyRead()
{
    if (m_done || !m_device) {
        return;
    }
    const QByteArray data = m_process ? m_process->readAllStandardOutput() : m_device->readAll();
    if (data.isEmpty()) {
        return;
    }
    touchTimer();
    if (!m_parser.feed(data)) {
        finishWithError(QNetworkReply::ProtocolFailure, TransportError::ProtocolError,
                        tr("The Docker engine sent invalid HTTP: %1").arg(m_parser.errorString()));
        return;
    }
    processParsedData();
}

void HttpIoDeviceReply::processParsedData()
{
    QPointer<HttpIoDeviceReply> self(this);
    if (m_parser.headersComplete() && !m_metaDataEmitted) {
        m_metaDataEmitted = true;
        setAttribute(QNetworkRequest::HttpStatusCodeAttribute, m_parser.statusCode());
        setAttribute(QNetworkRequest::HttpReasonPhraseAttribute, QString::fromLatin1(m_parser.reasonPhrase()));
        // setRawHeader() also fills in the known headers (ContentTypeHeader, ContentLengthHeader, ...).
        const auto headers = m_parser.headers();
        for (const auto& h : headers) {
            setRawHeader(h.first, h.second);
        }
        Q_EMIT metaDataChanged();
        if (!self || m_done) {
            return;
        }
    }
    const QByteArray body = m_parser.takeBody();
    if (!body.isEmpty()) {
        m_readBuffer += body;
        m_received += body.size();
        Q_EMIT readyRead();
        if (!self || m_done) {
            return;
        }
        Q_EMIT downloadProgress(m_received, m_parser.contentLength());
        if (!self || m_done) {
            return;
        }
    }
    if (m_parser.messageComplete()) {
        finishOk();
    }
}

void HttpIoDeviceReply::handleEof()
{
    if (m_done || !m_device) {
        return;
    }
    // Bytes can still sit in the device when it reports the close.
    const QByteArray rest = m_process ? m_process->readAllStandardOutput() : m_device->readAll();
    if (!rest.isEmpty() && !m_parser.feed(rest)) {
        finishWithError(QNetworkReply::ProtocolFailure, TransportError::ProtocolError,
                        tr("The Docker engine sent invalid HTTP: %1").arg(m_parser.errorString()));
        return;
    }
    if (!m_parser.finish()) {
        if (m_parser.truncated()) {
            processParsedData(); // deliver what did arrive before reporting the loss
            if (!m_done) {
                finishWithError(QNetworkReply::RemoteHostClosedError, TransportError::ConnectionClosed,
                                tr("The Docker engine closed the connection: %1").arg(m_parser.errorString()));
            }
        } else {
            finishWithError(QNetworkReply::ProtocolFailure, TransportError::ProtocolError,
                            tr("The Docker engine sent invalid HTTP: %1").arg(m_parser.errorString()));
        }
        return;
    }
    processParsedData();
}

void HttpIoDeviceReply::handleLocalSocketError(int socketError)
{
    if (m_done) {
        return;
    }
    const QString where = m_socket->serverName();
    switch (QLocalSocket::LocalSocketError(socketError)) {
    case QLocalSocket::PeerClosedError:
        handleEof();
        return;
    case QLocalSocket::ServerNotFoundError:
        finishWithError(QNetworkReply::HostNotFoundError, TransportError::EngineMissing,
                        tr("No Docker engine at %1: is Docker installed and running?").arg(where));
        return;
    case QLocalSocket::SocketAccessError:
        finishWithError(QNetworkReply::ContentAccessDenied, TransportError::PermissionDenied,
                        tr("Permission denied on %1: is your user in the docker group?").arg(where));
        return;
    case QLocalSocket::ConnectionRefusedError:
        finishWithError(QNetworkReply::ConnectionRefusedError, TransportError::ConnectionRefused,
                        tr("Nothing accepts connections on %1: is the Docker engine running?").arg(where));
        return;
    case QLocalSocket::SocketTimeoutError:
        finishWithError(QNetworkReply::TimeoutError, TransportError::Timeout,
                        tr("Connecting to %1 timed out").arg(where));
        return;
    default:
        if (m_connected) {
            handleEof();
        } else {
            finishWithError(QNetworkReply::UnknownNetworkError, TransportError::ConnectionRefused,
                            tr("Could not connect to %1: %2").arg(where, m_socket->errorString()));
        }
        return;
    }
}

void HttpIoDeviceReply::handleSshFinished(int exitCode)
{
    if (m_done || !m_process) {
        return;
    }
    const QByteArray rest = m_process->readAllStandardOutput();
    m_sshStderr += m_process->readAllStandardError();
    if (!rest.isEmpty() && !m_parser.feed(rest)) {
        finishWithError(QNetworkReply::ProtocolFailure, TransportError::ProtocolError,
                        tr("The Docker engine sent invalid HTTP: %1").arg(m_parser.errorString()));
        return;
    }
    const bool crashed = m_process->exitStatus() != QProcess::NormalExit;
    if (!m_parser.headersComplete() && (exitCode != 0 || crashed)) {
        finishWithError(
            QNetworkReply::HostNotFoundError, TransportError::SshFailed,
            tr("ssh failed (exit code %1): %2").arg(exitCode).arg(QString::fromLocal8Bit(m_sshStderr).trimmed()));
        return;
    }
    processParsedData();
    if (!m_done) {
        handleEof();
    }
}

void HttpIoDeviceReply::finishOk()
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer->stop();
    releaseDevice();
    setAttribute(TransportErrorAttribute, int(TransportError::None));
    const QNetworkReply::NetworkError code = errorForStatus(m_parser.statusCode());
    setFinished(true);
    QPointer<HttpIoDeviceReply> self(this);
    if (code != QNetworkReply::NoError) {
        // Like Qt's own HTTP reply: an error status is an error(), and the body stays readable.
        setError(code,
                 tr("Error transferring %1 - server replied: %2")
                     .arg(url().toString(), QString::fromLatin1(m_parser.reasonPhrase())));
        Q_EMIT errorOccurred(code);
        if (!self) {
            return;
        }
    }
    Q_EMIT finished();
}

void HttpIoDeviceReply::finishWithError(QNetworkReply::NetworkError code, TransportError cause, const QString& message)
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer->stop();
    releaseDevice();
    setError(code, message);
    setAttribute(TransportErrorAttribute, int(cause));
    setFinished(true);
    QPointer<HttpIoDeviceReply> self(this);
    Q_EMIT errorOccurred(code);
    if (!self) {
        return;
    }
    Q_EMIT finished();
}

void HttpIoDeviceReply::releaseDevice()
{
    if (!m_device) {
        return;
    }
    m_device->disconnect(this);
    if (m_outgoing) {
        m_outgoing->disconnect(this);
    }
    if (m_socket) {
        m_socket->abort();
        m_socket->deleteLater();
    } else if (m_process) {
        QProcess* process = m_process;
        if (process->state() != QProcess::NotRunning) {
            // dial-stdio only ends when its connection does, and we are done with it. Reaping a SIGKILLed
            // child takes no time, and leaves no process for QProcess's destructor to warn about.
            process->kill();
            process->waitForFinished(1000);
        }
        process->deleteLater();
    }
    m_device = nullptr;
    m_socket = nullptr;
    m_process = nullptr;
}

void HttpIoDeviceReply::abort()
{
    finishWithError(QNetworkReply::OperationCanceledError, TransportError::None, tr("Operation canceled"));
}

qint64 HttpIoDeviceReply::bytesAvailable() const
{
    return m_readBuffer.size() + QNetworkReply::bytesAvailable();
}

qint64 HttpIoDeviceReply::readData(char* data, qint64 maxSize)
{
    if (m_readBuffer.isEmpty()) {
        return m_done ? -1 : 0;
    }
    const qint64 n = qMin<qint64>(maxSize, m_readBuffer.size());
    memcpy(data, m_readBuffer.constData(), n);
    m_readBuffer.remove(0, n);
    return n;
}

QNetworkReply::NetworkError HttpIoDeviceReply::errorForStatus(int status)
{
    if (status < 400) {
        return QNetworkReply::NoError;
    }
    switch (status) {
    case 400:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 401:
        return QNetworkReply::AuthenticationRequiredError;
    case 403:
        return QNetworkReply::ContentAccessDenied;
    case 404:
        return QNetworkReply::ContentNotFoundError;
    case 405:
        return QNetworkReply::ContentOperationNotPermittedError;
    case 407:
        return QNetworkReply::ProxyAuthenticationRequiredError;
    case 409:
        return QNetworkReply::ContentConflictError;
    case 410:
        return QNetworkReply::ContentGoneError;
    case 418:
        return QNetworkReply::ProtocolInvalidOperationError;
    case 500:
        return QNetworkReply::InternalServerError;
    case 501:
        return QNetworkReply::OperationNotImplementedError;
    case 503:
        return QNetworkReply::ServiceUnavailableError;
    default:
        return status < 500 ? QNetworkReply::UnknownContentError : QNetworkReply::UnknownServerError;
    }
}

} // namespace occ
