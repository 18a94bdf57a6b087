#pragma once

#include "core/osservice/ServiceInstaller.h"

namespace occ {

struct WindowsRecovery;

// Windows: a service registered with sc.exe. sc.exe prints in the OEM code page, so a path with
// characters outside it never compares equal and is simply reconfigured on every install.
class WindowsServiceInstaller : public ServiceInstaller
{
public:
    using ServiceInstaller::ServiceInstaller;

    Backend backend() const override { return Backend::WindowsService; }
    QStringList problems(const ServiceDefinition& definition) const override;
    ServicePlan renderDryRun(const ServiceDefinition& definition) const override;
    Result<InstallReport, OsServiceError> install(const ServiceDefinition& definition) override;
    Result<Unit, OsServiceError> uninstall(const ServiceDefinition& definition) override;
    Result<OsServiceStatus, OsServiceError> status(const ServiceDefinition& definition) override;

    static ServiceCommand sc(const QStringList& arguments);
    // `sc qc`: the BINARY_PATH_NAME value, empty when absent.
    static QString parseBinaryPath(const QByteArray& output);
    // `sc qfailure`: reset period and restart delays.
    static WindowsRecovery parseFailure(const QByteArray& output);
    // `sc query`: "STATE : 4  RUNNING" gives "RUNNING".
    static OsServiceStatus parseQuery(const QByteArray& output);
};

} // namespace occ
