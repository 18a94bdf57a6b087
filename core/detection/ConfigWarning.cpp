#include "core/detection/ConfigWarning.h"

#include "core/config/Config.h"

namespace occ {

QVector<ConfigWarning> ConfigWarning::check(const Config& config)
{
    QVector<ConfigWarning> warnings;
    if (!config.frontDoorEnabled && !config.tlsMode.isEmpty() && config.tlsMode != QLatin1String("off")) {
        warnings.append({Kind::TlsWithoutFrontDoor, QStringLiteral("tls.mode"), config.tlsMode,
                         QStringLiteral("frontdoor.enabled"), QStringLiteral("true")});
    }
    return warnings;
}

QString ConfigWarning::text() const
{
    switch (kind) {
    case Kind::TlsWithoutFrontDoor:
        return QStringLiteral("%1 is \"%2\" but the front door is off: TLS needs the front door, so opencode stays "
                              "on plain HTTP. Turn it on with `occ config set %3 %4`, or set %1 to off.")
            .arg(key, value, fixKey, fixValue);
    }
    return {};
}

} // namespace occ
