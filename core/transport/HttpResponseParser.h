#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace occ {

// An incremental HTTP/1.1 response parser without I/O: feed() it bytes as they arrive, split anywhere,
// and take the body out with takeBody() as it is decoded. It frames bodies by Content-Length, by chunked
// transfer coding (extensions and trailers allowed), or by the connection closing (call finish() at EOF).
// Interim 1xx responses are skipped, except 101 (Switching Protocols), after which everything is a raw,
// close-delimited body: that is how the engine hands over an upgraded attach/exec connection.
// Anything that could make us read a body with the wrong boundaries is an error, never a guess:
// smuggling-style Content-Length conflicts included.
class HttpResponseParser
{
public:
    static constexpr int MaxHeaderBytes = 64 * 1024; // the status line plus headers (or trailers) of one response
    static constexpr int MaxChunkLineBytes = 4096; // a chunk-size line with its extensions

    enum class State {
        StatusLine,
        Headers,
        Body,
        ChunkSize,
        ChunkData,
        ChunkDataEnd,
        Trailers,
        Complete,
        Error,
    };

    // A response to HEAD has headers that describe a body it never carries.
    void setHeadRequest(bool head) { m_headRequest = head; }

    // Consumes all of data. Returns false once the response is malformed (see errorString()).
    // Bytes after a complete message are ignored: we send one request per connection.
    bool feed(const QByteArray& data);
    // The peer closed the connection. Completes a close-delimited body; anything else still
    // unfinished is an error ("closed mid-response"). Returns messageComplete().
    bool finish();

    State state() const { return m_state; }
    bool headersComplete() const { return m_headersComplete; }
    bool messageComplete() const { return m_state == State::Complete; }
    bool hasError() const { return m_state == State::Error; }
    QString errorString() const { return m_error; }
    // True when the peer closed before the message was complete (as opposed to sending bad bytes).
    bool truncated() const { return m_truncated; }

    int statusCode() const { return m_statusCode; }
    QByteArray reasonPhrase() const { return m_reason; }
    // Headers of the final response in arrival order, with duplicates folded into one
    // comma-separated value under the first spelling of the name seen.
    QList<QPair<QByteArray, QByteArray>> headers() const { return m_headers; }
    // The value of a header, case-insensitive; empty when absent.
    QByteArray header(const QByteArray& name) const;
    bool hasHeader(const QByteArray& name) const;
    QList<QPair<QByteArray, QByteArray>> trailers() const { return m_trailers; }
    // -1 when the body is not framed by Content-Length.
    qint64 contentLength() const { return m_contentLength; }
    bool isChunked() const { return m_chunked; }

    qint64 bodyBytesAvailable() const { return m_body.size(); }
    // Decoded body bytes received since the last call.
    QByteArray takeBody();

private:
    bool fail(const QString& error);
    // Takes one line (without its CR LF) from m_buffer at m_pos; false when none is complete yet.
    bool takeLine(QByteArray* line);
    bool parseStatusLine(const QByteArray& line);
    bool parseHeaderLine(const QByteArray& line, QList<QPair<QByteArray, QByteArray>>* into,
                         QHash<QByteArray, qsizetype>* index);
    bool finishHeaders();
    bool parseChunkSize(const QByteArray& line);
    // One move of the state machine over the buffered input; false when it needs more input or failed.
    bool step();
    bool handleLine(const QByteArray& line);
    // Moves up to `expected` bytes (all there are when < 0) of body or chunk data from the buffer to the
    // body; when the last expected byte arrived, goes to `whenDone`. False when the buffer is empty.
    bool takeData(qint64 expected, State whenDone);
    void resetForNextResponse();
    void compact();

    State m_state = State::StatusLine;
    bool m_headRequest = false;
    bool m_headersComplete = false;
    bool m_truncated = false;
    QString m_error;

    QByteArray m_buffer; // undecoded input
    qsizetype m_pos = 0; // how far into m_buffer we have consumed
    qsizetype m_headerBytes = 0; // size of the current header or trailer block so far

    int m_statusCode = 0;
    QByteArray m_reason;
    QList<QPair<QByteArray, QByteArray>> m_headers;
    QList<QPair<QByteArray, QByteArray>> m_trailers;
    // lower-case name -> position in m_headers / m_trailers, so folding stays linear in a 64 KiB block
    QHash<QByteArray, qsizetype> m_headerIndex;
    QHash<QByteArray, qsizetype> m_trailerIndex;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    qint64 m_remaining = 0; // body or chunk bytes still expected
    QByteArray m_body; // decoded, not yet taken
};

} // namespace occ
