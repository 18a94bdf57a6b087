// libFuzzer target: HttpResponseParser, the HTTP/1.1 parser between the engine's socket and every
// QNetworkReply we hand out. Input: a piece-size byte, a flags byte (bit 0: the request was HEAD; bit 1:
// the connection closes after the input), then the bytes the "engine" sends.
#include "core/transport/HttpResponseParser.h"
#include "fuzz/FuzzInput.h"

#include <cstdlib>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 2) {
        return 0;
    }
    occ::HttpResponseParser parser;
    parser.setHeadRequest((data[1] & 1) != 0);
    qint64 bodyBytes = 0;
    occ::fuzz::feedInPieces(data[0], data + 2, size - 2, [&](const QByteArray& piece) {
        if (parser.hasError()) {
            return;
        }
        parser.feed(piece);
        if (parser.headersComplete()) {
            // What the reply does on every readyRead: look up the framing headers, take the body.
            parser.header("Content-Type");
            parser.hasHeader("Transfer-Encoding");
            bodyBytes += parser.takeBody().size();
        }
    });
    if ((data[1] & 2) != 0 && !parser.hasError()) {
        parser.finish();
    }
    bodyBytes += parser.takeBody().size();
    if (parser.hasError() && parser.errorString().isEmpty()) {
        std::abort(); // the reply shows this string to the user: an error must say what went wrong
    }
    return 0;
}
