#pragma once

#include "core/osservice/ServiceInstaller.h"

namespace occ {

// launchd: a LaunchAgent in gui/<uid> or a LaunchDaemon in the system domain.
class LaunchdInstaller : public ServiceInstaller
{
public:
    using ServiceInstaller::ServiceInstaller;

    Backend backend() const override { return Backend::Launchd; }
    QStringList problems(const ServiceDefinition& definition) const override;
    ServicePlan renderDryRun(const ServiceDefinition& definition) const override;
    Result<InstallReport, OsServiceError> install(const ServiceDefinition& definition) override;
    Result<Unit, OsServiceError> uninstall(const ServiceDefinition& definition) override;
    Result<OsServiceStatus, OsServiceError> status(const ServiceDefinition& definition) override;

    static ServiceCommand launchctl(const QStringList& arguments);
    // Parses `launchctl print <domain>/<label>`: "state = running", "runs = 3",
    // "last exit code = 1". The format is not a stable interface, so unknown lines are ignored.
    static OsServiceStatus parsePrint(const QByteArray& output);
};

} // namespace occ
