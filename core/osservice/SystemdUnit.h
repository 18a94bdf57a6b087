#pragma once

#include "core/osservice/ServiceDefinition.h"

#include <QString>
#include <QStringList>

namespace occ {

// Renders `occ run` as a systemd unit. Pure: the same definition always gives the same bytes, so
// the installer can compare them with what is on disk and skip a needless daemon-reload.
class SystemdUnit
{
public:
    static QString unitName(); // opencode-cloud.service
    // ~/.config/systemd/user/opencode-cloud.service or /etc/systemd/system/opencode-cloud.service
    static QString unitPath(ServiceDefinition::Scope scope, const QString& homeDir);

    // The first line of every unit we write; install and uninstall never touch a file without it.
    static QString marker();

    // Why the definition cannot be rendered faithfully, one user-facing sentence each; empty when
    // it can. systemd refuses executables whose path has quotes or backslashes, for example.
    static QStringList problems(const ServiceDefinition& definition);

    static QString render(const ServiceDefinition& definition);

    // One word for a unit file setting, per systemd.syntax(7): double-quoted, backslash and quote
    // C-escaped, "%" doubled (specifiers). Command lines also expand "$VAR", so there "$" is doubled
    // too; the executable path itself is not variable-expanded and must not double it.
    enum class Dollar {
        Literal,
        Escape,
    };
    static QString quote(const QString& value, Dollar dollar);
};

} // namespace occ
