#pragma once

#include <QString>

#include <memory>

class QTcpSocket;

namespace occ {

// One authenticated GET of opencode's /global/health with a short timeout. opencode answers nothing
// for about a second after it starts and a request sent in that window can hang forever, so every
// probe has its own deadline and callers retry instead of waiting long.
//
// A probe can be split in two: constructing it starts connecting and sends nothing, request() sends the
// GET with the password. `occ status` connects while it asks the engine about the container and sends the
// password only once the engine says the container runs, so the port is ours.
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

    // baseUrl like http://127.0.0.1:4096. Starts connecting and returns at once.
    explicit HealthProbe(const QString& baseUrl);
    ~HealthProbe();
    HealthProbe(const HealthProbe&) = delete;
    HealthProbe& operator=(const HealthProbe&) = delete;

    // Sends the GET and blocks for at most timeoutMs (CLI or worker threads only); once per probe.
    Result request(const QString& username, const QString& password, int timeoutMs);

    // Both steps at once.
    static Result probe(const QString& baseUrl, const QString& username, const QString& password, int timeoutMs);

private:
    QString m_authority; // host:port for the Host header
    QString m_error; // set when baseUrl cannot be probed
    std::unique_ptr<QTcpSocket> m_socket;
};

} // namespace occ
