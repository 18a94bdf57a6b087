#include "support/FakeEngine.h"

#include "core/docker/DockerClient.h"
#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QDateTime>
#include <QLocalSocket>
#include <QUrl>
#include <QUrlQuery>

namespace occ::test {
namespace {

// One HTTP/1.1 request read off a socket: the head, then a Content-Length or chunked body.
class RequestReader
{
public:
    // True once a whole request is in `buffer`; fills `request`.
    static bool parse(const QByteArray& buffer, FakeEngine::Request* request)
    {
        const int headEnd = buffer.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return false;
        }
        const QList<QByteArray> lines = buffer.left(headEnd).split('\n');
        request->line = lines.first().trimmed();
        request->headers.clear();
        for (int i = 1; i < lines.size(); ++i) {
            const int colon = lines[i].indexOf(':');
            if (colon > 0) {
                request->headers.append({lines[i].left(colon).trimmed(), lines[i].mid(colon + 1).trimmed()});
            }
        }
        const QByteArray rest = buffer.mid(headEnd + 4);
        if (request->header("Transfer-Encoding").toLower() == "chunked") {
            return dechunk(rest, &request->body);
        }
        const int length = request->header("Content-Length").toInt();
        if (rest.size() < length) {
            return false;
        }
        request->body = rest.left(length);
        return true;
    }

private:
    static bool dechunk(const QByteArray& data, QByteArray* body)
    {
        body->clear();
        int pos = 0;
        while (true) {
            const int lineEnd = data.indexOf("\r\n", pos);
            if (lineEnd < 0) {
                return false;
            }
            bool ok = false;
            const int size = data.mid(pos, lineEnd - pos).split(';').first().trimmed().toInt(&ok, 16);
            if (!ok) {
                return false;
            }
            if (size == 0) {
                return data.indexOf("\r\n", lineEnd + 2) >= 0;
            }
            if (data.size() < lineEnd + 2 + size + 2) {
                return false;
            }
            body->append(data.mid(lineEnd + 2, size));
            pos = lineEnd + 2 + size + 2;
        }
    }
};

void splitTarget(FakeEngine::Request* request)
{
    const QList<QByteArray> parts = request->line.split(' ');
    request->method = parts.value(0);
    request->target = parts.value(1);
    QByteArray path = request->target.split('?').first();
    static const QRegularExpression versioned(QStringLiteral("^/v\\d+\\.\\d+(/.*)$"));
    const auto match = versioned.match(QString::fromLatin1(path));
    if (match.hasMatch()) {
        path = match.captured(1).toLatin1();
    }
    request->path = QUrl::fromPercentEncoding(path);
}

} // namespace

QByteArray FakeEngine::Request::header(const QByteArray& name) const
{
    for (const auto& pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0) {
            return pair.second;
        }
    }
    return {};
}

QString FakeEngine::Request::queryItem(const QString& name) const
{
    const int question = target.indexOf('?');
    if (question < 0) {
        return {};
    }
    const QUrlQuery query(QString::fromLatin1(target.mid(question + 1)));
    return query.queryItemValue(name, QUrl::FullyDecoded);
}

nlohmann::json FakeEngine::Request::json() const
{
    return nlohmann::json::parse(body.constData(), body.constData() + body.size(), nullptr, false);
}

FakeEngine::FakeEngine()
    : m_dir(std::make_unique<QTemporaryDir>())
    , m_path(m_dir->filePath(QStringLiteral("engine.sock")))
{
    listen();
}

FakeEngine::FakeEngine(const QString& socketPath, LineHandler handler)
    : m_path(socketPath)
    , m_lineHandler(std::move(handler))
{
    listen();
}

FakeEngine::~FakeEngine()
{
    m_client.reset();
    m_nam.reset();
}

void FakeEngine::listen()
{
    QLocalServer::removeServer(m_path);
    m_server.listen(m_path);
    connect(&m_server, &QLocalServer::newConnection, this, &FakeEngine::handleConnection);
}

void FakeEngine::handleConnection()
{
    // The transport sends one request per connection: answer it, then close. A close mid-body is the
    // "engine died" case of the tests that script one.
    while (QLocalSocket* socket = m_server.nextPendingConnection()) {
        auto buffer = std::make_shared<QByteArray>();
        connect(socket, &QLocalSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QLocalSocket::readyRead, socket, [this, socket, buffer] {
            buffer->append(socket->readAll());
            Request request;
            if (!RequestReader::parse(*buffer, &request)) {
                return;
            }
            buffer->clear();
            request.atMs = QDateTime::currentMSecsSinceEpoch();
            splitTarget(&request);
            socket->write(answer(request));
            socket->flush();
            socket->disconnectFromServer();
        });
    }
}

QByteArray FakeEngine::answer(Request& request)
{
    if (m_lineHandler) {
        m_requests.append(request);
        return m_lineHandler(request.line);
    }
    for (auto rule = m_rules.crbegin(); rule != m_rules.crend(); ++rule) {
        if (rule->method != request.method) {
            continue;
        }
        const auto match = rule->pattern.match(request.path);
        if (!match.hasMatch()) {
            continue;
        }
        request.captures = match.capturedTexts().mid(1);
        const QByteArray response = rule->responder(request);
        if (!response.isEmpty()) {
            m_requests.append(request);
            return response;
        }
    }
    request.captures.clear();
    m_requests.append(request);
    return error(500, QStringLiteral("unexpected request: ") + QString::fromLatin1(request.line));
}

DockerClient* FakeEngine::client()
{
    if (!m_client) {
        const auto endpoint = DockerEndpoint::parse(QStringLiteral("unix://") + m_path);
        if (!endpoint) {
            return nullptr;
        }
        m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
        m_client = std::make_unique<DockerClient>(m_nam.get());
    }
    return m_client.get();
}

void FakeEngine::on(const QByteArray& method, const QString& pattern, Responder responder)
{
    m_rules.append({method, QRegularExpression(QRegularExpression::anchoredPattern(pattern)), std::move(responder)});
}

void FakeEngine::on(const QByteArray& method, const QString& pattern, const QByteArray& response)
{
    on(method, pattern, [response](const Request&) { return response; });
}

QList<FakeEngine::Request> FakeEngine::requests(const QByteArray& method, const QString& pattern) const
{
    const QRegularExpression re(QRegularExpression::anchoredPattern(pattern));
    QList<Request> found;
    for (const Request& r : m_requests) {
        if (r.method == method && re.match(r.path).hasMatch()) {
            found.append(r);
        }
    }
    return found;
}

int FakeEngine::count(const QByteArray& needle) const
{
    int n = 0;
    for (const Request& request : m_requests) {
        n += request.line.contains(needle) ? 1 : 0;
    }
    return n;
}

QByteArray FakeEngine::ping(const QByteArray& apiVersion)
{
    QByteArray headers = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 2\r\n";
    if (!apiVersion.isEmpty()) {
        headers += "Api-Version: " + apiVersion + "\r\n";
    }
    return headers + "Connection: close\r\n\r\nOK";
}

QByteArray FakeEngine::json(const QByteArray& body, int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body;
}

QByteArray FakeEngine::jsonOf(const nlohmann::json& body, int status)
{
    return json(QByteArray::fromStdString(body.dump()), status);
}

QByteArray FakeEngine::noContent(int status)
{
    return "HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
}

QByteArray FakeEngine::error(int status, const QString& message)
{
    return jsonOf(nlohmann::json{{"message", message.toStdString()}}, status);
}

QByteArray FakeEngine::chunkedHead(const QByteArray& contentType)
{
    return "HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nTransfer-Encoding: chunked\r\n\r\n";
}

QByteArray FakeEngine::chunk(const QByteArray& data)
{
    return QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n";
}

QByteArray FakeEngine::frame(int stream, const QByteArray& payload)
{
    QByteArray header(8, '\0');
    header[0] = char(stream);
    header[7] = char(payload.size());
    return header + payload;
}

QByteArray FakeEngine::buildStream(const QList<nlohmann::json>& lines)
{
    QByteArray body;
    for (const nlohmann::json& line : lines) {
        body += QByteArray::fromStdString(line.dump()) + "\r\n";
    }
    return json(body);
}

} // namespace occ::test
