#pragma once

#include "core/config/Config.h"
#include "core/detection/DetectionResult.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QThread;

namespace occ {

// Looks at this machine for the setup wizard (Syncthing Tray's SetupDetection): is the Docker engine
// reachable and which API does it speak, is there a config file, a container or volumes from an earlier
// setup, is the port free. No widgets: the wizard's detection page renders the result. run() does the
// engine work in a worker thread (DockerClient is blocking) and emits finished() in this object's thread.
class Detection : public QObject
{
    Q_OBJECT
public:
    // Fills the engine, container and volume fields of a result. The default talks to the real engine;
    // tests inject their own.
    using EngineProbe = std::function<void(const Config& config, DetectionResult& result)>;
    // Tells whether bind:port is free; tests inject their own.
    using PortCheck = std::function<bool(const QString& bind, int port)>;

    explicit Detection(QObject* parent = nullptr);
    ~Detection() override;

    void setConfigPath(const QString& path) { m_configPath = path; }
    // The config whose port and container name are checked (the wizard's current choices).
    void setConfig(const Config& config) { m_config = config; }
    void setEngineProbe(EngineProbe probe) { m_engineProbe = std::move(probe); }
    void setPortCheck(PortCheck check) { m_portCheck = std::move(check); }

    bool isRunning() const { return m_running; }
    DetectionResult result() const { return m_result; }

    // Runs every check synchronously in the calling thread (the CLI's `occ doctor`, tests).
    DetectionResult detectNow() const;

    // The real engine probe.
    static void probeEngine(const Config& config, DetectionResult& result);

    // Fills the port fields for the current config: free, or held by our own running container (not a
    // conflict), else who holds it and the next free port. Reads result.containerRunning/containerForeign.
    void checkPort(DetectionResult& result) const;

public Q_SLOTS:
    // Starts a run in a worker thread; a run already under way is left to finish and reported once.
    void run();

Q_SIGNALS:
    void started();
    void finished(const occ::DetectionResult& result);

private:
    void checkConfig(DetectionResult& result) const;

    QString m_configPath;
    Config m_config;
    EngineProbe m_engineProbe;
    PortCheck m_portCheck;
    DetectionResult m_result;
    QPointer<QThread> m_thread;
    bool m_running = false;
};

} // namespace occ
