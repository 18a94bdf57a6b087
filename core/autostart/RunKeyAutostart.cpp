#include "core/autostart/RunKeyAutostart.h"

#include <QDir>
#include <QSettings>

namespace occ {

namespace {
constexpr char RunKey[] = "HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Run";
constexpr char ValueName[] = "opencode-cloud";
} // namespace

RunKeyAutostart::RunKeyAutostart(QString program, QString arguments)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
{ }

QString RunKeyAutostart::location() const
{
    return QLatin1String(RunKey) + QLatin1Char('\\') + QLatin1String(ValueName);
}

bool RunKeyAutostart::isEnabled() const
{
    QSettings settings(QLatin1String(RunKey), QSettings::NativeFormat);
    return settings.contains(QLatin1String(ValueName));
}

Result<Unit, AutostartError> RunKeyAutostart::setEnabled(bool enabled)
{
    QSettings settings(QLatin1String(RunKey), QSettings::NativeFormat);
    if (enabled) {
        settings.setValue(QLatin1String(ValueName), commandLine(m_program, m_arguments));
    } else {
        settings.remove(QLatin1String(ValueName));
    }
    settings.sync();
    if (settings.status() != QSettings::NoError) {
        return AutostartError{AutostartError::Kind::Registry, location(), QString()};
    }
    return Unit{};
}

QString RunKeyAutostart::commandLine(const QString& program, const QString& arguments)
{
    // The Run key is read by Windows: backslashes, whatever platform wrote it.
    QString native = program;
    native.replace(QLatin1Char('/'), QLatin1Char('\\'));
    QString line = QLatin1Char('"') + native + QLatin1Char('"');
    if (!arguments.isEmpty()) {
        line += QLatin1Char(' ') + arguments;
    }
    return line;
}

} // namespace occ
