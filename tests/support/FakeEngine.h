#pragma once

// A Docker engine on a QLocalServer that answers what a test scripted and records every request, for
// the answers a real engine cannot be made to give on purpose (a port in use, an engine that dies
// mid-stream, odd API versions) and for unit tests of code that talks to an engine without one.

#include <QByteArray>
#include <QList>
#include <QLocalServer>
#include <QObject>
#include <QPair>
#include <QRegularExpression>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <nlohmann/json.hpp>

#include <functional>
#include <memory>

namespace occ {
class DockerClient;
class DockerNetworkAccessManager;
} // namespace occ

namespace occ::test {

class FakeEngine : public QObject
{
public:
    // One request as the engine got it.
    struct Request
    {
        QByteArray method; // "GET"
        QByteArray target; // as sent: "/v1.41/containers/x/json?all=1"
        QString path; // without the "/vX.Y" prefix and the query, percent-decoded: "/containers/x/json"
        QByteArray line; // the request line: "GET /v1.41/containers/x/json?all=1 HTTP/1.1"
        QList<QPair<QByteArray, QByteArray>> headers;
        QByteArray body; // de-chunked
        QStringList captures; // the scripted pattern's capture groups (1..n)
        qint64 atMs = 0; // when it arrived, ms since the epoch

        QByteArray header(const QByteArray& name) const;
        QString queryItem(const QString& name) const; // decoded, empty when absent
        nlohmann::json json() const; // the body parsed; null when it is not JSON
    };
    // Returns the whole HTTP response (see the helpers below).
    using Responder = std::function<QByteArray(const Request&)>;
    // The raw form: the request line in, the response out.
    using LineHandler = std::function<QByteArray(const QByteArray& requestLine)>;

    // Listens on a socket in a temporary directory of its own. Requests nothing was scripted for are
    // answered 500 {"message":"unexpected request"}.
    FakeEngine();
    // Listens on `socketPath`; every request goes to `handler`.
    FakeEngine(const QString& socketPath, LineHandler handler);
    ~FakeEngine() override;

    bool isListening() const { return m_server.isListening(); }
    QString socketPath() const { return m_path; }
    // A client for this engine, made on first use and owned by the engine.
    DockerClient* client();

    // Answers `method` on a path matching `pattern` (a regular expression over Request::path, anchored at
    // both ends). A later rule for the same request wins over an earlier one; a responder that returns
    // nothing passes the request on to the earlier rules (to watch, delay or count requests).
    void on(const QByteArray& method, const QString& pattern, Responder responder);
    void on(const QByteArray& method, const QString& pattern, const QByteArray& response);

    const QList<Request>& requests() const { return m_requests; }
    // The requests for `method` on paths matching `pattern` (as for on()).
    QList<Request> requests(const QByteArray& method, const QString& pattern) const;
    // How many request lines contain `needle`.
    int count(const QByteArray& needle) const;
    void clearRequests() { m_requests.clear(); }

    // Responses.
    static QByteArray ping(const QByteArray& apiVersion);
    static QByteArray json(const QByteArray& body, int status = 200);
    static QByteArray jsonOf(const nlohmann::json& body, int status = 200);
    static QByteArray noContent(int status = 204);
    static QByteArray error(int status, const QString& message); // the engine's {"message": ...}
    static QByteArray chunkedHead(const QByteArray& contentType);
    static QByteArray chunk(const QByteArray& data);
    static QByteArray frame(int stream, const QByteArray& payload); // a log frame, small payloads only
    // A build's answer: one JSON object per line (stream, status, error, aux) in one 200 response.
    static QByteArray buildStream(const QList<nlohmann::json>& lines);

private:
    struct Rule
    {
        QByteArray method;
        QRegularExpression pattern;
        Responder responder;
    };

    void listen();
    void handleConnection();
    QByteArray answer(Request& request);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
    QLocalServer m_server;
    LineHandler m_lineHandler;
    QList<Rule> m_rules;
    QList<Request> m_requests;
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<DockerClient> m_client;
};

} // namespace occ::test
