#include "core/autostart/XdgAutostart.h"

#include <QDir>
#include <QFile>
#include <QStandardPaths>

namespace occ {

namespace {
constexpr char FileName[] = "org.opencode_cloud.OpencodeCloud.desktop";

// Desktop entry Exec quoting: a path with spaces or specials goes in double quotes with \ " ` $ escaped.
QString quoteExec(const QString& program)
{
    static const QString specials = QStringLiteral(" \t\n\"'\\><~|&;$*?#()`");
    bool needs = false;
    for (const QChar c : program) {
        needs = needs || specials.contains(c);
    }
    if (!needs) {
        return program;
    }
    QString out = QStringLiteral("\"");
    for (const QChar c : program) {
        if (c == QLatin1Char('"') || c == QLatin1Char('`') || c == QLatin1Char('$') || c == QLatin1Char('\\')) {
            out += QLatin1Char('\\');
        }
        out += c;
    }
    return out + QLatin1Char('"');
}
} // namespace

XdgAutostart::XdgAutostart(QString program, QString arguments, QString directory)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
    , m_directory(directory.isEmpty() ? defaultDirectory() : std::move(directory))
{ }

QString XdgAutostart::defaultDirectory()
{
    const QString xdg = qEnvironmentVariable("XDG_CONFIG_HOME");
    const QString base = xdg.isEmpty() ? QDir::homePath() + QStringLiteral("/.config") : xdg;
    return base + QStringLiteral("/autostart");
}

QString XdgAutostart::location() const
{
    return m_directory + QLatin1Char('/') + QLatin1String(FileName);
}

bool XdgAutostart::isEnabled() const
{
    QFile file(location());
    if (!file.open(QIODevice::ReadOnly)) {
        return false;
    }
    // A desktop environment's "disable" writes Hidden=true instead of deleting the file.
    const QByteArray contents = file.readAll();
    return !contents.contains("\nHidden=true") && !contents.contains("\nX-GNOME-Autostart-enabled=false");
}

Result<Unit, AutostartError> XdgAutostart::setEnabled(bool enabled)
{
    return switchEntryFile(enabled, m_directory, location(), desktopEntry(m_program, m_arguments));
}

QByteArray XdgAutostart::desktopEntry(const QString& program, const QString& arguments)
{
    QString exec = quoteExec(program);
    if (!arguments.isEmpty()) {
        exec += QLatin1Char(' ') + arguments;
    }
    QByteArray out;
    out += "[Desktop Entry]\n";
    out += "Type=Application\n";
    out += "Name=opencode-cloud\n";
    out += "Comment=Keeps the opencode service running and shows its health in the tray\n";
    out += "Exec=" + exec.toUtf8() + "\n";
    out += "Icon=org.opencode_cloud.OpencodeCloud\n";
    out += "Terminal=false\n";
    out += "X-GNOME-Autostart-enabled=true\n";
    return out;
}

} // namespace occ
