#include "cli/Context.h"
#include "cli/Output.h"
#include "cli/ProgressPrinter.h"
#include "cli/commands/Commands.h"
#include "core/config/CredentialStore.h"
#include "core/config/Password.h"
#include "core/service/ServiceController.h"

#include <QCommandLineParser>

namespace occ::cli {
namespace {

class PasswordCommand : public Command
{
public:
    PasswordCommand()
    {
        name = QStringLiteral("password");
        arguments = QStringLiteral("show|set|rotate");
        description = QStringLiteral("Show, set or rotate the web UI password.");
        details = QStringLiteral("  show    print the password (the only command that does)\n"
                                 "  set     read a new password from stdin, or ask twice without echo on a terminal\n"
                                 "  rotate  generate a new strong password and restart the service with it");
    }

    int execute(Context& context, const QCommandLineParser& parser) override
    {
        const QStringList args = parser.positionalArguments();
        const QString action = args.value(0);
        Output& out = context.out();
        if (args.size() != 1
            || !QStringList{QStringLiteral("show"), QStringLiteral("set"), QStringLiteral("rotate")}.contains(action)) {
            out.error(QStringLiteral("usage: occ password show|set|rotate"));
            return Usage;
        }
        int code = Ok;
        auto config = context.loadConfig(&code);
        if (!config) {
            return code;
        }
        if (action == QLatin1String("show")) {
            auto pw = context.password(&code);
            if (!pw) {
                return code;
            }
            if (pw->isEmpty()) {
                out.error(
                    QStringLiteral("No password is set. Set one with `occ password set` or `occ password rotate`."));
                return NotSetUp;
            }
            out.result(*pw);
            return Ok;
        }

        QString fresh;
        if (action == QLatin1String("rotate")) {
            fresh = generatePassword();
        } else {
            if (out.isInteractive()) {
                out.info(QStringLiteral("New password:"));
            }
            if (!out.readLine(&fresh, false) || fresh.isEmpty()) {
                out.error(QStringLiteral("No password given on stdin."));
                return Usage;
            }
            if (out.isInteractive()) {
                QString again;
                out.info(QStringLiteral("Again:"));
                if (!out.readLine(&again, false) || again != fresh) {
                    out.error(QStringLiteral("The two passwords differ; nothing changed."));
                    return Usage;
                }
            }
            const PasswordStrength strength = passwordStrength(fresh);
            if (!strength.acceptable()) {
                out.error(QStringLiteral("That password is too weak: %1. Nothing changed; `occ password rotate` "
                                         "generates a strong one.")
                              .arg(strength.reason));
                return Usage;
            }
        }
        if (!context.savePassword(fresh, &code)) {
            return code;
        }
        out.info(QStringLiteral("Password saved to %1.").arg(context.credentialsPath()));

        // A running service keeps the old password until it restarts with the new file.
        auto controller = context.controller(*config, &code);
        if (!controller) {
            return code;
        }
        const ServiceStatus status = controller->status();
        if (status.state == ServiceStatus::State::EngineUnreachable || status.state == ServiceStatus::State::Stopped) {
            out.info(QStringLiteral("It takes effect at the next `occ start`."));
            return Ok;
        }
        ProgressPrinter printer(out);
        auto restarted = controller->restart(printer.callback());
        printer.finish();
        if (!restarted) {
            return context.fail(restarted.error());
        }
        out.info(QStringLiteral("The service was restarted with the new password. Show it with `occ password show`."));
        return Ok;
    }
};

} // namespace

std::unique_ptr<Command> makePasswordCommand()
{
    return std::make_unique<PasswordCommand>();
}

} // namespace occ::cli
