#include "app/Resources.h"
#include "app/SingleInstance.h"
#include "app/Translations.h"
#include "app/TrayApp.h"
#include "core/config/ConfigPaths.h"
#include "core/logging/Logging.h"
#include "core/util/Version.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QStandardPaths>
#include <QSystemTrayIcon>
#include <QTextStream>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("opencode-cloud"));
    QApplication::setOrganizationName(QStringLiteral("opencode-cloud"));
    QApplication::setApplicationVersion(occ::applicationVersion());
    QApplication::setDesktopFileName(QStringLiteral("org.opencode_cloud.OpencodeCloud"));
    // A tray app lives on after its last window closes.
    QApplication::setQuitOnLastWindowClosed(false);
    occ::initResources();

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Run opencode as a persistent, secure service."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption configOption(QStringLiteral("config"), QStringLiteral("Use this config file."),
                                          QStringLiteral("file"));
    const QCommandLineOption autostartOption(QStringLiteral("autostart"),
                                             QStringLiteral("Started at login: stay in the tray."));
    const QCommandLineOption trayOption(QStringLiteral("print-tray-available"),
                                        QStringLiteral("Print whether a system tray is available; exit 0 if so."));
    const QCommandLineOption langOption(QStringLiteral("lang"), QStringLiteral("Use this language (e.g. de)."),
                                        QStringLiteral("code"));
    parser.addOptions({configOption, autostartOption, trayOption, langOption});
    parser.process(app);

    occ::Translations::install(&app, parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale());

    if (parser.isSet(trayOption)) {
        const bool available = QSystemTrayIcon::isSystemTrayAvailable();
        QTextStream(stdout) << "tray-available=" << (available ? 1 : 0) << Qt::endl;
        return available ? 0 : 1;
    }

    occ::TrayApp::Options options;
    options.configPath = occ::ConfigPaths::configFile(parser.value(configOption));

    occ::Logging::Options logging;
    logging.ringBuffer = true;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    logging.logFile = dir + QStringLiteral("/opencode-cloud-app.log");
    occ::Logging::setup(logging);

    occ::SingleInstance instance;
    if (!instance.claim()) {
        QTextStream(stdout) << "opencode-cloud is already running; asked it to show itself." << Qt::endl;
        return 0;
    }
    occ::TrayApp tray(options);
    QObject::connect(&instance, &occ::SingleInstance::showRequested, &tray, &occ::TrayApp::raise);
    occ::Logging::get("app")->info("opencode-cloud {} started", occ::applicationVersion().toStdString());
    tray.start();
    return app.exec();
}
