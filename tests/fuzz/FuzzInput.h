#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace occ::fuzz {

// The parsers under test are incremental: bytes arrive in whatever pieces the socket hands over. One
// input byte picks the piece size (1 to 256), so the fuzzer explores split points as well as content.
// Every seed starts with that byte (see tests/fuzz/README.md).
template <typename Feed>
void feedInPieces(uint8_t pieceByte, const uint8_t* data, size_t size, Feed&& feed)
{
    const size_t piece = static_cast<size_t>(pieceByte) + 1;
    const char* bytes = reinterpret_cast<const char*>(data);
    while (size > 0) {
        const size_t n = size < piece ? size : piece;
        feed(QByteArray(bytes, static_cast<qsizetype>(n)));
        bytes += n;
        size -= n;
    }
}

} // namespace occ::fuzz
