#pragma once

#include "core/docker/DockerError.h"
#include "core/docker/DockerTypes.h"
#include "core/docker/JsonLineBuffer.h"

#include <functional>

namespace occ {

// Reads POST /build's answer: JSON lines such as {"stream":"Step 1/5 : FROM x\n"},
// {"status":"Downloading","progressDetail":{"current":1,"total":9}}, {"aux":{"ID":"sha256:..."}}.
// A failed build still answers 200: the failure is a line {"errorDetail":{...},"error":"..."},
// which becomes error() (Category::Server, httpStatus 200) so it can never pass as success.
class BuildStreamParser
{
public:
    using ProgressCallback = std::function<void(const BuildProgress&)>;

    explicit BuildStreamParser(ProgressCallback onProgress = {});

    void feed(const QByteArray& chunk);
    // Call once the body ended: flushes a last line without newline.
    void finish();

    const QString& imageId() const { return m_imageId; }
    bool hasError() const { return m_error.isError(); }
    const DockerError& error() const { return m_error; }
    int step() const { return m_step; }
    int totalSteps() const { return m_totalSteps; }

private:
    void handleLine(const QByteArray& line);
    void emitText(const QString& text);
    void emitLine(const QString& line, qint64 current = 0, qint64 total = 0);

    ProgressCallback m_onProgress;
    JsonLineBuffer m_lines;
    QString m_partialText; // "stream" text not yet ended by a newline
    QString m_imageId;
    DockerError m_error;
    int m_step = 0;
    int m_totalSteps = 0;
};

} // namespace occ
