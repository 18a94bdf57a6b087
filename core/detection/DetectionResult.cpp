#include "core/detection/DetectionResult.h"

#include "core/transport/DockerEndpoint.h"

#include <QCoreApplication>

namespace occ {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("occ::DetectionResult", text);
}
} // namespace

QVector<DetectionResult::Fix> DetectionResult::fixes(const QString& userName) const
{
    QVector<Fix> out;
    const QString user = userName.isEmpty() ? QStringLiteral("$USER") : userName;
    // An engine on another host is not started, installed or joined here: say how to reach it instead.
    const std::optional<DockerEndpoint> where = DockerEndpoint::parse(endpoint);
    const DockerEndpoint::Kind kind = where ? where->kind : DockerEndpoint::Kind::Unix;
    if (kind == DockerEndpoint::Kind::Ssh
        && (engine == Engine::NotRunning || engine == Engine::NotInstalled || engine == Engine::Other)) {
        out.append({tr("Check that this machine reaches the engine over ssh, then press Retry."),
                    QStringLiteral("ssh %1%2 docker version")
                        .arg(where->port > 0 ? QStringLiteral("-p %1 ").arg(where->port) : QString(), where->address)});
    } else if (kind == DockerEndpoint::Kind::Tcp
               && (engine == Engine::NotRunning || engine == Engine::NotInstalled || engine == Engine::Other)) {
        out.append({tr("Check the host, port and TLS settings, and that the engine listens there, then press "
                       "Retry."),
                    QStringLiteral("docker -H %1 version").arg(endpoint)});
    } else if (kind == DockerEndpoint::Kind::NamedPipe
               && (engine == Engine::NotRunning || engine == Engine::NotInstalled)) {
        out.append({tr("Start Docker Desktop, then press Retry."), QString()});
    }
    // The remote advice above replaces the local one below (Unknown adds nothing).
    switch (out.isEmpty() ? engine : Engine::Unknown) {
    case Engine::Unknown:
    case Engine::Reachable:
        break;
    case Engine::NotInstalled:
        out.append({tr("Install Docker Engine (or Docker Desktop), then press Retry."),
                    QStringLiteral("sudo apt-get install docker.io")});
        break;
    case Engine::NotRunning:
        out.append(
            {tr("Start the Docker engine, then press Retry."), QStringLiteral("sudo systemctl enable --now docker")});
        break;
    case Engine::PermissionDenied:
        out.append({tr("Add your user to the \"docker\" group, log out and back in, then press Retry."),
                    QStringLiteral("sudo usermod -aG docker %1").arg(user)});
        out.append(
            {tr("To try it without logging out, start a shell with the new group:"), QStringLiteral("newgrp docker")});
        break;
    case Engine::TooOld:
        out.append({tr("Update Docker: this engine's API is too old."), QString()});
        break;
    case Engine::Other:
        out.append({tr("Check that Docker works in a terminal, then press Retry."), QStringLiteral("docker info")});
        break;
    }
    if (!configProblem.isEmpty()) {
        out.append({tr("The existing config file has a problem; fix it by hand or let setup start over "
                       "(a copy of the old file is kept)."),
                    QString()});
    }
    if (!portUsable()) {
        if (suggestedPort > 0 && portHolder.isEmpty()) {
            out.append({tr("Port %1 is taken. Use port %2 instead, or free the port.").arg(port).arg(suggestedPort),
                        QString()});
        } else if (suggestedPort > 0) {
            out.append({tr("Port %1 is taken by %2. Use port %3 instead, or free the port.")
                            .arg(port)
                            .arg(portHolder)
                            .arg(suggestedPort),
                        QString()});
        } else {
            out.append({tr("Port %1 is taken. Choose another port.").arg(port), QString()});
        }
    }
    return out;
}

QString DetectionResult::engineName(Engine engine)
{
    switch (engine) {
    case Engine::Unknown:
        return QStringLiteral("unknown");
    case Engine::Reachable:
        return QStringLiteral("reachable");
    case Engine::NotInstalled:
        return QStringLiteral("not-installed");
    case Engine::NotRunning:
        return QStringLiteral("not-running");
    case Engine::PermissionDenied:
        return QStringLiteral("permission-denied");
    case Engine::TooOld:
        return QStringLiteral("too-old");
    case Engine::Other:
        return QStringLiteral("other");
    }
    return QStringLiteral("unknown");
}

} // namespace occ
