#include "core/docker/DockerError.h"

#include <QNetworkReply>
#include <nlohmann/json.hpp>

namespace occ {

namespace {

// The engine sends {"message": "..."}; anything else (a proxy's HTML page, an empty body) is
// passed on trimmed and shortened rather than dropped, since it is all the user will see.
QString engineMessage(const QByteArray& body)
{
    if (body.isEmpty()) {
        return {};
    }
    auto json = nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
    if (json.is_object()) {
        auto it = json.find("message");
        if (it != json.end() && it->is_string()) {
            return QString::fromStdString(it->get<std::string>()).trimmed();
        }
    }
    return QString::fromUtf8(body.left(500)).trimmed();
}

QString unixSocketPath(const QString& endpoint)
{
    static const QString prefix = QStringLiteral("unix://");
    return endpoint.startsWith(prefix) ? endpoint.mid(prefix.size()) : endpoint;
}

} // namespace

DockerError::DockerError(Category category, QString message, int httpStatus)
    : m_category(category)
    , m_httpStatus(httpStatus)
    , m_message(std::move(message))
{ }

DockerError DockerError::fromParts(int httpStatus, TransportError transportError, const QByteArray& body,
                                   const QString& transportMessage, const QString& endpoint)
{
    DockerError error;
    error.m_endpoint = endpoint;
    error.m_httpStatus = httpStatus;

    // A transport failure wins: a status without its body (connection cut mid-body) is not an answer.
    if (transportError != TransportError::None) {
        error.m_message = transportMessage;
        switch (transportError) {
        case TransportError::EngineMissing:
        case TransportError::ConnectionRefused:
            error.m_category = Category::NoEngine;
            break;
        case TransportError::PermissionDenied:
            error.m_category = Category::PermissionDenied;
            break;
        case TransportError::Timeout:
            error.m_category = Category::Timeout;
            break;
        case TransportError::None:
        case TransportError::ConnectionClosed:
        case TransportError::ProtocolError:
        case TransportError::SshFailed:
        case TransportError::TlsError:
            error.m_category = Category::Connection;
            break;
        }
        return error;
    }

    if (httpStatus == 0) {
        error.m_category = Category::Connection;
        error.m_message = transportMessage.isEmpty() ? QStringLiteral("no response from the engine") : transportMessage;
        return error;
    }
    if (httpStatus < 400) {
        return error;
    }

    error.m_message = engineMessage(body);
    if (error.m_message.isEmpty()) {
        error.m_message = QStringLiteral("HTTP %1").arg(httpStatus);
    }
    switch (httpStatus) {
    case 404:
        error.m_category = Category::NotFound;
        break;
    case 409:
        error.m_category = Category::Conflict;
        break;
    case 400:
        // "client version 1.50 is too new. Maximum supported API version is 1.41",
        // "client version 1.12 is too old. Minimum supported API version is 1.24, ..."
        if (error.m_message.contains(QStringLiteral("client version"), Qt::CaseInsensitive)
            && (error.m_message.contains(QStringLiteral("too old"), Qt::CaseInsensitive)
                || error.m_message.contains(QStringLiteral("too new"), Qt::CaseInsensitive))) {
            error.m_category = Category::ApiVersion;
        } else {
            error.m_category = Category::BadRequest;
        }
        break;
    default:
        error.m_category = Category::Server;
        break;
    }
    return error;
}

DockerError DockerError::fromReply(QNetworkReply* reply, const QByteArray& body)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QVariant transport = reply->attribute(TransportErrorAttribute);
    auto transportError = transport.isValid() ? static_cast<TransportError>(transport.toInt()) : TransportError::None;
    QString endpoint;
    if (auto* nam = qobject_cast<DockerNetworkAccessManager*>(reply->manager())) {
        endpoint = nam->endpoint().toUrlString();
    }
    if (transportError == TransportError::None && reply->error() == QNetworkReply::OperationCanceledError) {
        DockerError error(Category::Cancelled, QStringLiteral("cancelled"), status);
        error.m_endpoint = endpoint;
        return error;
    }
    // Without our attribute (Qt's own local-socket HTTP on Qt >= 6.8) fall back to Qt's error codes.
    if (transportError == TransportError::None && status == 0 && reply->error() != QNetworkReply::NoError) {
        switch (reply->error()) {
        case QNetworkReply::ConnectionRefusedError:
        case QNetworkReply::HostNotFoundError:
            transportError = TransportError::EngineMissing;
            break;
        case QNetworkReply::TimeoutError:
            transportError = TransportError::Timeout;
            break;
        default:
            transportError = TransportError::ConnectionClosed;
            break;
        }
    }
    return fromParts(status, transportError, body, reply->errorString(), endpoint);
}

DockerEndpoint::Kind DockerError::endpointKind() const
{
    const std::optional<DockerEndpoint> parsed = DockerEndpoint::parse(m_endpoint);
    return parsed ? parsed->kind : DockerEndpoint::Kind::Unix;
}

bool DockerError::isEngineUnavailable() const
{
    switch (m_category) {
    case Category::NoEngine:
    case Category::PermissionDenied:
    case Category::ApiVersion:
    case Category::Timeout:
    case Category::Connection:
        return true;
    default:
        return false;
    }
}

namespace {

// "-p 2222 alice@host" for ssh://alice@host:2222: where `ssh ... docker version` shows whether the remote
// engine answers over ssh at all (the CLI words the command, see Hint::Action::CheckSshAccess).
QString sshDestination(const QString& endpoint)
{
    const std::optional<DockerEndpoint> parsed = DockerEndpoint::parse(endpoint);
    if (!parsed) {
        return QStringLiteral("HOST");
    }
    return QStringLiteral("%1%2").arg(parsed->port > 0 ? QStringLiteral("-p %1 ").arg(parsed->port) : QString(),
                                      parsed->address);
}

QString noEngineText(const QString& where, DockerEndpoint::Kind kind)
{
    switch (kind) {
    case DockerEndpoint::Kind::Tcp:
        return QStringLiteral("No Docker engine answers at %1. Check the host and port (docker.host or "
                              "DOCKER_HOST), the TLS settings (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), and that "
                              "the remote engine listens there.")
            .arg(where);
    case DockerEndpoint::Kind::Ssh:
        return QStringLiteral("No Docker engine answers at %1.").arg(where);
    case DockerEndpoint::Kind::NamedPipe:
        return QStringLiteral("Docker is not running (no engine at %1). Start Docker Desktop.").arg(where);
    case DockerEndpoint::Kind::Unix:
        break;
    }
    return QStringLiteral("Docker is not running or not installed (no engine at %1).").arg(where);
}

QString timeoutText(const QString& where, const QString& message, DockerEndpoint::Kind kind)
{
    switch (kind) {
    case DockerEndpoint::Kind::Tcp:
        return QStringLiteral("Docker at %1 did not answer in time (%2). Check that the host and port are "
                              "a Docker engine's, that no firewall drops the connection, and that the engine "
                              "is not overloaded.")
            .arg(where, message);
    case DockerEndpoint::Kind::Ssh:
        return QStringLiteral("Docker at %1 did not answer in time (%2).").arg(where, message);
    case DockerEndpoint::Kind::Unix:
    case DockerEndpoint::Kind::NamedPipe:
        break;
    }
    return QStringLiteral("Docker at %1 did not answer in time (%2). It may be hung or overloaded: check "
                          "`docker info`, and restart it if it hangs too (`sudo systemctl restart docker`).")
        .arg(where, message);
}

QString connectionText(const QString& where, const QString& message, DockerEndpoint::Kind kind)
{
    switch (kind) {
    case DockerEndpoint::Kind::Tcp:
        return QStringLiteral("The connection to Docker at %1 failed (%2). Check the host and port, the TLS "
                              "settings (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), and that the remote engine "
                              "listens there.")
            .arg(where, message);
    case DockerEndpoint::Kind::Ssh:
        return QStringLiteral("The connection to Docker at %1 failed (%2).").arg(where, message);
    case DockerEndpoint::Kind::Unix:
    case DockerEndpoint::Kind::NamedPipe:
        break;
    }
    return QStringLiteral("The connection to Docker at %1 broke (%2). Check that Docker is still running: "
                          "`docker info`.")
        .arg(where, message);
}

} // namespace

QString DockerError::where() const
{
    return m_endpoint.isEmpty() ? QStringLiteral("unix:///var/run/docker.sock") : m_endpoint;
}

QString DockerError::userMessage() const
{
    switch (m_category) {
    case Category::None:
        return {};
    case Category::NoEngine:
        return noEngineText(where(), endpointKind());
    case Category::PermissionDenied:
        return QStringLiteral("Permission denied on %1.").arg(unixSocketPath(where()));
    case Category::NotFound:
        return QStringLiteral("%1. Check the name; it may have been removed, or never created or built.")
            .arg(m_message);
    case Category::Conflict:
        return isNameConflict()
            ? QStringLiteral("%1.").arg(m_message)
            : QStringLiteral("%1. Wait for the running operation to finish and try again.").arg(m_message);
    case Category::ApiVersion:
        return QStringLiteral("The Docker engine at %1 speaks an API version we cannot use (%2). "
                              "Update Docker to 20.10 or newer.")
            .arg(where(), m_message);
    case Category::BadRequest:
        return QStringLiteral("Docker rejected the request: %1.").arg(m_message);
    case Category::Server:
        return serverText();
    case Category::Parse:
        return QStringLiteral("Docker answered something unexpected (%1). Check that %2 is a Docker engine.")
            .arg(m_message, where());
    case Category::Timeout:
        return timeoutText(where(), m_message, endpointKind());
    case Category::Connection:
        return connectionText(where(), m_message, endpointKind());
    case Category::Cancelled:
        return QStringLiteral("Cancelled.");
    }
    return m_message;
}

QString DockerError::serverText() const
{
    if (isPortInUse()) {
        return QStringLiteral("The port is already in use by another program (%1).").arg(m_message);
    }
    if (m_httpStatus == 200) {
        // Only failures reported inside a streamed 200 answer get here: a build step failed.
        return QStringLiteral("The image build failed: %1. Fix the step above and build again.").arg(m_message);
    }
    return QStringLiteral("Docker failed: %1. See `journalctl -u docker` for details.").arg(m_message);
}

Hints DockerError::hints() const
{
    const bool ssh = endpointKind() == DockerEndpoint::Kind::Ssh;
    switch (m_category) {
    case Category::NoEngine:
        if (ssh) {
            return {Hint::withTarget(Hint::Action::CheckSshAccess, sshDestination(where()))};
        }
        return endpointKind() == DockerEndpoint::Kind::Unix ? Hints{Hint::of(Hint::Action::StartEngine)} : Hints{};
    case Category::PermissionDenied:
        return {Hint::of(Hint::Action::JoinDockerGroup)};
    case Category::Conflict:
        return isNameConflict() ? Hints{Hint::of(Hint::Action::ChangeContainerName)} : Hints{};
    case Category::Server:
        return isPortInUse() ? Hints{Hint::of(Hint::Action::ChangePort)} : Hints{};
    case Category::Timeout:
    case Category::Connection:
        return ssh ? Hints{Hint::withTarget(Hint::Action::CheckSshAccess, sshDestination(where()))} : Hints{};
    default:
        return {};
    }
}

bool DockerError::isNameConflict() const
{
    // "Conflict. The container name \"/x\" is already in use by container ...",
    // "network with name x already exists", "volume name is already in use".
    return m_category == Category::Conflict
        && (m_message.contains(QStringLiteral("is already in use"), Qt::CaseInsensitive)
            || m_message.contains(QStringLiteral("already exists"), Qt::CaseInsensitive));
}

bool DockerError::isPortInUse() const
{
    return m_message.contains(QStringLiteral("port is already allocated"), Qt::CaseInsensitive)
        || m_message.contains(QStringLiteral("address already in use"), Qt::CaseInsensitive);
}

QString DockerError::categoryName(Category category)
{
    switch (category) {
    case Category::None:
        return QStringLiteral("None");
    case Category::NoEngine:
        return QStringLiteral("NoEngine");
    case Category::PermissionDenied:
        return QStringLiteral("PermissionDenied");
    case Category::NotFound:
        return QStringLiteral("NotFound");
    case Category::Conflict:
        return QStringLiteral("Conflict");
    case Category::ApiVersion:
        return QStringLiteral("ApiVersion");
    case Category::BadRequest:
        return QStringLiteral("BadRequest");
    case Category::Server:
        return QStringLiteral("Server");
    case Category::Parse:
        return QStringLiteral("Parse");
    case Category::Timeout:
        return QStringLiteral("Timeout");
    case Category::Connection:
        return QStringLiteral("Connection");
    case Category::Cancelled:
        return QStringLiteral("Cancelled");
    }
    return {};
}

} // namespace occ
