// The desktop app end to end against the real engine: the setup wizard's Apply starts the service, the
// app's state turns healthy, and Stop (what the tray's Stop action calls) stops the container. Uses the
// stand-in service image so it runs in seconds.

#include "app/TrayActions.h"
#include "app/TrayApp.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "core/detection/Detection.h"
#include "core/service/EngineConnection.h"
#include "support/StandInImage.h"
#include "wizard/DefaultSetupBackend.h"
#include "wizard/SetupWizard.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

class TestDesktopE2E : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_suffix;
    QString m_configPath;
    QString m_image = QStringLiteral("occ-test-desktop");
    QString m_tag;
    std::unique_ptr<EngineConnection> m_engine;

    ContainerInfo inspect()
    {
        auto info = m_engine->client()->inspectContainer(QStringLiteral("occ-desk-") + m_suffix);
        return info ? info.value() : ContainerInfo{};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        // Autostart entries and everything else the app writes go below a throwaway home.
        qputenv("HOME", m_dir.path().toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(QStringLiteral("xdg")).toUtf8());
        qunsetenv("DOCKER_HOST");
        m_suffix = QString::number(QRandomGenerator::global()->generate(), 16);
        m_tag = QStringLiteral("0.0.0-d") + m_suffix;
        m_configPath = m_dir.filePath(QStringLiteral("cfg/config.json"));
        qputenv("OCC_CONFIG", m_configPath.toUtf8());

        m_engine = std::make_unique<EngineConnection>(Config{});
        QVERIFY(m_engine->isValid());
        auto built = test::buildStandInImage(m_engine->client(), m_image + QLatin1Char(':') + m_tag);
        QVERIFY2(built.ok(), qPrintable(built.ok() ? QString() : built.error().userMessage()));

        // An existing setup that points at the stand-in image, with no password yet: the wizard edits it.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const int port = probe.serverPort();
        probe.close();
        auto saved = ConfigStore(m_configPath).update([&](Config& c) {
            c.imageName = m_image;
            c.opencodeVersion = m_tag;
            c.containerName = QStringLiteral("occ-desk-") + m_suffix;
            c.volumePrefix = QStringLiteral("occ-desk-") + m_suffix;
            c.port = port;
            c.healthTimeoutSeconds = 60;
        });
        QVERIFY2(saved.ok(), qPrintable(toString(saved.error())));
    }

    void cleanupTestCase()
    {
        if (!m_engine) {
            return;
        }
        m_engine->client()->removeContainer(QStringLiteral("occ-desk-") + m_suffix, true, true);
        for (const char* role : {"data", "config", "state", "workspace"}) {
            m_engine->client()->removeVolume(QStringLiteral("occ-desk-%1-%2").arg(m_suffix, QLatin1String(role)), true);
        }
        m_engine->client()->removeImage(m_image + QLatin1Char(':') + m_tag, true);
    }

    void wizardApplyStartsTheServiceAndTheAppStopsIt()
    {
        auto loaded = ConfigStore(m_configPath).load();
        QVERIFY(loaded.ok());
        SetupContext context;
        context.configPath = m_configPath;
        context.config = loaded.value();
        context.configExists = true;

        Detection detection; // the real engine and port checks
        DefaultSetupBackend backend(m_configPath);
        qRegisterMetaType<ServiceOutcome>();
        QSignalSpy finished(&backend, &SetupBackend::serviceFinished);
        SetupWizard wizard(context, &detection, &backend);
        wizard.show();
        wizard.next(); // welcome → detection
        QTRY_VERIFY_WITH_TIMEOUT(wizard.currentPage()->isComplete(), 20000);
        for (int id : {int(SetupWizard::AccessId), int(SetupWizard::CredentialsId), int(SetupWizard::PersistenceId),
                       int(SetupWizard::RestartId), int(SetupWizard::ApplyId)}) {
            wizard.next();
            QCOMPARE(wizard.currentId(), id);
        }
        QVERIFY(finished.wait(90000));
        const auto outcome = finished.first().at(0).value<ServiceOutcome>();
        QVERIFY2(outcome.ok(), qPrintable(outcome.error.message));
        QVERIFY(inspect().running);

        // The wizard kept what it does not ask about, and stored a password the service uses.
        auto after = ConfigStore(m_configPath).load();
        QVERIFY(after.ok());
        QCOMPARE(after->imageName, m_image);
        auto pw = FileCredentialStore(ConfigPaths::credentialsFile(m_configPath)).password();
        QVERIFY(pw.ok() && pw->size() >= 24);

        TrayApp::Options options;
        options.configPath = m_configPath;
        options.trayRetries = 1; // offscreen has no tray: the status window stands in
        options.trayRetryIntervalMs = 10;
        options.openWizardOnFirstRun = false;
        TrayApp app(options);
        app.start();
        QTRY_COMPARE_WITH_TIMEOUT(app.view().iconName, QStringLiteral("healthy"), 30000);
        QVERIFY(app.actions()->stop()->isEnabled());
        QVERIFY(!app.actions()->start()->isEnabled());

        app.actions()->stop()->trigger(); // the tray menu's and the status window's Stop
        QTRY_VERIFY_WITH_TIMEOUT(!inspect().running, 30000);
        QTRY_COMPARE_WITH_TIMEOUT(app.view().iconName, QStringLiteral("stopped"), 30000);
        QVERIFY(app.actions()->start()->isEnabled());
    }
};

QTEST_MAIN(TestDesktopE2E)
#include "TestDesktopE2E.moc"
