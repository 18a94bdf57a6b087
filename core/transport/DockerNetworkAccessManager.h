#pragma once

#include "core/transport/DockerEndpoint.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>

namespace occ {

// Why a request never got an HTTP answer, set on every failed reply as TransportErrorAttribute
// (an int holding TransportError) so DockerError can name the cause without parsing strings.
enum class TransportError {
    None = 0,
    EngineMissing, // the socket / pipe does not exist, the host does not resolve
    PermissionDenied, // the socket exists but we may not open it (not in the `docker` group)
    ConnectionRefused, // nothing listens (stale socket file, engine stopped)
    Timeout, // no data within the request's transferTimeout()
    ConnectionClosed, // the engine went away mid-response
    ProtocolError, // the bytes were not valid HTTP/1.1
    SshFailed, // ssh could not connect or `docker system dial-stdio` failed
    TlsError, // certificates missing, invalid, or the handshake failed
};

constexpr auto TransportErrorAttribute = static_cast<QNetworkRequest::Attribute>(QNetworkRequest::User + 1);

// The one QNetworkAccessManager every engine request goes through, streams included.
// Callers build requests with engineRequest("/v1.41/containers/json") and use get()/post()/
// sendCustomRequest() as usual; they always get a QNetworkReply back, whatever the endpoint:
// - unix socket / named pipe: HttpIoDeviceReply speaking HTTP/1.1 over a QLocalSocket (LocalSocketChannel),
//   on every Qt version (Qt 6.8's own unix+http: loses failure causes; see createRequest());
// - ssh://: HttpIoDeviceReply over the stdio of `ssh HOST docker system dial-stdio` (ProcessChannel);
// - tcp://: plain QNAM HTTP, or HTTPS with the client certificates from certPath.
// A request's transferTimeout() is honoured by every path (0 = no timeout, for streams).
//
// Timeouts: engineRequest() sets DefaultTimeoutMs; a caller that opens a stream (logs, events, attach,
// a long pull) calls request.setTransferTimeout(0) to wait forever. createRequest() takes the value as it
// is and never fills in a default, because Qt cannot tell "not set" from an explicit 0.
//
// Failures: every failed engine reply, whatever the path, carries reply->attribute(TransportErrorAttribute)
// (an int holding TransportError). It is TransportError::None (or unset) when the engine did answer with an
// HTTP error status (read HttpStatusCodeAttribute and the body then) and when the caller aborted.
class DockerNetworkAccessManager : public QNetworkAccessManager
{
    Q_OBJECT
public:
    explicit DockerNetworkAccessManager(DockerEndpoint endpoint, QObject* parent = nullptr);
    ~DockerNetworkAccessManager() override;

    const DockerEndpoint& endpoint() const { return m_endpoint; }

    // A request for an engine path (with query), e.g. "/v1.41/containers/json?all=1".
    // Its URL uses the placeholder host "docker.engine"; createRequest() routes it.
    QNetworkRequest engineRequest(const QString& pathAndQuery) const;

    static constexpr int DefaultTimeoutMs = 30000;

protected:
    QNetworkReply* createRequest(Operation op, const QNetworkRequest& request, QIODevice* outgoingData) override;

private:
    void loadTlsConfiguration();
    void tagFailures(QNetworkReply* reply);

    DockerEndpoint m_endpoint;
    QVariant m_sslConfiguration; // a QSslConfiguration when tls; a QVariant so this header needs no QtNetwork/ssl
    QString m_tlsError; // why the TLS material could not be loaded; every tcp request then fails with it
};

} // namespace occ
