#include "core/transport/HttpRequestWriter.h"

#include <QUrl>

namespace occ {

namespace {

// Headers we write ourselves; a caller's value for them would break our framing.
bool isOwnHeader(const QByteArray& name)
{
    static const QByteArray own[] = {"host", "connection", "content-length", "transfer-encoding"};
    const QByteArray lower = name.toLower();
    for (const QByteArray& o : own) {
        if (lower == o) {
            return true;
        }
    }
    return false;
}

} // namespace

HttpRequestWriter::Framing HttpRequestWriter::framingFor(const QByteArray& verb, bool hasBody, bool sizeKnown)
{
    if (hasBody) {
        return sizeKnown ? Framing::ContentLength : Framing::Chunked;
    }
    // RFC 9110 8.6: a user agent SHOULD send Content-Length when the method gives the content a meaning
    // (POST, PUT) and it sends no Transfer-Encoding, so an empty POST says "Content-Length: 0".
    return verb == "POST" || verb == "PUT" ? Framing::ContentLength : Framing::None;
}

HttpRequestWriter::HttpRequestWriter(QByteArray verb, QNetworkRequest request, Framing framing, qint64 contentLength)
    : m_verb(std::move(verb))
    , m_request(std::move(request))
    , m_framing(framing)
    , m_contentLength(framing == Framing::ContentLength ? qMax<qint64>(0, contentLength) : 0)
{ }

QByteArray HttpRequestWriter::target(const QUrl& url)
{
    QByteArray target = url.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    if (target.isEmpty() || !target.startsWith('/')) {
        target.prepend('/');
    }
    return target;
}

QByteArray HttpRequestWriter::canonicalHeaderName(const QByteArray& name)
{
    // Qt 6.8 hands rawHeaderList() back in lower case, Qt 6.4 as the caller spelled it; names are
    // case-insensitive, but this keeps the bytes we send the same on every Qt version.
    QByteArray out = name.toLower();
    bool upper = true;
    for (char& c : out) {
        if (upper && c >= 'a' && c <= 'z') {
            c = char(c - 'a' + 'A');
        }
        upper = c == '-';
    }
    return out;
}

QByteArray HttpRequestWriter::head() const
{
    QByteArray head = m_verb + ' ' + target(m_request.url()) + " HTTP/1.1\r\n";
    // Docker ignores the host of a local request; any valid name will do.
    head += "Host: docker\r\n";
    head += "Connection: close\r\n";
    if (!m_request.hasRawHeader("User-Agent")) {
        head += "User-Agent: opencode-cloud\r\n";
    }
    if (m_framing == Framing::Chunked) {
        head += "Transfer-Encoding: chunked\r\n";
    } else if (m_framing == Framing::ContentLength) {
        head += "Content-Length: " + QByteArray::number(m_contentLength) + "\r\n";
    }
    const QList<QByteArray> names = m_request.rawHeaderList();
    for (const QByteArray& name : names) {
        if (!isOwnHeader(name)) {
            head += canonicalHeaderName(name) + ": " + m_request.rawHeader(name) + "\r\n";
        }
    }
    head += "\r\n";
    return head;
}

QByteArray HttpRequestWriter::bodyPiece(const QByteArray& piece) const
{
    if (m_framing != Framing::Chunked) {
        return piece;
    }
    if (piece.isEmpty()) {
        return {}; // an empty chunk would end the body
    }
    return QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
}

QByteArray HttpRequestWriter::bodyEnd() const
{
    return m_framing == Framing::Chunked ? QByteArray("0\r\n\r\n") : QByteArray();
}

} // namespace occ
