#pragma once

#include "core/transport/DockerNetworkAccessManager.h"
#include "core/util/Hint.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

class QNetworkReply;

namespace occ {

// What went wrong talking to the engine, mapped once from the HTTP status, the transport's
// TransportErrorAttribute and the engine's {"message": ...} body, so callers switch on a
// category instead of parsing strings. A default-constructed DockerError means "no error".
class DockerError
{
public:
    enum class Category {
        None,
        NoEngine, // no socket / pipe / host, or nothing listens on it
        PermissionDenied, // the socket exists but we may not open it
        NotFound, // 404: no such container, image, volume, network
        Conflict, // 409: name in use, container already running/removing, ...
        ApiVersion, // the engine is too old for us, or rejected our API version
        BadRequest, // 400 (other than the API version)
        Server, // 500 and anything else the engine failed at (port in use lands here)
        Parse, // the engine answered, but not with what the API documents
        Timeout, // no data within the transfer timeout
        Connection, // the connection broke mid-response, TLS / ssh failed, bad HTTP
        Cancelled, // the caller aborted
    };

    DockerError() = default;
    DockerError(Category category, QString message, int httpStatus = 0);

    // The single mapping from a finished reply (and the body the caller already read from it).
    // Returns Category::None for a 2xx/3xx reply without transport error.
    static DockerError fromReply(QNetworkReply* reply, const QByteArray& body);
    // The same mapping from its parts, for replies that never existed (and for tests).
    static DockerError fromParts(int httpStatus, TransportError transportError, const QByteArray& body,
                                 const QString& transportMessage, const QString& endpoint);

    Category category() const { return m_category; }
    bool isError() const { return m_category != Category::None; }
    int httpStatus() const { return m_httpStatus; }
    // The engine's own text ("No such container: x") or the transport's; English, for logs.
    const QString& message() const { return m_message; }
    // The endpoint the error happened on, as the docker CLI writes it (may be empty).
    const QString& endpoint() const { return m_endpoint; }
    void setEndpoint(const QString& endpoint) { m_endpoint = endpoint; }

    // What kind of endpoint the error happened on (unix when unknown): the advice depends on it. Starting
    // the local daemon helps nobody whose engine is on another host.
    DockerEndpoint::Kind endpointKind() const;

    // One or two sentences for a person: what happened, with the system's own advice where it fits the
    // endpoint (tcp: check host, port, TLS). English, for the CLI and logs; the desktop words the category.
    QString userMessage() const;
    // What helps, fitting the endpoint (a local socket: start Docker here; ssh: try `docker version` over
    // ssh). Front ends word them: the CLI after userMessage(), the desktop as a button.
    Hints hints() const;

    // The engine cannot be used at all (none there, no permission, silent, connection failed, too old),
    // as opposed to a request the engine refused. Front ends give all of these one exit code / state.
    bool isEngineUnavailable() const;

    // A 409 because a container/volume/network with that name already exists.
    bool isNameConflict() const;
    // Starting a container failed because a published host port is taken. The engine reports
    // this as a 500, so it stays Category::Server; this tells it apart.
    bool isPortInUse() const;

    static QString categoryName(Category category);

private:
    QString where() const;
    QString serverText() const;

    Category m_category = Category::None;
    int m_httpStatus = 0;
    QString m_message;
    QString m_endpoint;
};

} // namespace occ

Q_DECLARE_METATYPE(occ::DockerError)
