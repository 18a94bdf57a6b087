#include "cli/Application.h"
#include "cli/Output.h"

#include <QCoreApplication>

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("occ"));
    QCoreApplication::setOrganizationName(QStringLiteral("opencode-cloud"));
    occ::cli::Output output;
    return occ::cli::run(QCoreApplication::arguments(), output);
}
