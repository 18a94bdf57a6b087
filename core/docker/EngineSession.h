#pragma once

#include "core/docker/DockerError.h"
#include "core/util/Result.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <nlohmann/json.hpp>

#include <atomic>
#include <functional>

class QNetworkReply;

namespace occ {

class DockerNetworkAccessManager;

template <class T>
using DockerResult = Result<T, DockerError>;

// One conversation with one engine: the API version it speaks (negotiated once), how long a probe may
// wait, and the blocking request/answer cycle every DockerClient call is made of. DockerClient holds the
// resource calls (containers, images, volumes, networks, streams) on top of it.
//
// The API version is negotiated on first use (GET /_ping's Api-Version header, else GET /version) as
// min(engine, ApiVersion::Newest); engines older than ApiVersion::Minimum are refused with
// Category::ApiVersion. Every other path is sent versioned ("/v1.41/containers/json").
//
// Requests are SYNCHRONOUS: each spins a local QEventLoop until its reply finished (see DockerClient).
class EngineSession
{
public:
    // How long a probe waits for the engine: the first contact (version negotiation), ping() and
    // pingAndGet(). A silent engine (a socket that accepts and never answers) is reported as
    // Category::Timeout after this, not after the 30 s other requests may take; long operations (builds,
    // stop with a grace period, streams) keep their own limits.
    static constexpr int ProbeTimeoutMs = 3000;
    // ssh:// pays for the ssh handshake and `docker system dial-stdio` on the first request.
    static constexpr int SshProbeTimeoutMs = 10000;

    struct Response
    {
        int status = 0;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray header(const QByteArray& name) const;
    };
    // Gets each chunk of a successful answer as it arrives; false aborts the request (Category::Cancelled).
    using ChunkHandler = std::function<bool(const QByteArray& chunk)>;

    explicit EngineSession(DockerNetworkAccessManager* nam);

    DockerNetworkAccessManager* networkAccessManager() const { return m_nam; }

    int probeTimeout() const { return m_probeTimeoutMs; }
    void setProbeTimeout(int ms) { m_probeTimeoutMs = ms; }

    // Negotiates once, then returns the cached version.
    DockerResult<QString> negotiateApiVersion();
    // The negotiated version, empty before the first successful call.
    QString apiVersion() const { return m_apiVersion; }
    // What the engine itself reported, before capping to ApiVersion::Newest.
    QString engineApiVersion() const { return m_engineApiVersion; }

    // The first call negotiates with an unversioned /_ping, whose answer is the ping: one round trip.
    DockerResult<Unit> ping();
    // ping() and GET pathAndQuery in one round trip: the GET travels beside the ping instead of after it.
    // Before the version is negotiated it goes out unversioned, which the engine serves at its own API
    // version; that answer is kept when the negotiated version is the engine's, and asked again versioned
    // when the engine is newer than ApiVersion::Newest. When the ping fails, `answer` holds the same error.
    struct PingAndGet
    {
        DockerResult<Unit> ping;
        DockerResult<nlohmann::json> answer;
    };
    PingAndGet pingAndGet(const QString& pathAndQuery);

    // versioned: prefix the negotiated "/vX.Y" (negotiating first if needed).
    // timeoutMs: transfer timeout, 0 = none (streams); -1 = the manager's default.
    DockerResult<Response> request(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                                   const QByteArray& contentType = {}, int timeoutMs = -1, bool versioned = true,
                                   const ChunkHandler& onChunk = {}, std::atomic_bool* cancel = nullptr);
    DockerResult<nlohmann::json> requestJson(const QByteArray& verb, const QString& pathAndQuery,
                                             const QByteArray& body = {}, int timeoutMs = -1);
    DockerResult<Unit> requestUnit(const QByteArray& verb, const QString& pathAndQuery, const QByteArray& body = {},
                                   int timeoutMs = -1);
    // Starts a request and returns its reply at once (the streams own theirs); path is sent as given.
    QNetworkReply* send(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                        const QByteArray& contentType = {}, int timeoutMs = -1);
    // "/vX.Y" + pathAndQuery with the negotiated version.
    QString versionedPath(const QString& pathAndQuery) const;

    DockerResult<nlohmann::json> parseJson(const QByteArray& body, const QString& what) const;
    // An error that did not come from the engine's answer, naming the endpoint like those that did.
    DockerError localError(DockerError::Category category, const QString& message) const;
    DockerError withEndpoint(DockerError error) const;

private:
    // Waits for a reply send() started (other replies keep progressing on the same event loop), logs it
    // and deletes it. `path` is what was sent, for the log line.
    DockerResult<Response> finish(QNetworkReply* reply, const QByteArray& verb, const QString& path,
                                  const ChunkHandler& onChunk = {}, std::atomic_bool* cancel = nullptr);
    DockerResult<nlohmann::json> parseJson(const DockerResult<Response>& response, const QByteArray& verb,
                                           const QString& pathAndQuery) const;

    DockerNetworkAccessManager* m_nam;
    QString m_apiVersion;
    QString m_engineApiVersion;
    int m_probeTimeoutMs;
};

} // namespace occ
