#include "core/docker/EngineSession.h"

#include "core/docker/ApiVersion.h"
#include "core/docker/DockerTypes.h"
#include "core/logging/Logging.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTimer>

namespace occ {

using nlohmann::json;

EngineSession::EngineSession(DockerNetworkAccessManager* nam)
    : m_nam(nam)
    , m_probeTimeoutMs(nam->endpoint().kind == DockerEndpoint::Kind::Ssh ? SshProbeTimeoutMs : ProbeTimeoutMs)
{ }

QByteArray EngineSession::Response::header(const QByteArray& name) const
{
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
            return pair.second;
        }
    }
    return {};
}

DockerError EngineSession::localError(DockerError::Category category, const QString& message) const
{
    return withEndpoint(DockerError(category, message));
}

DockerError EngineSession::withEndpoint(DockerError error) const
{
    error.setEndpoint(m_nam->endpoint().toUrlString());
    return error;
}

QString EngineSession::versionedPath(const QString& pathAndQuery) const
{
    return QStringLiteral("/v") + m_apiVersion + pathAndQuery;
}

QNetworkReply* EngineSession::send(const QByteArray& verb, const QString& path, const QByteArray& body,
                                   const QByteArray& contentType, int timeoutMs)
{
    QNetworkRequest request = m_nam->engineRequest(path);
    if (timeoutMs >= 0) {
        request.setTransferTimeout(timeoutMs);
    }
    if (!contentType.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    }
    if (verb == "GET") {
        return m_nam->get(request);
    }
    if (verb == "POST") {
        return m_nam->post(request, body);
    }
    if (verb == "PUT") {
        return m_nam->put(request, body);
    }
    if (verb == "DELETE") {
        return m_nam->deleteResource(request);
    }
    return m_nam->sendCustomRequest(request, verb, body);
}

DockerResult<EngineSession::Response> EngineSession::request(const QByteArray& verb, const QString& pathAndQuery,
                                                             const QByteArray& body, const QByteArray& contentType,
                                                             int timeoutMs, bool versioned, const ChunkHandler& onChunk,
                                                             std::atomic_bool* cancel)
{
    if (versioned) {
        auto negotiated = negotiateApiVersion();
        if (!negotiated) {
            return negotiated.error();
        }
    }
    const QString path = versioned ? versionedPath(pathAndQuery) : pathAndQuery;
    return finish(send(verb, path, body, contentType, timeoutMs), verb, path, onChunk, cancel);
}

DockerResult<EngineSession::Response> EngineSession::finish(QNetworkReply* reply, const QByteArray& verb,
                                                            const QString& path, const ChunkHandler& onChunk,
                                                            std::atomic_bool* cancel)
{
    Response response;
    bool cancelled = false;
    QEventLoop loop;

    auto drain = [&] {
        const QByteArray chunk = reply->readAll();
        if (chunk.isEmpty()) {
            return;
        }
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        // Error answers are collected whole for DockerError, never handed to a stream handler.
        if (onChunk && status < 300 && !cancelled) {
            if (!onChunk(chunk)) {
                cancelled = true;
                reply->abort();
            }
        } else {
            response.body += chunk;
        }
    };
    QObject::connect(reply, &QNetworkReply::readyRead, &loop, drain);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer cancelPoll;
    if (cancel) {
        QObject::connect(&cancelPoll, &QTimer::timeout, &loop, [&] {
            if (cancel->load() && !reply->isFinished()) {
                cancelled = true;
                reply->abort();
            }
        });
        cancelPoll.start(100);
    }
    if (!reply->isFinished()) {
        loop.exec(QEventLoop::ExcludeUserInputEvents);
    }
    cancelPoll.stop();
    drain();

    response.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    response.headers = reply->rawHeaderPairs();
    DockerError error = DockerError::fromReply(reply, response.body);
    // -vv: one line per engine request. Bodies are not logged (a create body or an archive can carry
    // secrets); the redacting sink masks anything that slips into a path.
    Logging::get("docker")->trace("{} {} -> {} ({} bytes){}", verb.constData(), path, response.status,
                                  response.body.size(),
                                  error.isError() ? QStringLiteral(": ") + error.message() : QString());
    // Deleted now, not with deleteLater(): a CLI that never runs an outer event loop would
    // otherwise keep every reply of the process alive. finished() has fully returned here.
    delete reply;
    if (cancelled) {
        return localError(DockerError::Category::Cancelled, QStringLiteral("cancelled"));
    }
    if (error.isError()) {
        return error;
    }
    return response;
}

DockerResult<json> EngineSession::parseJson(const QByteArray& body, const QString& what) const
{
    try {
        return json::parse(body.constData(), body.constData() + body.size());
    } catch (const json::exception& e) {
        return localError(DockerError::Category::Parse,
                          QStringLiteral("%1: %2").arg(what, QString::fromUtf8(e.what())));
    }
}

DockerResult<json> EngineSession::parseJson(const DockerResult<Response>& response, const QByteArray& verb,
                                            const QString& pathAndQuery) const
{
    if (!response) {
        return response.error();
    }
    return parseJson(response->body,
                     QString::fromLatin1(verb) + QLatin1Char(' ') + pathAndQuery.section(QLatin1Char('?'), 0, 0));
}

DockerResult<json> EngineSession::requestJson(const QByteArray& verb, const QString& pathAndQuery,
                                              const QByteArray& body, int timeoutMs)
{
    return parseJson(request(verb, pathAndQuery, body, body.isEmpty() ? QByteArray() : "application/json", timeoutMs),
                     verb, pathAndQuery);
}

DockerResult<Unit> EngineSession::requestUnit(const QByteArray& verb, const QString& pathAndQuery,
                                              const QByteArray& body, int timeoutMs)
{
    auto response = request(verb, pathAndQuery, body, body.isEmpty() ? QByteArray() : "application/json", timeoutMs);
    if (!response) {
        return response.error();
    }
    return Unit{};
}

DockerResult<QString> EngineSession::negotiateApiVersion()
{
    if (!m_apiVersion.isEmpty()) {
        return m_apiVersion;
    }
    QString engineVersion;
    auto ping = request("GET", QStringLiteral("/_ping"), {}, {}, m_probeTimeoutMs, false);
    if (ping) {
        engineVersion = QString::fromLatin1(ping->header("Api-Version")).trimmed();
    } else if (ping.error().httpStatus() == 0) {
        return ping.error(); // no engine, no permission, timeout: /version would fail the same way
    }
    if (engineVersion.isEmpty()) {
        auto version = request("GET", QStringLiteral("/version"), {}, {}, m_probeTimeoutMs, false);
        if (!version) {
            return version.error();
        }
        auto parsed = parseJson(version->body, QStringLiteral("GET /version"));
        if (!parsed) {
            return parsed.error();
        }
        engineVersion = EngineVersion::fromJson(*parsed).apiVersion;
    }
    auto negotiated = ApiVersion::negotiate(engineVersion);
    if (!negotiated) {
        return withEndpoint(negotiated.error());
    }
    m_engineApiVersion = engineVersion;
    m_apiVersion = *negotiated;
    return m_apiVersion;
}

DockerResult<Unit> EngineSession::ping()
{
    // The first call negotiates with an unversioned /_ping: that answer is the ping, no second round trip.
    if (m_apiVersion.isEmpty()) {
        auto negotiated = negotiateApiVersion();
        if (!negotiated) {
            return negotiated.error();
        }
        return Unit{};
    }
    return requestUnit("GET", QStringLiteral("/_ping"), {}, m_probeTimeoutMs);
}

EngineSession::PingAndGet EngineSession::pingAndGet(const QString& path)
{
    const bool negotiated = !m_apiVersion.isEmpty();
    const QString sent = negotiated ? versionedPath(path) : path;
    QNetworkReply* get = send("GET", sent, {}, {}, m_probeTimeoutMs);
    DockerResult<Unit> ping = this->ping(); // its event loop carries the GET too
    if (!ping && !get->isFinished()) {
        get->abort(); // the engine did not answer the ping: do not wait for the GET as well
    }
    DockerResult<Response> answer = finish(get, "GET", sent);
    if (!ping) {
        return {ping, ping.error()};
    }
    if (!negotiated && ApiVersion::compare(m_apiVersion, m_engineApiVersion) != 0) {
        // The engine is newer than we speak: its unversioned answer is not in the version we negotiated.
        answer = request("GET", path);
    }
    auto parsed = parseJson(answer, "GET", path);
    if (!parsed) {
        return {ping, parsed.error()};
    }
    return {ping, *parsed};
}

} // namespace occ
