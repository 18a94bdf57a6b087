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
// - unix socket / named pipe: on Qt >= 6.8 Qt's own local-socket HTTP, on older Qt our
//   HttpIoDeviceReply speaking HTTP/1.1 over a QLocalSocket;
// - ssh://: HttpIoDeviceReply over the stdio of `ssh HOST docker system dial-stdio`;
// - tcp://: plain QNAM HTTP, or HTTPS with the client certificates from certPath.
// A request's transferTimeout() is honoured by every path (0 = no timeout, for streams).
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
    DockerEndpoint m_endpoint;
};

} // namespace occ
