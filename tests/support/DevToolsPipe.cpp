#include "support/DevToolsPipe.h"

#include <QDeadlineTimer>
#include <QJsonDocument>

#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

DevToolsPipe::~DevToolsPipe()
{
    stop();
}

bool DevToolsPipe::start(const QString& program, const QStringList& arguments, const QProcessEnvironment& environment,
                         const QString& stderrFile, QString* error)
{
    // A browser that dies must fail a read or a write, not kill the test with SIGPIPE.
    std::signal(SIGPIPE, SIG_IGN);
    int commands[2];
    int replies[2];
    if (pipe2(commands, O_CLOEXEC) != 0 || pipe2(replies, O_CLOEXEC) != 0) {
        *error = QStringLiteral("pipe2: %1").arg(QString::fromLocal8Bit(strerror(errno)));
        return false;
    }
    const int childReads = commands[0];
    const int childWrites = replies[1];
    m_process.setProcessEnvironment(environment);
    m_process.setStandardOutputFile(stderrFile, QIODevice::Append);
    m_process.setStandardErrorFile(stderrFile, QIODevice::Append);
    // In the child, between fork and exec: move the two ends to fds 3 and 4 (dup2 clears close-on-exec;
    // going through fds >= 10 first keeps an end that already is 3 or 4 from being overwritten).
    m_process.setChildProcessModifier([childReads, childWrites] {
        const int in = fcntl(childReads, F_DUPFD, 10);
        const int out = fcntl(childWrites, F_DUPFD, 10);
        dup2(in, 3);
        dup2(out, 4);
        close(in);
        close(out);
    });
    m_process.start(program, arguments);
    const bool started = m_process.waitForStarted(30000);
    close(childReads);
    close(childWrites);
    m_toBrowser = commands[1];
    m_fromBrowser = replies[0];
    if (!started) {
        *error = QStringLiteral("%1 did not start: %2").arg(program, m_process.errorString());
        stop();
        return false;
    }
    return true;
}

void DevToolsPipe::stop()
{
    if (m_toBrowser >= 0) {
        close(m_toBrowser); // Chromium quits when its command pipe closes
        m_toBrowser = -1;
    }
    if (m_process.state() != QProcess::NotRunning && !m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
    if (m_fromBrowser >= 0) {
        close(m_fromBrowser);
        m_fromBrowser = -1;
    }
}

int DevToolsPipe::send(const QString& method, const QJsonObject& params, const QString& sessionId)
{
    if (m_toBrowser < 0) {
        return 0;
    }
    QJsonObject message{
        {QStringLiteral("id"), ++m_nextId}, {QStringLiteral("method"), method}, {QStringLiteral("params"), params}};
    if (!sessionId.isEmpty()) {
        message.insert(QStringLiteral("sessionId"), sessionId);
    }
    const QByteArray bytes = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\0';
    qsizetype written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(m_toBrowser, bytes.constData() + written, size_t(bytes.size() - written));
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            return 0;
        }
        written += n;
    }
    return m_nextId;
}

bool DevToolsPipe::readMessages(int timeoutMs, QList<QJsonObject>* messages)
{
    if (m_fromBrowser < 0) {
        return false;
    }
    pollfd p{m_fromBrowser, POLLIN, 0};
    const int ready = poll(&p, 1, timeoutMs);
    if (ready < 0) {
        return errno == EINTR;
    }
    if (ready == 0) {
        return true;
    }
    char chunk[65536];
    const ssize_t n = ::read(m_fromBrowser, chunk, sizeof chunk);
    if (n < 0) {
        return errno == EINTR || errno == EAGAIN;
    }
    if (n == 0) {
        return false;
    }
    m_buffer.append(chunk, n);
    qsizetype end;
    while ((end = m_buffer.indexOf('\0')) >= 0) {
        const QJsonDocument doc = QJsonDocument::fromJson(m_buffer.left(end));
        m_buffer.remove(0, end + 1);
        if (doc.isObject()) {
            messages->append(doc.object());
        }
    }
    return true;
}

void DevToolsPipe::deliver(const QJsonObject& message)
{
    if (message.contains(QStringLiteral("id"))) {
        m_replies.append(message);
    } else if (m_handler) {
        m_handler(message);
    }
}

QJsonObject DevToolsPipe::call(const QString& method, const QJsonObject& params, const QString& sessionId,
                               int timeoutMs, QString* error)
{
    QString ignored;
    QString& err = error ? *error : ignored;
    const int id = send(method, params, sessionId);
    if (id == 0) {
        err = QStringLiteral("%1: the browser is gone").arg(method);
        return {};
    }
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        for (qsizetype i = 0; i < m_replies.size(); ++i) {
            if (m_replies.at(i).value(QStringLiteral("id")).toInt() != id) {
                continue;
            }
            const QJsonObject reply = m_replies.takeAt(i);
            if (reply.contains(QStringLiteral("error"))) {
                err = QStringLiteral("%1: %2").arg(
                    method,
                    QString::fromUtf8(
                        QJsonDocument(reply.value(QStringLiteral("error")).toObject()).toJson(QJsonDocument::Compact)));
                return {};
            }
            return reply.value(QStringLiteral("result")).toObject();
        }
        m_replies.clear(); // replies to commands nobody waits for (sent by the event handler)
        if (deadline.hasExpired()) {
            err = QStringLiteral("%1: no reply within %2 ms").arg(method).arg(timeoutMs);
            return {};
        }
        QList<QJsonObject> messages;
        if (!readMessages(int(std::min<qint64>(deadline.remainingTime(), 200)), &messages)) {
            err = QStringLiteral("%1: the browser closed the pipe").arg(method);
            return {};
        }
        for (const QJsonObject& m : messages) {
            deliver(m);
        }
    }
}

bool DevToolsPipe::waitForEvent(const std::function<bool(const QJsonObject&)>& match, int timeoutMs)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        QList<QJsonObject> messages;
        if (!readMessages(int(std::min<qint64>(deadline.remainingTime(), 200)), &messages)) {
            return false;
        }
        bool matched = false;
        for (const QJsonObject& m : messages) {
            deliver(m);
            matched = matched || (!m.contains(QStringLiteral("id")) && match(m));
        }
        m_replies.clear();
        if (matched) {
            return true;
        }
    }
    return false;
}

void DevToolsPipe::pump(int milliseconds)
{
    waitForEvent([](const QJsonObject&) { return false; }, milliseconds);
}
