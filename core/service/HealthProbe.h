#pragma once

#include <QString>

namespace occ {

// One authenticated GET of opencode's /global/health with a short timeout. opencode answers nothing
// for about a second after it starts and a request sent in that window can hang forever, so every
// probe has its own deadline and callers retry instead of waiting long.
class HealthProbe
{
public:
    struct Result
    {
        bool answered = false; // an HTTP response arrived
        int httpStatus = 0;
        QString error; // transport error text when !answered
        bool healthy() const { return answered && httpStatus == 200; }
    };

    // baseUrl like http://127.0.0.1:4096; blocks for at most timeoutMs (CLI or worker threads only).
    static Result probe(const QString& baseUrl, const QString& username, const QString& password, int timeoutMs);
};

} // namespace occ
