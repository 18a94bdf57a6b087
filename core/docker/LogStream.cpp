#include "core/docker/LogStream.h"

namespace occ {

LogStream::LogStream(QNetworkReply* reply, bool tty, QObject* parent)
    : EngineStream(reply, parent)
    , m_tty(tty)
{
    qRegisterMetaType<QVector<occ::LogFrame>>();
}

LogStream::LogStream(const DockerError& error, QObject* parent)
    : EngineStream(error, parent)
{ }

void LogStream::consume(const QByteArray& chunk)
{
    if (m_tty) {
        Q_EMIT framesReceived({LogFrame{1, chunk}});
        return;
    }
    QVector<LogFrame> frames;
    const bool ok = m_demuxer.feed(chunk.constData(), static_cast<size_t>(chunk.size()),
                                   [&frames](int stream, const char* data, size_t size) {
                                       frames.append(LogFrame{stream, QByteArray(data, qsizetype(size))});
                                   });
    if (!frames.isEmpty()) {
        Q_EMIT framesReceived(frames);
    }
    if (!ok) {
        fail(DockerError(DockerError::Category::Parse, m_demuxer.errorString()));
    }
}

DockerError LogStream::atEnd()
{
    if (!m_tty && !m_demuxer.isAtFrameBoundary()) {
        return DockerError(DockerError::Category::Connection, QStringLiteral("the log stream ended mid-frame"));
    }
    return {};
}

} // namespace occ
