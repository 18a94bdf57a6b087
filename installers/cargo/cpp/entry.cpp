// The C entry point the Rust `main` calls: cli/main.cpp's body, callable from another language.
#include "cli/Application.h"
#include "cli/Output.h"

#include <QCoreApplication>

#include <csignal>

extern "C" int occ_main(int argc, char** argv)
{
#ifdef SIGPIPE
    // Rust's runtime ignores SIGPIPE; occ, like any C program, should die quietly in `occ logs | head`.
    std::signal(SIGPIPE, SIG_DFL);
#endif
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("occ"));
    QCoreApplication::setOrganizationName(QStringLiteral("opencode-cloud"));
    occ::cli::Output output;
    return occ::cli::run(QCoreApplication::arguments(), output);
}
