#include "cli/Application.h"
#include "cli/Output.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    // A run matches each pattern once or twice (config validation, engine timestamps): PCRE2's JIT compile
    // costs more than it saves, a quarter of a millisecond of `occ status`. The user's own setting wins.
    if (!qEnvironmentVariableIsSet("QT_ENABLE_REGEXP_JIT")) {
        qputenv("QT_ENABLE_REGEXP_JIT", "0");
    }
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("occ"));
    QCoreApplication::setOrganizationName(QStringLiteral("opencode-cloud"));
    occ::cli::Output output;
    return occ::cli::run(QCoreApplication::arguments(), output);
}
