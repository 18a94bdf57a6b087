// occ-screenshots: a test tool, never installed. It runs the desktop app's TrayApp (the same occ_app
// library the product links) with the monitor off, shows every window with sample data and grabs them.
// tests/gui/screenshots.sh drives it under Xvfb with trayer as the tray host.
#include "app/Resources.h"
#include "app/Translations.h"
#include "app/TrayApp.h"
#include "core/config/ConfigPaths.h"
#include "core/logging/Logging.h"
#include "gui/screenshot/ScreenshotMode.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("opencode-cloud"));
    QApplication::setOrganizationName(QStringLiteral("opencode-cloud"));
    QApplication::setQuitOnLastWindowClosed(false);
    occ::initResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Show every window of the app with sample data, save PNGs to "
                                                    "DIR, and exit."));
    parser.addHelpOption();
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Use this language (e.g. de)."),
                                        QStringLiteral("code"));
    parser.addOption(langOption);
    parser.addPositionalArgument(QStringLiteral("dir"), QStringLiteral("Where the PNGs go."));
    parser.process(app);
    if (parser.positionalArguments().size() != 1) {
        parser.showHelp(1);
    }
    occ::Translations::install(&app, parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale());

    occ::Logging::Options logging;
    logging.ringBuffer = true;
    occ::Logging::setup(logging);

    occ::TrayApp::Options options;
    options.configPath = occ::ConfigPaths::configFile();
    options.startMonitor = false;
    options.openWizardOnFirstRun = false;
    options.trayRetries = 1;
    occ::TrayApp tray(options);
    tray.start();
    const int failures = occ::ScreenshotMode(&tray, parser.positionalArguments().constFirst()).run();
    return failures == 0 ? 0 : 2;
}
