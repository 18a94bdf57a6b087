#include "core/docker/LogStream.h"

#include <QNetworkReply>
#include <QTimer>

namespace occ {

LogStream::LogStream(QNetworkReply* reply, bool tty, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
    , m_tty(tty)
{
    qRegisterMetaType<occ::DockerError>();
    qRegisterMetaType<QVector<occ::LogFrame>>();
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &LogStream::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &LogStream::handleFinished);
    if (reply->isFinished()) {
        // Failed synchronously (no socket): report from the event loop, after the caller connected.
        QTimer::singleShot(0, this, &LogStream::handleFinished);
    }
}

LogStream::LogStream(const DockerError& error, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<occ::DockerError>();
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

LogStream::~LogStream()
{
    if (m_reply && !m_reply->isFinished()) {
        m_finished = true; // no signal from a dying object
        m_reply->abort();
    }
}

void LogStream::cancel()
{
    if (m_finished) {
        return;
    }
    m_cancelled = true;
    if (m_reply && !m_reply->isFinished()) {
        m_reply->abort();
    } else {
        finish(DockerError(DockerError::Category::Cancelled, QStringLiteral("cancelled")));
    }
}

void LogStream::handleReadyRead()
{
    if (!m_reply || m_finished) {
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300) {
        m_errorBody += chunk;
        return;
    }
    QVector<LogFrame> frames;
    if (m_tty) {
        frames.append(LogFrame{1, chunk});
    } else {
        const bool ok = m_demuxer.feed(chunk.constData(), static_cast<size_t>(chunk.size()),
                                       [&frames](int stream, const char* data, size_t size) {
                                           frames.append(LogFrame{stream, QByteArray(data, qsizetype(size))});
                                       });
        if (!frames.isEmpty()) {
            Q_EMIT framesReceived(frames);
        }
        if (!ok) {
            const QString why = m_demuxer.errorString();
            finish(DockerError(DockerError::Category::Parse, why));
            m_reply->abort();
        }
        return;
    }
    if (!frames.isEmpty() && !frames.first().payload.isEmpty()) {
        Q_EMIT framesReceived(frames);
    }
}

void LogStream::handleFinished()
{
    if (!m_reply || m_finished) {
        return;
    }
    handleReadyRead();
    if (m_finished) {
        return;
    }
    if (m_cancelled) {
        finish(DockerError(DockerError::Category::Cancelled, QStringLiteral("cancelled")));
        return;
    }
    DockerError error = DockerError::fromReply(m_reply, m_errorBody);
    if (!error.isError() && !m_tty && !m_demuxer.isAtFrameBoundary()) {
        error = DockerError(DockerError::Category::Connection, QStringLiteral("the log stream ended mid-frame"));
    }
    finish(error);
}

void LogStream::finish(const DockerError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(error);
}

} // namespace occ
