#include "core/docker/LogDemuxer.h"

#include <algorithm>
#include <cstring>

namespace occ {

bool LogDemuxer::feed(const char* data, size_t size, const FrameCallback& onFrame)
{
    if (hasError()) {
        return false;
    }
    const char* p = data;
    const char* end = data + size;
    while (p < end) {
        if (!m_inPayload) {
            const size_t take = std::min(HeaderSize - m_headerFill, static_cast<size_t>(end - p));
            std::memcpy(m_header + m_headerFill, p, take);
            m_headerFill += take;
            p += take;
            if (m_headerFill < HeaderSize) {
                return true;
            }
            m_headerFill = 0;
            if (m_header[0] > 2 || m_header[1] != 0 || m_header[2] != 0 || m_header[3] != 0) {
                m_error = QStringLiteral("bad log frame header %1: not a multiplexed stream")
                              .arg(QString::fromLatin1(
                                  QByteArray(reinterpret_cast<const char*>(m_header), HeaderSize).toHex(' ')));
                return false;
            }
            m_stream = m_header[0];
            m_remaining = (uint32_t(m_header[4]) << 24) | (uint32_t(m_header[5]) << 16) | (uint32_t(m_header[6]) << 8)
                | uint32_t(m_header[7]);
            m_inPayload = true;
            m_partial.clear();
            // Whole payload present: hand out a pointer into the caller's chunk.
            if (static_cast<size_t>(end - p) >= m_remaining) {
                onFrame(m_stream, p, m_remaining);
                p += m_remaining;
                m_remaining = 0;
                m_inPayload = false;
                continue;
            }
            // The size comes from the stream: reserve at most 1 MiB ahead and let larger frames grow as their
            // bytes arrive, or a corrupt header would allocate up to 4 GiB at once (found by FuzzLogDemuxer).
            m_partial.reserve(std::min<size_t>(m_remaining, MaxReserve));
        }
        const size_t take = std::min(static_cast<size_t>(m_remaining), static_cast<size_t>(end - p));
        m_partial.append(p, take);
        p += take;
        m_remaining -= static_cast<uint32_t>(take);
        if (m_remaining == 0) {
            m_inPayload = false;
            onFrame(m_stream, m_partial.data(), m_partial.size());
            m_partial.clear();
        }
    }
    return true;
}

QVector<LogFrame> LogDemuxer::feed(const QByteArray& chunk)
{
    QVector<LogFrame> frames;
    feed(chunk.constData(), static_cast<size_t>(chunk.size()), [&frames](int stream, const char* data, size_t size) {
        frames.append(LogFrame{stream, QByteArray(data, static_cast<qsizetype>(size))});
    });
    return frames;
}

void LogDemuxer::reset()
{
    m_headerFill = 0;
    m_inPayload = false;
    m_stream = 0;
    m_remaining = 0;
    m_partial.clear();
    m_error.clear();
}

} // namespace occ
