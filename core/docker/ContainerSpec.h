#pragma once

#include <QMap>
#include <QString>
#include <QStringList>
#include <QVector>

#include <nlohmann/json.hpp>

#include <optional>

namespace occ {

// Everything we set when creating a container, as plain data. toCreateBody() renders the
// POST /containers/create body; it is pure so every field's JSON is unit-tested.
// Secrets never go into env: they are injected as files with DockerClient::putArchive().
struct ContainerSpec
{
    struct PortBinding
    {
        QString containerPort; // "4096/tcp"
        QString hostIp; // "127.0.0.1"; empty = all interfaces
        QString hostPort; // "4096"; empty = an ephemeral port
    };

    struct Mount
    {
        enum class Type { Volume, Bind };
        Type type = Type::Volume;
        QString source; // volume name or absolute host path
        QString target; // path in the container
        bool readOnly = false;
    };

    struct RestartPolicy
    {
        QString name; // "", "no", "always", "unless-stopped", "on-failure"
        int maximumRetryCount = 0; // only sent for on-failure
    };

    struct Healthcheck
    {
        QStringList test; // {"CMD-SHELL", "wget -q -O- http://127.0.0.1:4096/"}; empty = image default
        qint64 intervalNs = 0;
        qint64 timeoutNs = 0;
        int retries = 0;
        qint64 startPeriodNs = 0;
    };

    QString image;
    QStringList cmd; // empty = image default
    std::optional<QStringList> entrypoint; // nullopt = image default; empty list = reset it
    QStringList env; // "K=V"
    QString user;
    QString workingDir;
    QMap<QString, QString> labels;
    QStringList exposedPorts; // extra "port/proto" to expose without publishing
    QVector<PortBinding> portBindings; // published ports (also exposed)
    QVector<Mount> mounts;
    RestartPolicy restartPolicy;
    bool init = false; // HostConfig.Init: tini as PID 1 reaps zombies and forwards signals
    std::optional<Healthcheck> healthcheck;
    bool tty = false;
    QString stopSignal; // empty = image default
    std::optional<int> stopTimeout; // seconds
    QStringList extraHosts; // "host:ip", e.g. "host.docker.internal:host-gateway"
    QString networkMode; // "", "bridge", "host", a network name

    nlohmann::json toCreateBody() const;
};

} // namespace occ
