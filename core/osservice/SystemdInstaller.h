#pragma once

#include "core/osservice/ServiceInstaller.h"

namespace occ {

// systemd: a user unit (systemctl --user) or a system unit with User=.
class SystemdInstaller : public ServiceInstaller
{
public:
    using ServiceInstaller::ServiceInstaller;

    Backend backend() const override { return Backend::Systemd; }
    QStringList problems(const ServiceDefinition& definition) const override;
    ServicePlan renderDryRun(const ServiceDefinition& definition) const override;
    Result<InstallReport, OsServiceError> install(const ServiceDefinition& definition) override;
    Result<Unit, OsServiceError> uninstall(const ServiceDefinition& definition) override;
    Result<OsServiceStatus, OsServiceError> status(const ServiceDefinition& definition) override;
    Result<Unit, OsServiceError> enableLinger(const ServiceDefinition& definition) override;

    // `systemctl [--user] <verb> [args] opencode-cloud.service`
    static ServiceCommand systemctl(const ServiceDefinition& definition, const QStringList& verbAndArguments);
    static ServiceCommand lingerQuery(const ServiceDefinition& definition);
    // Parses `systemctl show -p LoadState,ActiveState,SubState,NRestarts,Result` (KEY=value lines).
    static OsServiceStatus parseShow(const QByteArray& output);
};

} // namespace occ
