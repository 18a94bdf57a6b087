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

Hints ConfigWarning::hints() const
{
    switch (kind) {
    case Kind::TlsWithoutFrontDoor:
        return {Hint::of(Hint::Action::EnableFrontDoor)};
    }
    return {};
}

} // namespace occ
