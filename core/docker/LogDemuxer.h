#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QVector>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>

namespace occ {

// One frame of a container's output: stream 0 stdin (never sent in practice), 1 stdout, 2 stderr.
struct LogFrame
{
    int stream = 1;
    QByteArray payload;
};

// Splits the multiplexed stream of a non-TTY container's logs/attach into frames. Each frame is
// an 8-byte header (stream type, three zero bytes, big-endian uint32 payload size) then the payload.
// Incremental: feed bytes however the socket split them. A frame wholly inside one chunk is passed
// to the callback as a pointer into that chunk (no copy); only frames split across chunks are
// buffered, in one reused buffer, so `occ logs -n 100000` costs no allocation per line.
class LogDemuxer
{
public:
    using FrameCallback = std::function<void(int stream, const char* data, size_t size)>;

    // Returns false (and stops consuming) once the framing is broken: non-zero padding or a
    // stream type above 2 means this is not a multiplexed stream (a TTY container, or garbage).
    bool feed(const char* data, size_t size, const FrameCallback& onFrame);
    // Convenience for tests and small streams: the frames completed by this chunk.
    QVector<LogFrame> feed(const QByteArray& chunk);

    bool hasError() const { return !m_error.isEmpty(); }
    const QString& errorString() const { return m_error; }
    // True when no partial header or payload is pending, i.e. the stream may end here cleanly.
    bool isAtFrameBoundary() const { return m_headerFill == 0 && !m_inPayload; }
    void reset();

    static constexpr size_t HeaderSize = 8;
    static constexpr size_t MaxReserve = 1024 * 1024; // bytes reserved ahead for a frame split across chunks

private:
    unsigned char m_header[HeaderSize] = {};
    size_t m_headerFill = 0;
    bool m_inPayload = false;
    int m_stream = 0;
    uint32_t m_remaining = 0;
    std::string m_partial; // payload of a frame split across chunks; keeps its capacity
    QString m_error;
};

} // namespace occ

Q_DECLARE_METATYPE(occ::LogFrame)
