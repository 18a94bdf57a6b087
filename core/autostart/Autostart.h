#pragma once

#include "core/autostart/AutostartError.h"
#include "core/util/Result.h"

#include <QString>

#include <memory>

namespace occ {

// "Start at login" for the desktop app, one implementation per OS chosen at compile time (KeePassXC's
// OSUtils pattern): an XDG autostart entry on Linux, a LaunchAgent on macOS, the Run key on Windows.
// In core (QtCore only) because the app and the wizard both use it.
class Autostart
{
public:
    virtual ~Autostart() = default;

    virtual bool isEnabled() const = 0;
    virtual Result<Unit, AutostartError> setEnabled(bool enabled) = 0;
    // Where the entry lives, for the settings dialog's tooltip.
    virtual QString location() const = 0;

    // This OS's implementation, starting `program` (default: this executable) with `arguments`.
    static std::unique_ptr<Autostart> create(const QString& program = QString(),
                                             const QString& arguments = QStringLiteral("--autostart"));

protected:
    // For the implementations that keep their entry in a file (XDG, LaunchAgent): enabled writes it
    // atomically into directory (made if missing; the old entry stays whole on a full disk), disabled
    // removes it. The error names the step and the system's cause.
    static Result<Unit, AutostartError> switchEntryFile(bool enabled, const QString& directory, const QString& path,
                                                        const QByteArray& contents);
};

} // namespace occ
