#include "core/docker/EngineStream.h"

#include <QNetworkReply>
#include <QTimer>

namespace occ {

EngineStream::EngineStream(QNetworkReply* reply, QObject* parent)
    : QObject(parent)
    , m_reply(reply)
{
    qRegisterMetaType<occ::DockerError>();
    reply->setParent(this);
    connect(reply, &QNetworkReply::readyRead, this, &EngineStream::handleReadyRead);
    connect(reply, &QNetworkReply::finished, this, &EngineStream::handleFinished);
    if (reply->isFinished()) {
        // Failed synchronously (no socket): report from the event loop, after the caller connected.
        QTimer::singleShot(0, this, &EngineStream::handleFinished);
    }
}

EngineStream::EngineStream(const DockerError& error, QObject* parent)
    : QObject(parent)
{
    qRegisterMetaType<occ::DockerError>();
    QTimer::singleShot(0, this, [this, error] { finish(error); });
}

EngineStream::~EngineStream()
{
    if (m_reply && !m_reply->isFinished()) {
        m_finished = true; // no signal from a dying object
        m_reply->abort();
    }
}

void EngineStream::cancel()
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

void EngineStream::fail(const DockerError& error)
{
    finish(error);
    if (m_reply && !m_reply->isFinished()) {
        m_reply->abort();
    }
}

void EngineStream::handleReadyRead()
{
    if (!m_reply || m_finished) {
        return;
    }
    const QByteArray chunk = m_reply->readAll();
    if (m_reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() >= 300) {
        m_errorBody += chunk;
        return;
    }
    if (!chunk.isEmpty()) {
        consume(chunk);
    }
}

void EngineStream::handleFinished()
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
    if (!error.isError()) {
        error = atEnd();
    }
    if (!m_finished) {
        finish(error);
    }
}

void EngineStream::finish(const DockerError& error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    Q_EMIT finished(error);
}

} // namespace occ
