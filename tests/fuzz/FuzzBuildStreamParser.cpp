// libFuzzer target: BuildStreamParser, which turns POST /build's JSON lines ({"stream": ...},
// {"aux": {"ID": ...}}, {"error": ...}) into progress lines, an image id or an error. Input: a piece-size
// byte, then the response body.
#include "core/docker/BuildStreamParser.h"
#include "fuzz/FuzzInput.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    qsizetype seen = 0;
    occ::BuildStreamParser parser([&seen](const occ::BuildProgress& progress) { seen += progress.line.size(); });
    occ::fuzz::feedInPieces(data[0], data + 1, size - 1, [&](const QByteArray& piece) { parser.feed(piece); });
    parser.finish();
    (void)parser.imageId();
    return 0;
}
