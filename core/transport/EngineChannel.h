#pragma once

#include "core/transport/DockerNetworkAccessManager.h"

#include <QNetworkReply>
#include <QObject>

class QIODevice;

namespace occ {

struct DockerEndpoint;

// Why a channel could not carry the request, in the reply's terms: the QNetworkReply error, the
// TransportError cause DockerError names, and words for the user. Null (NoError) when nothing failed.
struct ChannelFailure
{
    QNetworkReply::NetworkError code = QNetworkReply::NoError;
    TransportError cause = TransportError::None;
    QString message;

    bool isNull() const { return code == QNetworkReply::NoError; }
};

// A byte pipe to the engine for one request: a local socket (unix socket, Windows named pipe) or the stdio
// of a process (`ssh HOST docker system dial-stdio`). It knows nothing of HTTP; HttpIoDeviceReply writes
// the request into device() and parses what readAvailable() returns. Each kind maps its own failures to
// the transport's categories, so the reply never looks at a QLocalSocket or QProcess error.
//
// Signals, after open(): opened() once the request may be written; readyRead() and bytesWritten() as on a
// QIODevice; closed() when the engine's side ended (the reply then finishes the response or reports it cut
// off), with a failure when the channel itself knows the end was one (ssh exited with an error); failed()
// when the channel could not be used at all. No signal comes after close().
class EngineChannel : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    ~EngineChannel() override;

    // The channel for a unix socket, named pipe or ssh:// endpoint (nullptr for tcp://, which Qt's HTTP
    // carries). Not opened yet.
    static EngineChannel* create(const DockerEndpoint& endpoint, QObject* parent = nullptr);

    virtual void open() = 0;
    // Where the request goes; its bytesToWrite() bounds how much upload we queue.
    virtual QIODevice* device() const = 0;
    // The engine's bytes received so far.
    virtual QByteArray readAvailable() = 0;
    // Ends the connection at once (the engine sees it close); no signal follows.
    virtual void close() = 0;

Q_SIGNALS:
    void opened();
    void readyRead();
    void bytesWritten();
    void closed(const occ::ChannelFailure& failure);
    void failed(const occ::ChannelFailure& failure);
};

} // namespace occ
