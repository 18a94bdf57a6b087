#pragma once

#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"
#include "core/transport/HttpResponseParser.h"

#include <QNetworkReply>
#include <QPointer>

class QLocalSocket;
class QProcess;
class QTimer;

namespace occ {

// A QNetworkReply that speaks HTTP/1.1 to the engine over a QIODevice it owns: a QLocalSocket for a unix
// socket or a Windows named pipe, or the stdio of `ssh HOST docker system dial-stdio` (what the docker CLI
// runs for ssh:// hosts). One request per connection ("Connection: close"), so the engine's
// close-delimited streams (attach, hijacked exec) and chunked streams (logs, events) both just work.
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
    // A reply that fails right away (once the event loop runs), for requests that cannot even start,
    // such as TLS material that does not load.
    static HttpIoDeviceReply* failed(const QNetworkRequest& request, const QByteArray& verb,
                                     QNetworkReply::NetworkError code, TransportError cause, const QString& message,
                                     QObject* parent = nullptr);
    ~HttpIoDeviceReply() override;

    void abort() override;
    qint64 bytesAvailable() const override;
    bool isSequential() const override { return true; }

    // The arguments we give ssh for an ssh:// endpoint (without the program name).
    static QStringList sshArguments(const DockerEndpoint& endpoint);
    // Qt's mapping of an HTTP error status to a NetworkError (NoError below 400).
    static QNetworkReply::NetworkError errorForStatus(int status);

protected:
    qint64 readData(char* data, qint64 maxSize) override;

private:
    struct FailTag
    { };
    HttpIoDeviceReply(FailTag, const QNetworkRequest& request, const QByteArray& verb, QObject* parent);

    void setup(const QNetworkRequest& request, const QByteArray& verb);
    void startLocalSocket(const DockerEndpoint& endpoint);
    void startSsh(const DockerEndpoint& endpoint);
    void sendRequestHead();
    void pumpUpload();
    void handleDeviceReadyRead();
    void handleEof();
    void handleLocalSocketError(int socketError);
    void handleSshFinished(int exitCode);
    void processParsedData();
    void finishWithError(QNetworkReply::NetworkError code, TransportError cause, const QString& message);
    void finishOk();
    void touchTimer();
    void releaseDevice();

    QIODevice* m_device = nullptr; // owned: a QLocalSocket or a QProcess
    QLocalSocket* m_socket = nullptr;
    QProcess* m_process = nullptr;
    QTimer* m_timer = nullptr;
    QPointer<QIODevice> m_outgoing;
    QByteArray m_sshStderr;
    HttpResponseParser m_parser;
    QByteArray m_readBuffer; // decoded body not yet read by the caller
    QByteArray m_verb;
    qint64 m_received = 0;
    qint64 m_uploadRemaining = 0; // for a sized upload
    bool m_uploadChunked = false; // a sequential upload of unknown size goes out chunked
    bool m_uploadDone = true;
    bool m_outgoingEof = false; // a sequential upload reported readChannelFinished
    bool m_connected = false;
    bool m_metaDataEmitted = false;
    bool m_done = false;
};

} // namespace occ
