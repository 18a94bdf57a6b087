#pragma once

#include "core/config/Config.h"
#include "core/service/ServiceController.h"

#include <QObject>
#include <QThread>

#include <atomic>

namespace occ {

// How one operation ended: on success the URL the service answers at, else the typed error (its kind and
// the engine's error; the front ends make the words).
struct ServiceOutcome
{
    ServiceError error; // Kind::None on success
    QString url;

    bool ok() const { return error.kind == ServiceError::Kind::None; }
};

// Runs one ServiceController operation (start, stop, restart) in a worker thread so a GUI never blocks:
// progress() and finished() arrive in the thread that created the operation. Deletes itself after
// finished() unless the caller keeps it (setAutoDelete(false)).
class ServiceOperation : public QObject
{
    Q_OBJECT
public:
    enum class Kind { Start, Stop, Restart };
    Q_ENUM(Kind)

    ServiceOperation(Kind kind, Config config, QString password, QObject* parent = nullptr);
    ~ServiceOperation() override;

    Kind kind() const { return m_kind; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

public Q_SLOTS:
    void start();
    // Asks the operation to stop at its next step (an image build, waiting for health).
    void cancel();

Q_SIGNALS:
    void progress(const occ::ServiceProgress& progress);
    void finished(const occ::ServiceOutcome& outcome);

private:
    Kind m_kind;
    Config m_config;
    QString m_password;
    QThread m_thread;
    std::atomic_bool m_cancel{false};
    bool m_autoDelete = true;
};

} // namespace occ

Q_DECLARE_METATYPE(occ::ServiceProgress)
Q_DECLARE_METATYPE(occ::ServiceOutcome)
