#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/commands/Commands.h"
#include "core/service/ServiceSpec.h"

#include <QCommandLineParser>
#include <QProcess>
#include <QProcessEnvironment>

namespace occ::cli {
namespace {

// The CLI links no QtGui, so no QDesktopServices: hand the URL to the desktop's own opener.
bool openInBrowser(const QString& url)
{
#if defined(Q_OS_MACOS)
    return QProcess::startDetached(QStringLiteral("open"), {url});
#elif defined(Q_OS_WIN)
    return QProcess::startDetached(QStringLiteral("rundll32"), {QStringLiteral("url.dll,FileProtocolHandler"), url});
#else
    const QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!env.contains(QStringLiteral("DISPLAY")) && !env.contains(QStringLiteral("WAYLAND_DISPLAY"))) {
        return false; // a server over ssh: printing the URL is all we can do
    }
    return QProcess::startDetached(QStringLiteral("xdg-open"), {url});
#endif
}

class OpenCommand : public Command
{
public:
    OpenCommand()
    {
        name = QStringLiteral("open");
        description = QStringLiteral("Print the service's URL and open it in the browser when there is a display.");
        options = {{QStringLiteral("print"), QStringLiteral("Only print the URL.")}};
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        const QString url = ServiceSpec::url(*config);
        context.out().result(url);
        if (!parser.isSet(QStringLiteral("print")) && !openInBrowser(url)) {
            context.out().detail(QStringLiteral("No display or browser opener found; open the URL by hand."));
        }
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makeOpenCommand()
{
    return std::make_unique<OpenCommand>();
}

} // namespace occ::cli
