#include "wizard/ErrorPresenter.h"

#include "core/autostart/AutostartError.h"
#include "core/config/Config.h"
#include "core/detection/ConfigWarning.h"
#include "core/docker/DockerError.h"
#include "core/service/ServiceError.h"

#include <QCoreApplication>

namespace occ {

namespace {
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("occ::ErrorPresenter", text, disambiguation, n);
}

// " (the system's reason)" when there is one.
QString cause(const QString& text)
{
    return text.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(text);
}

ErrorPresenter::View engineView(const DockerError& error)
{
    switch (error.category()) {
    case DockerError::Category::PermissionDenied:
        return {tr("You have no permission to use Docker. The setup wizard shows how to get it."),
                ErrorPresenter::Remedy::OpenSetup};
    case DockerError::Category::ApiVersion:
        return {tr("This Docker engine is too old for opencode-cloud. Update Docker to 20.10 or newer."),
                ErrorPresenter::Remedy::None};
    case DockerError::Category::None:
    case DockerError::Category::NoEngine:
        break;
    default:
        return {ErrorPresenter::docker(error), ErrorPresenter::Remedy::OpenSetup};
    }
    return {tr("Docker is not running or not installed. The setup wizard shows how to start it."),
            ErrorPresenter::Remedy::OpenSetup};
}

ErrorPresenter::View conflictView(const ServiceError& error, const Config& config)
{
    if (error.docker.isPortInUse()) {
        return {tr("Port %1 is in use by another program. Stop that program, or choose another port in "
                   "Settings.")
                    .arg(config.port),
                ErrorPresenter::Remedy::OpenSettings};
    }
    if (error.docker.isNameConflict() || error.docker.category() == DockerError::Category::Conflict) {
        return {tr("A container named \"%1\" already exists and was not made by opencode-cloud. Remove or "
                   "rename it with your Docker tools, then try again.")
                    .arg(config.containerName),
                ErrorPresenter::Remedy::None};
    }
    return {tr("Something else holds what opencode-cloud needs (a port or a container name). The app's log "
               "has the details."),
            ErrorPresenter::Remedy::ShowLogs};
}
} // namespace

ErrorPresenter::View ErrorPresenter::service(const ServiceError& error, const Config& config)
{
    switch (error.kind) {
    case ServiceError::Kind::None:
        return {};
    case ServiceError::Kind::Engine:
        return engineView(error.docker);
    case ServiceError::Kind::NotSetUp:
        return {tr("opencode-cloud is not set up yet."), Remedy::OpenSetup};
    case ServiceError::Kind::Config:
        return {tr("The settings do not allow this start (for example, listening on the network without a "
                   "password). Review them in Settings; the app's log has the details."),
                Remedy::OpenSettings};
    case ServiceError::Kind::Image:
        return {tr("The opencode image could not be built. The logs show the step that failed."), Remedy::ShowLogs};
    case ServiceError::Kind::Health:
        return {tr("opencode did not become ready in time, or stopped while starting. The logs show why."),
                Remedy::ShowLogs};
    case ServiceError::Kind::Conflict:
        return conflictView(error, config);
    case ServiceError::Kind::Cancelled:
        return {tr("Cancelled."), Remedy::None};
    case ServiceError::Kind::FrontDoor:
        return frontDoor(error.frontDoor, config);
    case ServiceError::Kind::Other:
        break;
    }
    if (error.docker.isError()) {
        return {docker(error.docker), Remedy::ShowLogs};
    }
    return {tr("Something went wrong. The app's log has the details."), Remedy::ShowLogs};
}

QString ErrorPresenter::docker(const DockerError& error)
{
    switch (error.category()) {
    case DockerError::Category::None:
        return QString();
    case DockerError::Category::NoEngine:
        return tr("Docker is not running or not installed.");
    case DockerError::Category::PermissionDenied:
        return tr("You have no permission to use Docker.");
    case DockerError::Category::NotFound:
        return tr("Docker does not know it: %1.").arg(error.message());
    case DockerError::Category::Conflict:
        return tr("Docker is busy with it: %1. Wait a moment and try again.").arg(error.message());
    case DockerError::Category::ApiVersion:
        return tr("This Docker engine is too old for opencode-cloud. Update Docker to 20.10 or newer.");
    case DockerError::Category::Timeout:
        return tr("Docker did not answer in time. It may be overloaded; try again in a moment.");
    case DockerError::Category::Connection:
        return tr("The connection to Docker broke. Check that Docker is still running.");
    case DockerError::Category::Cancelled:
        return tr("Cancelled.");
    case DockerError::Category::BadRequest:
    case DockerError::Category::Server:
    case DockerError::Category::Parse:
        break;
    }
    return tr("Docker reported an error: %1").arg(error.message());
}

ErrorPresenter::View ErrorPresenter::hint(const Hint& hint)
{
    switch (hint.action) {
    case Hint::Action::StartEngine:
        return {tr("Start Docker, or let the setup wizard check it and show how to install it."), Remedy::OpenSetup};
    case Hint::Action::JoinDockerGroup:
        return {tr("Your user needs permission to use Docker; the setup wizard shows how to get it."),
                Remedy::OpenSetup};
    case Hint::Action::CheckSshAccess:
        // "-p 2222 alice@host": the person knows the host, not ssh's options.
        return {tr("Check that this computer can log in to %1 with ssh and use Docker there.")
                    .arg(hint.target.section(QLatin1Char(' '), -1)),
                Remedy::OpenSetup};
    case Hint::Action::ChangePort:
        return {tr("Choose another port in Settings, or stop the program that uses it."), Remedy::OpenSettings};
    case Hint::Action::ChangeContainerName:
        return {tr("Remove or rename the other container with your Docker tools, then try again."), Remedy::None};
    case Hint::Action::SetPassword:
        return {tr("Set a password in Settings."), Remedy::OpenSettings};
    case Hint::Action::BindLoopback:
        return {tr("Or let only this computer connect, in Settings."), Remedy::OpenSettings};
    case Hint::Action::RunSetup:
        return {tr("Set up opencode-cloud with the setup wizard."), Remedy::OpenSetup};
    case Hint::Action::EnableFrontDoor:
        return {tr("Turn on the front door so that the TLS setting takes effect."), Remedy::EnableFrontDoor};
    case Hint::Action::ShowLogs:
        return {tr("The logs show why."), Remedy::ShowLogs};
    case Hint::Action::FixConfigKey:
        return {tr("Change the setting \"%1\" (in Settings, or in the config file).").arg(hint.key),
                Remedy::OpenSettings};
    case Hint::Action::ListConfigKeys:
        return {tr("Check the setting's name in Settings."), Remedy::OpenSettings};
    case Hint::Action::ShowStatus:
        return {tr("The service's status and logs on its host show why."), Remedy::ShowLogs};
    case Hint::Action::PassCredentials:
        return {tr("Enter the user name and password to log in with."), Remedy::OpenSettings};
    }
    return {};
}

ErrorPresenter::View ErrorPresenter::frontDoor(FrontDoorError::Kind kind, const Config& config)
{
    switch (kind) {
    case FrontDoorError::Kind::Config:
        return {tr("The front door's settings do not fit together (TLS mode, public address, ports or e-mail). "
                   "Review them; the app's log names the setting."),
                Remedy::OpenSettings};
    case FrontDoorError::Kind::TlsInvalid:
        return {tr("The TLS certificate or key cannot be used (unreadable, not PEM, not matching, out of date or "
                   "for another name). The app's log says which."),
                Remedy::ShowLogs};
    case FrontDoorError::Kind::LocalCa:
        return {tr("The local certificate authority for the front door could not be made. The app's log says why."),
                Remedy::ShowLogs};
    case FrontDoorError::Kind::PortInUse:
        return {tr("Port %1 or %2 for the front door is in use by another program. Stop that program, or choose "
                   "other ports.")
                    .arg(config.frontDoorHttpPort)
                    .arg(config.frontDoorHttpsPort),
                Remedy::OpenSettings};
    case FrontDoorError::Kind::CaddyFailed:
        return {tr("The front door (Caddy) could not be built or started. The logs show why."), Remedy::ShowLogs};
    case FrontDoorError::Kind::Network:
        return {tr("Docker could not make the private network between the front door and opencode. The logs show "
                   "why."),
                Remedy::ShowLogs};
    case FrontDoorError::Kind::Engine:
        break;
    }
    return {tr("Docker failed while handling the front door. The logs show why."), Remedy::ShowLogs};
}

ErrorPresenter::View ErrorPresenter::configWarning(const ConfigWarning& warning)
{
    switch (warning.kind) {
    case ConfigWarning::Kind::TlsWithoutFrontDoor:
        return {tr("TLS is set to \"%1\", but the front door is off: TLS needs the front door, so opencode stays on "
                   "plain HTTP.")
                    .arg(warning.value),
                Remedy::EnableFrontDoor};
    }
    return {};
}

QString ErrorPresenter::autostart(const AutostartError& error)
{
    switch (error.kind) {
    case AutostartError::Kind::CreateFolder:
        return tr("Could not create the folder %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Write:
        return tr("Could not write %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Remove:
        return tr("Could not remove %1%2.").arg(error.path, cause(error.cause));
    case AutostartError::Kind::Registry:
        return tr("Windows did not let opencode-cloud change %1%2.").arg(error.path, cause(error.cause));
    }
    return QString();
}

QString ErrorPresenter::remedyLabel(Remedy remedy)
{
    switch (remedy) {
    case Remedy::None:
        return QString();
    case Remedy::OpenSetup:
        return tr("Open the setup wizard");
    case Remedy::OpenSettings:
        return tr("Open Settings");
    case Remedy::ShowLogs:
        return tr("Show the logs");
    case Remedy::EnableFrontDoor:
        return tr("Turn on the front door");
    }
    return QString();
}

} // namespace occ
