#include "core/service/ServiceOperation.h"

#include "core/service/EngineConnection.h"

namespace occ {

namespace {
// A failure is never reported as Kind::None, which ServiceOutcome reads as success.
ServiceError failure(ServiceError error)
{
    if (error.kind == ServiceError::Kind::None) {
        error.kind = ServiceError::Kind::Other;
    }
    return error;
}
} // namespace

ServiceOperation::ServiceOperation(Kind kind, Config config, QString password, QObject* parent)
    : QObject(parent)
    , m_kind(kind)
    , m_config(std::move(config))
    , m_password(std::move(password))
{
    qRegisterMetaType<occ::ServiceProgress>();
    qRegisterMetaType<occ::ServiceOutcome>();
}

ServiceOperation::~ServiceOperation()
{
    m_cancel = true;
    m_thread.quit();
    m_thread.wait();
}

void ServiceOperation::cancel()
{
    m_cancel = true;
}

void ServiceOperation::start()
{
    // The work object lives in the worker thread: the engine connection and every local event loop the
    // controller spins belong to that thread, so the caller's (GUI) thread never waits.
    auto* work = new QObject;
    work->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, work, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, work, [this]() {
        EngineConnection engine(m_config);
        ServiceOutcome outcome;
        if (!engine.isValid()) {
            outcome.error = ServiceError(ServiceError::Kind::Engine, engine.error());
        } else {
            ServiceController controller(m_config, m_password, engine.client());
            auto onProgress = [this](const ServiceProgress& p) {
                QMetaObject::invokeMethod(
                    this, [this, p]() { Q_EMIT progress(p); }, Qt::QueuedConnection);
            };
            if (m_kind == Kind::Stop) {
                auto r = controller.stop();
                if (!r) {
                    outcome.error = failure(r.error());
                }
            } else {
                auto r = m_kind == Kind::Start ? controller.start(onProgress, &m_cancel)
                                               : controller.restart(onProgress, &m_cancel);
                if (r) {
                    outcome.url = r->url;
                } else {
                    outcome.error = failure(r.error());
                }
            }
        }
        QMetaObject::invokeMethod(
            this,
            [this, outcome]() {
                m_thread.quit();
                m_thread.wait();
                Q_EMIT finished(outcome);
                if (m_autoDelete) {
                    deleteLater();
                }
            },
            Qt::QueuedConnection);
    });
    m_thread.start();
}

} // namespace occ
