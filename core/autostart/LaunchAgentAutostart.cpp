#include "core/autostart/LaunchAgentAutostart.h"

#include <QDir>
#include <QFile>

namespace occ {

namespace {
QString xmlEscape(const QString& text)
{
    return text.toHtmlEscaped();
}
} // namespace

LaunchAgentAutostart::LaunchAgentAutostart(QString program, QString arguments, QString directory)
    : m_program(std::move(program))
    , m_arguments(std::move(arguments))
    , m_directory(directory.isEmpty() ? QDir::homePath() + QStringLiteral("/Library/LaunchAgents")
                                      : std::move(directory))
{ }

QString LaunchAgentAutostart::location() const
{
    return m_directory + QStringLiteral("/org.opencode-cloud.app.plist");
}

bool LaunchAgentAutostart::isEnabled() const
{
    return QFile::exists(location());
}

Result<Unit, AutostartError> LaunchAgentAutostart::setEnabled(bool enabled)
{
    return switchEntryFile(enabled, m_directory, location(), plist(m_program, m_arguments));
}

QByteArray LaunchAgentAutostart::plist(const QString& program, const QString& arguments)
{
    QString args = QStringLiteral("        <string>%1</string>\n").arg(xmlEscape(program));
    const QStringList parts = arguments.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString& part : parts) {
        args += QStringLiteral("        <string>%1</string>\n").arg(xmlEscape(part));
    }
    const QString text = QStringLiteral("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                                        "<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" "
                                        "\"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n"
                                        "<plist version=\"1.0\">\n"
                                        "<dict>\n"
                                        "    <key>Label</key>\n"
                                        "    <string>org.opencode-cloud.app</string>\n"
                                        "    <key>ProgramArguments</key>\n"
                                        "    <array>\n%1"
                                        "    </array>\n"
                                        "    <key>RunAtLoad</key>\n"
                                        "    <true/>\n"
                                        "    <key>ProcessType</key>\n"
                                        "    <string>Interactive</string>\n"
                                        "</dict>\n"
                                        "</plist>\n")
                             .arg(args);
    return text.toUtf8();
}

} // namespace occ
