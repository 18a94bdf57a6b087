#include "core/transport/HttpIoDeviceReply.h"

#include "core/transport/EngineChannel.h"

#include <QTimer>

namespace occ {

namespace {

constexpr qint64 UploadPieceBytes = 64 * 1024;
constexpr qint64 MaxUnwrittenBytes = 256 * 1024; // keep at most this much upload queued in the device

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

} // namespace

HttpIoDeviceReply::HttpIoDeviceReply(const DockerEndpoint& endpoint, const QByteArray& verb,
                                     const QNetworkRequest& request, QIODevice* outgoingData, QObject* parent)
    : HttpIoDeviceReply(EngineChannel::create(endpoint), verb, request, outgoingData, parent)
{ }

HttpIoDeviceReply::HttpIoDeviceReply(EngineChannel* channel, const QByteArray& verb, const QNetworkRequest& request,
                                     QIODevice* outgoingData, QObject* parent)
    : QNetworkReply(parent)
{
    setup(request, verb);
    m_parser.setHeadRequest(verb == "HEAD");
    prepareUpload(request, outgoingData);
    if (!channel) {
        QTimer::singleShot(0, this, [this] {
            finishWithError(QNetworkReply::ProtocolUnknownError, TransportError::None,
                            tr("This kind of Docker endpoint is not spoken over a local channel"));
        });
        return;
    }
    attachChannel(channel);
    // Start once the caller had the chance to connect: connection errors may be reported synchronously.
    QTimer::singleShot(0, this, [this] {
        if (!m_done && m_channel) {
            m_channel->open();
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
    releaseChannel();
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

void HttpIoDeviceReply::prepareUpload(const QNetworkRequest& request, QIODevice* outgoingData)
{
    bool sizeKnown = false;
    if (outgoingData) {
        m_outgoing = outgoingData;
        const QVariant declared = request.header(QNetworkRequest::ContentLengthHeader);
        if (declared.isValid()) {
            m_uploadRemaining = declared.toLongLong();
            sizeKnown = true;
        } else if (!outgoingData->isSequential()) {
            m_uploadRemaining = outgoingData->size() - outgoingData->pos();
            sizeKnown = true;
        }
    }
    const auto framing = HttpRequestWriter::framingFor(m_verb, outgoingData != nullptr, sizeKnown);
    m_writer.emplace(m_verb, request, framing, m_uploadRemaining);
    m_uploadDone = !outgoingData || (framing == HttpRequestWriter::Framing::ContentLength && m_uploadRemaining <= 0);
}

void HttpIoDeviceReply::touchTimer()
{
    if (!m_done && m_timer->interval() > 0) {
        m_timer->start();
    }
}

void HttpIoDeviceReply::attachChannel(EngineChannel* channel)
{
    m_channel = channel;
    m_channel->setParent(this);
    connect(m_channel, &EngineChannel::opened, this, &HttpIoDeviceReply::handleChannelOpened);
    connect(m_channel, &EngineChannel::readyRead, this, &HttpIoDeviceReply::handleChannelReadyRead);
    connect(m_channel, &EngineChannel::bytesWritten, this, [this] {
        touchTimer();
        pumpUpload();
    });
    connect(m_channel, &EngineChannel::closed, this, &HttpIoDeviceReply::handleChannelClosed);
    connect(m_channel, &EngineChannel::failed, this,
            [this](const ChannelFailure& failure) { finishWithError(failure.code, failure.cause, failure.message); });
}

void HttpIoDeviceReply::handleChannelOpened()
{
    if (m_done) {
        return;
    }
    m_opened = true;
    touchTimer();
    sendRequestHead();
    pumpUpload();
}

void HttpIoDeviceReply::sendRequestHead()
{
    m_channel->device()->write(m_writer->head());
    if (m_writer->framing() == HttpRequestWriter::Framing::Chunked && m_outgoing) {
        connect(m_outgoing, &QIODevice::readyRead, this, &HttpIoDeviceReply::pumpUpload);
        connect(m_outgoing, &QIODevice::readChannelFinished, this, [this] {
            m_outgoingEof = true;
            pumpUpload();
        });
    }
}

void HttpIoDeviceReply::pumpUpload()
{
    if (m_done || m_uploadDone || !m_channel || !m_opened) {
        return;
    }
    const bool chunked = m_writer->framing() == HttpRequestWriter::Framing::Chunked;
    QIODevice* device = m_channel->device();
    if (!m_outgoing) {
        endUpload();
        return;
    }
    while (!m_uploadDone && device->bytesToWrite() < MaxUnwrittenBytes) {
        const qint64 want = chunked ? UploadPieceBytes : qMin(UploadPieceBytes, m_uploadRemaining);
        const QByteArray piece = m_outgoing->read(want);
        if (piece.isEmpty()) {
            const bool ended =
                !m_outgoing->isOpen() || m_outgoingEof || (!m_outgoing->isSequential() && m_outgoing->atEnd());
            if (ended) {
                endUpload();
            }
            return;
        }
        device->write(m_writer->bodyPiece(piece));
        if (!chunked) {
            m_uploadRemaining -= piece.size();
            m_uploadDone = m_uploadRemaining <= 0;
        }
    }
}

// The upload data has no more bytes: the end of a chunked body, or a sized one that came up short.
void HttpIoDeviceReply::endUpload()
{
    if (m_writer->framing() == HttpRequestWriter::Framing::Chunked) {
        m_channel->device()->write(m_writer->bodyEnd());
        m_uploadDone = true;
    } else if (!m_outgoing) {
        finishWithError(QNetworkReply::UnknownNetworkError, TransportError::None,
                        tr("The upload data went away before it was sent"));
    } else {
        finishWithError(QNetworkReply::UnknownNetworkError, TransportError::None,
                        tr("The upload data ended %1 bytes early").arg(m_uploadRemaining));
    }
}

bool HttpIoDeviceReply::feedParser(const QByteArray& data)
{
    if (data.isEmpty() || m_parser.feed(data)) {
        return true;
    }
    finishWithError(QNetworkReply::ProtocolFailure, TransportError::ProtocolError,
                    tr("The Docker engine sent invalid HTTP: %1").arg(m_parser.errorString()));
    return false;
}

void HttpIoDeviceReply::handleChannelReadyRead()
{
    if (m_done || !m_channel) {
        return;
    }
    const QByteArray data = m_channel->readAvailable();
    if (data.isEmpty()) {
        return;
    }
    touchTimer();
    if (feedParser(data)) {
        processParsedData();
    }
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

void HttpIoDeviceReply::handleChannelClosed(const ChannelFailure& failure)
{
    if (m_done || !m_channel) {
        return;
    }
    // A channel that failed before any HTTP answer (ssh could not connect) says why; once the engine
    // answered, the end of the channel is the end of the response, complete or cut off.
    if (!failure.isNull() && !m_parser.headersComplete()) {
        finishWithError(failure.code, failure.cause, failure.message);
        return;
    }
    handleEof();
}

void HttpIoDeviceReply::handleEof()
{
    // Bytes can still sit in the channel when it reports the close.
    if (!feedParser(m_channel->readAvailable())) {
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

void HttpIoDeviceReply::finishOk()
{
    if (m_done) {
        return;
    }
    m_done = true;
    m_timer->stop();
    releaseChannel();
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
    releaseChannel();
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

void HttpIoDeviceReply::releaseChannel()
{
    if (!m_channel) {
        return;
    }
    if (m_outgoing) {
        m_outgoing->disconnect(this);
    }
    EngineChannel* channel = m_channel;
    m_channel = nullptr;
    channel->disconnect(this);
    channel->close();
    // We may be inside one of the channel's signals (a caller deleting the reply in readyRead): let it
    // return before the channel goes.
    channel->setParent(nullptr);
    channel->deleteLater();
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
