#pragma once

// opencode's /global/health for tests of code that probes it: a QTcpServer on 127.0.0.1 in a thread of
// its own, because the probes block their thread while they wait for the answer.

#include <QByteArray>
#include <QList>
#include <QMutex>
#include <QSemaphore>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace occ::test {

class FakeHealthServer : public QThread
{
public:
    // What it answers: an HTTP status, or CloseWithoutAnswer.
    static constexpr int CloseWithoutAnswer = -1;

    FakeHealthServer(); // listening once constructed
    ~FakeHealthServer() override;

    int port() const { return m_port; }
    void setStatus(int httpStatus) { m_status = httpStatus; }
    int connections() const { return m_connections; }
    // The heads of the requests it got, in order.
    QList<QByteArray> requests() const;

protected:
    void run() override;

private:
    void serve(QTcpServer* server);

    std::atomic_int m_status{200};
    std::atomic_int m_connections{0};
    std::atomic_int m_port{0};
    QSemaphore m_listening;
    mutable QMutex m_mutex;
    QList<QByteArray> m_requests;
};

} // namespace occ::test
