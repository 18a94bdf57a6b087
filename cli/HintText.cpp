#include "cli/HintText.h"

#include "core/config/ConfigError.h"
#include "core/detection/ConfigWarning.h"
#include "core/docker/DockerError.h"
#include "core/frontdoor/FrontDoorError.h"
#include "core/service/ServiceError.h"

#include <QStringList>

namespace occ::cli {

QString HintText::command(const Hint& hint)
{
    switch (hint.action) {
    case Hint::Action::StartEngine:
        return QStringLiteral("sudo systemctl start docker");
    case Hint::Action::JoinDockerGroup:
        return QStringLiteral("sudo usermod -aG docker $USER");
    case Hint::Action::CheckSshAccess:
        return QStringLiteral("ssh %1 docker version")
            .arg(hint.target.isEmpty() ? QStringLiteral("HOST") : hint.target);
    case Hint::Action::ChangePort:
        return QStringLiteral("occ config set network.port N");
    case Hint::Action::ChangeContainerName:
        return QStringLiteral("occ config set service.container_name NAME");
    case Hint::Action::SetPassword:
        return QStringLiteral("occ password set");
    case Hint::Action::BindLoopback:
        return QStringLiteral("occ config set network.bind 127.0.0.1");
    case Hint::Action::RunSetup:
        return QStringLiteral("occ setup");
    case Hint::Action::EnableFrontDoor:
        return QStringLiteral("occ config set frontdoor.enabled true");
    case Hint::Action::ShowLogs:
        return QStringLiteral("occ logs -n %1").arg(hint.count > 0 ? hint.count : 50);
    case Hint::Action::FixConfigKey:
        return QStringLiteral("occ config set %1 %2")
            .arg(hint.key, hint.target.isEmpty() ? QStringLiteral("VALUE") : hint.target);
    case Hint::Action::ListConfigKeys:
        return QStringLiteral("occ help config");
    case Hint::Action::ShowStatus:
        return QStringLiteral("occ status");
    case Hint::Action::PassCredentials:
        return QStringLiteral("occ doctor --url URL --user NAME --password-stdin");
    }
    return QString();
}

QString HintText::sentence(const Hint& hint)
{
    const QString cmd = command(hint);
    switch (hint.action) {
    case Hint::Action::StartEngine:
        return QStringLiteral("Start it with `%1`, or install it with `occ setup`.").arg(cmd);
    case Hint::Action::JoinDockerGroup:
        return QStringLiteral("Add yourself to the docker group: `%1` and log in again.").arg(cmd);
    case Hint::Action::CheckSshAccess:
        return QStringLiteral("Check that `%1` works from this machine.").arg(cmd);
    case Hint::Action::ChangePort:
        return QStringLiteral("Stop it, or choose another port with `%1` (`occ doctor` shows who holds it).").arg(cmd);
    case Hint::Action::ChangeContainerName:
        return hint.target.isEmpty()
            ? QStringLiteral("Remove or rename the old one with your Docker tools, or choose another name with "
                             "`%1`.")
                  .arg(cmd)
            : QStringLiteral("Remove or rename it (`docker rm -f %1`), or choose another name with `%2`.")
                  .arg(hint.target, cmd);
    case Hint::Action::SetPassword:
        return QStringLiteral("Set a password with `%1`.").arg(cmd);
    case Hint::Action::BindLoopback:
        return QStringLiteral("To keep it on this machine, bind to 127.0.0.1 with `%1`.").arg(cmd);
    case Hint::Action::RunSetup:
        return QStringLiteral("Run `%1` first.").arg(cmd);
    case Hint::Action::EnableFrontDoor:
        return QStringLiteral("Turn the front door on with `%1`.").arg(cmd);
    case Hint::Action::ShowLogs:
        return QStringLiteral("See `%1`.").arg(cmd);
    case Hint::Action::FixConfigKey:
        return QStringLiteral("Change %1 with `%2`.").arg(hint.key, cmd);
    case Hint::Action::ListConfigKeys:
        return QStringLiteral("`%1` lists the keys.").arg(cmd);
    case Hint::Action::ShowStatus:
        return QStringLiteral("On the host, `%1` and `occ logs -n 100` show why.").arg(cmd);
    case Hint::Action::PassCredentials:
        return QStringLiteral("Or pass the credentials: `%1`.").arg(cmd);
    }
    return QString();
}

QString HintText::describe(const QString& message, const Hints& hints)
{
    QStringList parts;
    if (!message.isEmpty()) {
        parts << message;
    }
    for (const Hint& hint : hints) {
        parts << sentence(hint);
    }
    return parts.join(QLatin1Char(' '));
}

QString HintText::describe(const DockerError& error)
{
    return describe(error.userMessage(), error.hints());
}

QString HintText::describe(const ServiceError& error)
{
    return describe(error.message, error.hints);
}

QString HintText::describe(const FrontDoorError& error)
{
    return describe(error.message, error.hints);
}

QString HintText::describe(const ConfigError& error)
{
    if (error.kind != ConfigError::Kind::UnknownKey) {
        return error.toString();
    }
    return describe(error.toString() + QLatin1Char('.'), {Hint::of(Hint::Action::ListConfigKeys)});
}

QString HintText::describe(const ConfigWarning& warning)
{
    switch (warning.kind) {
    case ConfigWarning::Kind::TlsWithoutFrontDoor:
        return QStringLiteral("%1 is \"%2\" but the front door is off: TLS needs the front door, so opencode stays "
                              "on plain HTTP. Turn it on with `occ config set %3 %4`, or set %1 to off.")
            .arg(warning.key, warning.value, warning.fixKey, warning.fixValue);
    }
    return QString();
}

} // namespace occ::cli
