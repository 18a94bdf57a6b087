#include "gui/screenshot/ScreenshotMode.h"

#include "app/LogViewer.h"
#include "app/SettingsDialog.h"
#include "app/StatusWindow.h"
#include "app/TrayApp.h"
#include "app/TrayIcon.h"
#include "core/detection/Detection.h"
#include "gui/screenshot/ScreenshotBackend.h"
#include "wizard/SetupWizard.h"
#include "wizard/pages/AccessPage.h"
#include "wizard/pages/DetectionPage.h"
#include "wizard/widgets/AccessWidget.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QMenu>
#include <QRadioButton>
#include <QScreen>
#include <QSystemTrayIcon>
#include <QTextStream>
#include <QThread>
#include <QTimer>

namespace occ {

namespace {
void settle(int ms = 150)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

ServiceStatus healthyStatus()
{
    ServiceStatus s;
    s.state = ServiceStatus::State::Healthy;
    s.containerId = QStringLiteral("3f2a9c1d");
    s.url = QStringLiteral("http://127.0.0.1:4096");
    s.opencodeVersion = QStringLiteral("1.18.33");
    s.startedAt = QDateTime::currentDateTimeUtc().addSecs(-3 * 3600 - 120);
    return s;
}
} // namespace

ScreenshotMode::ScreenshotMode(TrayApp* app, QString directory)
    : m_app(app)
    , m_directory(std::move(directory))
{ }

bool ScreenshotMode::grab(QWidget* widget, const QString& name)
{
    settle();
    const QString path = m_directory + QLatin1Char('/') + name + QStringLiteral(".png");
    const bool ok = widget->grab().save(path);
    QTextStream(stdout) << (ok ? "saved " : "FAILED ") << path << Qt::endl;
    if (!ok) {
        ++m_failures;
    }
    return ok;
}

void ScreenshotMode::waitForRootGrab()
{
    // The script grabs the whole screen (the tray host with our icon) between these two files.
    QFile ready(m_directory + QStringLiteral("/.tray-ready"));
    ready.open(QIODevice::WriteOnly);
    ready.close();
    const QString grabbed = m_directory + QStringLiteral("/.tray-grabbed");
    QElapsedTimer timer;
    timer.start();
    while (!QFile::exists(grabbed) && timer.elapsed() < 15000) {
        settle(100);
    }
    QFile::remove(grabbed);
    QFile::remove(ready.fileName());
}

int ScreenshotMode::run()
{
    QDir().mkpath(m_directory);
    const bool trayAvailable = QSystemTrayIcon::isSystemTrayAvailable();
    QTextStream(stdout) << "tray-available=" << (trayAvailable ? 1 : 0) << Qt::endl;

    // 1. The tray icon in the panel, showing a healthy service.
    m_app->showStatus(healthyStatus());
    settle(800);
    waitForRootGrab();

    // 2. The tray menu.
    QMenu* menu = m_app->trayIcon()->menu();
    menu->popup(QPoint(40, 40));
    grab(menu, QStringLiteral("tray-menu"));
    menu->hide();

    // 3. The wizard, page by page, against a fake engine and a backend that changes nothing.
    Detection detection;
    detection.setConfigPath(m_directory + QStringLiteral("/no-such-config.json"));
    detection.setPortCheck([](const QString&, int) { return true; });
    bool denied = true;
    detection.setEngineProbe([&denied](const Config&, DetectionResult& r) {
        r.endpoint = QStringLiteral("unix:///var/run/docker.sock");
        if (denied) {
            r.engine = DetectionResult::Engine::PermissionDenied;
            r.engineDetail = QStringLiteral("permission denied");
            return;
        }
        r.engine = DetectionResult::Engine::Reachable;
        r.engineVersion = QStringLiteral("24.0.7");
        r.apiVersion = QStringLiteral("1.43");
    });
    ScreenshotBackend backend;
    SetupContext context;
    context.configPath = m_directory + QStringLiteral("/no-such-config.json");
    SetupWizard wizard(context, &detection, &backend);
    wizard.setUrlOpener([](const QUrl&) {});
    wizard.show();
    grab(&wizard, QStringLiteral("wizard-1-welcome"));
    wizard.next();
    while (detection.isRunning()) {
        settle(50);
    }
    grab(&wizard, QStringLiteral("wizard-2-detection-permission"));
    denied = false;
    if (auto* page = qobject_cast<DetectionPage*>(wizard.currentPage())) {
        page->retry();
    }
    settle(50);
    while (detection.isRunning()) {
        settle(50);
    }
    grab(&wizard, QStringLiteral("wizard-2-detection"));
    wizard.next();
    auto* access = qobject_cast<AccessPage*>(wizard.currentPage());
    grab(&wizard, QStringLiteral("wizard-3-access"));
    if (access) {
        access->accessWidget()->proxyButton()->setChecked(true);
    }
    wizard.next();
    wizard.setField(QStringLiteral("publicUrl"), QStringLiteral("https://code.example.com"));
    grab(&wizard, QStringLiteral("wizard-4-proxy"));
    wizard.next();
    grab(&wizard, QStringLiteral("wizard-5-credentials"));
    wizard.next();
    grab(&wizard, QStringLiteral("wizard-6-persistence"));
    wizard.next();
    grab(&wizard, QStringLiteral("wizard-7-restart"));
    wizard.next();
    QElapsedTimer applyTimer;
    applyTimer.start();
    while (!wizard.currentPage()->isComplete() && applyTimer.elapsed() < 10000) {
        settle(50);
    }
    grab(&wizard, QStringLiteral("wizard-8-apply"));
    wizard.next();
    grab(&wizard, QStringLiteral("wizard-9-finish"));
    wizard.hide();

    // 4. The log viewer with sample lines from both sources.
    LogViewer* viewer = m_app->logViewer();
    QVector<LogLine> lines;
    const QDateTime t0 = QDateTime::currentDateTimeUtc().addSecs(-600);
    const char* const samples[] = {
        "opencode server listening on http://0.0.0.0:4096",
        "GET / 200 3ms",
        "session 7f3c started (model claude-sonnet)",
        "tool call: read src/main.cpp",
        "tool call: edit src/main.cpp (+12 -3)",
        "warning: provider rate limit, retrying in 2s",
        "GET /api/session 200 5ms",
    };
    for (int i = 0; i < 60; ++i) {
        LogLine line;
        line.timestamp = t0.addSecs(i * 7).toString(Qt::ISODateWithMs);
        line.text = QString::fromLatin1(samples[i % 7]);
        line.stream = i % 7 == 5 ? LogLine::Stream::Stderr : LogLine::Stream::Stdout;
        lines.append(line);
    }
    viewer->appendServiceLines(lines);
    viewer->flush();
    viewer->setFollowerState(LogFollowerState());
    viewer->show();
    viewer->searchEdit()->setText(QStringLiteral("tool call"));
    viewer->findPrevious();
    grab(viewer, QStringLiteral("log-viewer"));
    viewer->hide();

    // 5. The settings dialog, on a config written to the screenshot folder.
    const QString configPath = m_directory + QStringLiteral("/screenshot-config/config.json");
    QDir().mkpath(QFileInfo(configPath).absolutePath());
    SettingsDialog settings(configPath);
    settings.load();
    settings.show();
    grab(&settings, QStringLiteral("settings"));
    settings.hide();
    QDir(QFileInfo(configPath).absolutePath()).removeRecursively();

    // 6. The window shown when the desktop has no tray.
    StatusWindow status(m_app->actions());
    status.render(m_app->view());
    status.show();
    grab(&status, QStringLiteral("status-window"));

    return m_failures;
}

} // namespace occ
