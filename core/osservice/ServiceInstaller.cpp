#include "core/osservice/ServiceInstaller.h"

#include "core/osservice/LaunchdInstaller.h"
#include "core/osservice/SystemdInstaller.h"
#include "core/osservice/WindowsServiceInstaller.h"

namespace occ {

ServiceInstaller::Backend ServiceInstaller::nativeBackend()
{
#if defined(Q_OS_WIN)
    return Backend::WindowsService;
#elif defined(Q_OS_MACOS)
    return Backend::Launchd;
#else
    return Backend::Systemd;
#endif
}

std::unique_ptr<ServiceInstaller> ServiceInstaller::create(Backend backend, CommandRunner& runner, FileWriter& files)
{
    switch (backend) {
    case Backend::Systemd:
        return std::make_unique<SystemdInstaller>(runner, files);
    case Backend::Launchd:
        return std::make_unique<LaunchdInstaller>(runner, files);
    case Backend::WindowsService:
        return std::make_unique<WindowsServiceInstaller>(runner, files);
    }
    return nullptr;
}

ServiceInstaller::ServiceInstaller(CommandRunner& runner, FileWriter& files)
    : m_runner(runner)
    , m_files(files)
{ }

ServiceInstaller::~ServiceInstaller() = default;

Result<Unit, OsServiceError> ServiceInstaller::enableLinger(const ServiceDefinition&)
{
    return Unit{};
}

OsServiceError ServiceInstaller::commandError(const QString& what, const ServiceCommand& command,
                                              const CommandResult& result)
{
    OsServiceError error;
    error.message = what;
    error.detail = QStringLiteral("%1 exited with %2: %3")
                       .arg(command.toDisplayString())
                       .arg(result.exitCode)
                       .arg(QString::fromLocal8Bit(result.standardError.trimmed()));
    return error;
}

std::optional<OsServiceError> ServiceInstaller::runChecked(const ServiceCommand& command, const QString& what,
                                                           CommandResult* out)
{
    const CommandResult result = m_runner.run(command);
    if (out) {
        *out = result;
    }
    if (result.succeeded()) {
        return std::nullopt;
    }
    return commandError(what, command, result);
}

} // namespace occ
