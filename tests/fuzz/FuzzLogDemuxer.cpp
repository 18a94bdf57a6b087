// libFuzzer target: LogDemuxer, which splits a non-TTY container log stream (8-byte frame headers:
// stream, three zero bytes, big-endian size) into stdout and stderr. Input: a piece-size byte, then the
// stream. Both feed() overloads see the same pieces and must agree.
#include "core/docker/LogDemuxer.h"
#include "fuzz/FuzzInput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    occ::LogDemuxer byCallback;
    occ::LogDemuxer byFrames;
    QByteArray fromCallback;
    QByteArray fromFrames;
    occ::fuzz::feedInPieces(data[0], data + 1, size - 1, [&](const QByteArray& piece) {
        byCallback.feed(
            piece.constData(), static_cast<size_t>(piece.size()), [&](int stream, const char* bytes, size_t n) {
                if (stream != 1 && stream != 2 && stream != 0) {
                    std::abort(); // only stdin (0), stdout (1) and stderr (2) exist
                }
                fromCallback.append(static_cast<char>('0' + stream)).append(bytes, static_cast<qsizetype>(n));
            });
        for (const occ::LogFrame& frame : byFrames.feed(piece)) {
            fromFrames.append(static_cast<char>('0' + frame.stream)).append(frame.payload);
        }
    });
    if (byCallback.hasError() != byFrames.hasError() || fromCallback != fromFrames
        || byCallback.isAtFrameBoundary() != byFrames.isAtFrameBoundary()) {
        std::abort();
    }
    return 0;
}
