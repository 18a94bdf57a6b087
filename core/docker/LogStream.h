#pragma once

#include "core/docker/EngineStream.h"
#include "core/docker/LogDemuxer.h"

#include <QVector>

namespace occ {

// A running GET /containers/{id}/logs. Emits the container's output in batches (one signal per
// chunk the engine sent, however many frames it held) so a GUI keeps up with `occ logs -n 100000`,
// then finished() exactly once: DockerError::Category::None when the engine ended the stream
// (all lines sent; with follow, the container stopped), Connection when the engine went away
// mid-stream (or mid-frame), Cancelled after cancel(), Parse when the framing broke.
//
// A follow stream ends when the container stops, restart included: to follow across restarts,
// open a new stream with `since` set to the last timestamp seen (see DockerClient::logs()).
// Created by DockerClient::logs(); it owns its reply and aborts it when destroyed.
class LogStream : public EngineStream
{
    Q_OBJECT
public:
    // Takes ownership of reply. tty: the container has a TTY, so its stream is raw (no framing)
    // and everything arrives as stream 1.
    LogStream(QNetworkReply* reply, bool tty, QObject* parent = nullptr);
    // A stream that failed before it started; finished(error) is emitted from the event loop.
    explicit LogStream(const DockerError& error, QObject* parent = nullptr);

    bool isTty() const { return m_tty; }

Q_SIGNALS:
    void framesReceived(const QVector<occ::LogFrame>& frames);

protected:
    void consume(const QByteArray& chunk) override;
    DockerError atEnd() override;

private:
    bool m_tty = false;
    LogDemuxer m_demuxer;
};

} // namespace occ
