#pragma once

#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"
#include "core/transport/HttpRequestWriter.h"
#include "core/transport/HttpResponseParser.h"

#include <QNetworkReply>
#include <QPointer>

#include <optional>

class QTimer;

namespace occ {

class EngineChannel;
struct ChannelFailure;

// A QNetworkReply that speaks HTTP/1.1 to the engine over an EngineChannel it owns: a QLocalSocket for a
// unix socket or a Windows named pipe (LocalSocketChannel), or the stdio of `ssh HOST docker system
// dial-stdio` (ProcessChannel, what the docker CLI runs for ssh:// hosts). HttpRequestWriter makes the
// request's bytes, HttpResponseParser reads the answer; this class is the QNetworkReply glue between them.
// One request per connection ("Connection: close"), so the engine's close-delimited streams (attach,
// hijacked exec) and chunked streams (logs, events) both just work.
//
// It behaves like Qt's HTTP replies: metaDataChanged() once the final headers are in (status, reason and
// raw headers set), readyRead() as body bytes arrive, errorOccurred() then finished() exactly once.
// 4xx/5xx set error() to the matching NetworkError and keep the body readable. A failure without an HTTP
// answer also sets TransportErrorAttribute. The request's transferTimeout() is the longest silence
// allowed (0 = none, for streams).
class HttpIoDeviceReply : public QNetworkReply
{
    Q_OBJECT
public:
    HttpIoDeviceReply(const DockerEndpoint& endpoint, const QByteArray& verb, const QNetworkRequest& request,
                      QIODevice* outgoingData, QObject* parent = nullptr);
    // A reply over a channel of the caller's (not opened yet); the reply takes it over.
    HttpIoDeviceReply(EngineChannel* channel, const QByteArray& verb, const QNetworkRequest& request,
                      QIODevice* outgoingData, QObject* parent = nullptr);
    // A reply that fails right away (once the event loop runs), for requests that cannot even start,
    // such as TLS material that does not load.
    static HttpIoDeviceReply* failed(const QNetworkRequest& request, const QByteArray& verb,
                                     QNetworkReply::NetworkError code, TransportError cause, const QString& message,
                                     QObject* parent = nullptr);
    ~HttpIoDeviceReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

    // Qt's mapping of an HTTP error status to a NetworkError (NoError below 400).
    static QNetworkReply::NetworkError errorForStatus(int status);

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    struct FailTag
    { };
    HttpIoDeviceReply(FailTag, const QNetworkRequest& request, const QByteArray& verb, QObject* parent);

    void setup(const QNetworkRequest& request, const QByteArray& verb);
    void prepareUpload(const QNetworkRequest& request, QIODevice* outgoingData);
    void attachChannel(EngineChannel* channel);
    void handleChannelOpened();
    void sendRequestHead();
    void pumpUpload();
    void endUpload();
    void handleChannelReadyRead();
    void handleChannelClosed(const ChannelFailure& failure);
    void handleEof();
    bool feedParser(const QByteArray& data);
    void processParsedData();
    void finishWithError(QNetworkReply::NetworkError code, TransportError cause, const QString& message);
    void finishOk();
    void touchTimer();
    void releaseChannel();

    EngineChannel* m_channel = nullptr; // owned
    QTimer* m_timer = nullptr;
    QPointer<QIODevice> m_outgoing;
    std::optional<HttpRequestWriter> m_writer;
    HttpResponseParser m_parser;
    QByteArray m_readBuffer; // decoded body not yet read by the caller
    QByteArray m_verb;
    qint64 m_received = 0;
    qint64 m_uploadRemaining = 0; // for a sized upload
    bool m_uploadDone = true;
    bool m_outgoingEof = false; // a sequential upload reported readChannelFinished
    bool m_opened = false;
    bool m_metaDataEmitted = false;
    bool m_done = false;
};

} // namespace occ
