#pragma once

#include <QByteArray>
#include <QNetworkRequest>

namespace occ {

// The bytes of an HTTP/1.1 request to the engine, from the request alone: a pure function of its input,
// tested byte for byte. One request per connection ("Connection: close"), so the engine's close-delimited
// streams (attach, hijacked exec) end when the engine closes.
//
// A body goes out with Content-Length when its size is known, or chunked (Transfer-Encoding) when it is a
// stream of unknown length; bodyPiece() and bodyEnd() frame the bytes accordingly.
class HttpRequestWriter
{
public:
    enum class Framing {
        None, // no body and no Content-Length (GET, HEAD, DELETE without a body)
        ContentLength, // a body of known size; also "Content-Length: 0" for POST and PUT without a body
        Chunked, // a body of unknown size
    };

    // The framing for a request: `hasBody` when the caller gave upload data, `sizeKnown` when its length is
    // known (declared or measured).
    static Framing framingFor(const QByteArray& verb, bool hasBody, bool sizeKnown);

    HttpRequestWriter(QByteArray verb, QNetworkRequest request, Framing framing, qint64 contentLength = 0);

    // Request line, Host, Connection, User-Agent (unless the caller set one), the body framing, then the
    // caller's headers in canonical case (ours win: a caller's Host or Content-Length would break framing).
    QByteArray head() const;
    // Body bytes as they go on the wire: as they are, or as one chunk.
    QByteArray bodyPiece(const QByteArray& piece) const;
    // What ends the body: the last chunk when chunked, nothing otherwise.
    QByteArray bodyEnd() const;

    Framing framing() const { return m_framing; }

    // The request target: path and query as the URL encodes them, always starting with '/'.
    static QByteArray target(const QUrl& url);
    // A header name as Go's net/http (the engine) writes it: "content-type" -> "Content-Type".
    static QByteArray canonicalHeaderName(const QByteArray& name);

private:
    QByteArray m_verb;
    QNetworkRequest m_request;
    Framing m_framing;
    qint64 m_contentLength;
};

} // namespace occ
