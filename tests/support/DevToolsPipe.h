#pragma once

// A Chrome DevTools Protocol client over --remote-debugging-pipe: the browser reads commands from its
// fd 3 and writes replies and events to its fd 4, one JSON message per NUL-terminated record. No
// WebSocket and no debugging port, so nothing else on the machine can drive the browser.
//
// Synchronous on purpose: a test sends a command, waits for its reply or for an event, and sees every
// event in between through the handler (which may send commands of its own, e.g. to answer
// Fetch.authRequired the way a person answers the browser's login prompt).

#include <QJsonObject>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <functional>

class DevToolsPipe
{
public:
    using EventHandler = std::function<void(const QJsonObject& event)>;

    DevToolsPipe() = default;
    ~DevToolsPipe();
    DevToolsPipe(const DevToolsPipe&) = delete;
    DevToolsPipe& operator=(const DevToolsPipe&) = delete;

    // Starts PROGRAM ARGUMENTS (which must end up exec'ing a Chromium started with
    // --remote-debugging-pipe) with fds 3 and 4 wired to this client. stderr goes to STDERR_FILE.
    bool start(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
               const QString& stderrFile, QString* error);

    void setEventHandler(EventHandler handler) { m_handler = std::move(handler); }

    // Sends a command without waiting; returns its id (0 when the browser is gone).
    int send(const QString& method, const QJsonObject& params = {}, const QString& sessionId = {});

    // Sends a command and waits for its reply. On failure returns an empty object and sets *error.
    QJsonObject call(const QString& method, const QJsonObject& params = {}, const QString& sessionId = {},
                     int timeoutMs = 30000, QString* error = nullptr);

    // Delivers events until MATCH returns true for one (true) or the time is up (false).
    bool waitForEvent(const std::function<bool(const QJsonObject&)>& match, int timeoutMs);

    // Delivers events for a while (lets the page work while nothing in particular is awaited).
    void pump(int milliseconds);

    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }
    void stop();

private:
    // Reads what has arrived within TIMEOUT_MS and splits it into messages; false when the pipe closed.
    bool readMessages(int timeoutMs, QList<QJsonObject>* messages);
    void deliver(const QJsonObject& message);

    QProcess m_process;
    int m_toBrowser = -1;
    int m_fromBrowser = -1;
    int m_nextId = 0;
    QByteArray m_buffer;
    QList<QJsonObject> m_replies;
    EventHandler m_handler;
};
