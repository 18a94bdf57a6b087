// libFuzzer target: the GET /events parse path, EventStream::consume() and atEnd() (JsonLineBuffer
// splitting the body into lines, nlohmann parsing each, DockerEvent::fromJson). The stream is driven
// directly, without a reply: consume() is what EngineStream calls on every readyRead. Input: a piece-size
// byte, then the response body.
#include "core/docker/EventStream.h"
#include "fuzz/FuzzInput.h"

#include <QCoreApplication>

namespace {

class FuzzedEventStream : public occ::EventStream
{
public:
    // The error constructor starts no transfer; the error is only reported from the event loop, which
    // never runs here.
    FuzzedEventStream()
        : occ::EventStream(occ::DockerError())
    { }
    using occ::EventStream::atEnd;
    using occ::EventStream::consume;
};

} // namespace

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    static QCoreApplication app(*argc, *argv); // QObject timers want an event dispatcher
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1) {
        return 0;
    }
    FuzzedEventStream stream;
    int events = 0;
    QObject::connect(&stream, &occ::EventStream::eventReceived, &stream,
                     [&events](const occ::DockerEvent& event) { events += event.action.isEmpty() ? 0 : 1; });
    occ::fuzz::feedInPieces(data[0], data + 1, size - 1, [&](const QByteArray& piece) {
        if (!stream.isFinished()) {
            stream.consume(piece);
        }
    });
    if (!stream.isFinished()) {
        stream.atEnd();
    }
    return 0;
}
