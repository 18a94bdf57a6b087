#pragma once

#include "core/docker/DockerError.h"

#include <QObject>
#include <QPointer>

class QNetworkReply;

namespace occ {

// What every long-running engine response has in common (the log and event streams): it owns its
// reply and aborts it when destroyed, hands the body to the subclass as it arrives, collects the body
// of an HTTP error instead, and emits finished() exactly once: None when the engine ended the stream,
// Connection when the engine went away, Cancelled after cancel(), or what the subclass reported.
class EngineStream : public QObject
{
    Q_OBJECT
public:
    bool isFinished() const { return m_finished; }

public Q_SLOTS:
    void cancel();

Q_SIGNALS:
    void finished(const occ::DockerError& error);

protected:
    // Takes ownership of reply.
    explicit EngineStream(QNetworkReply* reply, QObject* parent);
    // A stream that failed before it started; finished(error) is emitted from the event loop, after
    // the caller connected.
    explicit EngineStream(const DockerError& error, QObject* parent);
    ~EngineStream() override;

    // A chunk of a successful response's body, as it arrives (never empty).
    virtual void consume(const QByteArray& chunk) = 0;
    // The engine ended a successful response: what the stream's own framing says about that end
    // (e.g. an unterminated last line or frame). DockerError() when it ended cleanly.
    virtual DockerError atEnd() = 0;
    // The body made no sense: finishes with ERROR and stops the transfer.
    void fail(const DockerError& error);

private:
    void handleReadyRead();
    void handleFinished();
    void finish(const DockerError& error);

    QPointer<QNetworkReply> m_reply;
    bool m_finished = false;
    bool m_cancelled = false;
    QByteArray m_errorBody;
};

} // namespace occ
