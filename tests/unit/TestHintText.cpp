// The CLI's words for core's typed hints (cli/HintText) and states (cli/StatusText): every hint value is
// worded as the command to type, and the messages `occ` printed before hints were typed stay the same.

#include "cli/HintText.h"
#include "cli/StatusText.h"
#include "core/config/Config.h"
#include "core/config/ConfigError.h"
#include "core/detection/ConfigWarning.h"
#include "core/docker/DockerError.h"
#include "core/service/ServiceError.h"

#include <QMetaEnum>
#include <QSet>
#include <QTest>

using namespace occ;
using occ::cli::HintText;
using occ::cli::StatusText;
using Action = Hint::Action;

Q_DECLARE_METATYPE(ServiceStatus::Reason)

class TestHintText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyHintIsACommand_data();
    void everyHintIsACommand();
    void everyHintValueHasARow();
    void engineAdviceReadsAsBefore_data();
    void engineAdviceReadsAsBefore();
    void serviceErrorsEndWithTheirHints();
    void configWarningAndUnknownKey();
    void statusDetails_data();
    void statusDetails();
};

namespace {

struct Row
{
    const char* name;
    Hint hint;
    QString command;
    QString sentence;
};

// One row per Hint::Action (everyHintValueHasARow checks that none is missing).
QList<Row> rows()
{
    return {
        {"StartEngine starts the local daemon, or installs it through setup", Hint::of(Action::StartEngine),
         QStringLiteral("sudo systemctl start docker"),
         QStringLiteral("Start it with `sudo systemctl start docker`, or install it with `occ setup`.")},
        {"JoinDockerGroup adds the user to the docker group", Hint::of(Action::JoinDockerGroup),
         QStringLiteral("sudo usermod -aG docker $USER"),
         QStringLiteral("Add yourself to the docker group: `sudo usermod -aG docker $USER` and log in again.")},
        {"CheckSshAccess runs docker version over ssh, with the port",
         Hint::withTarget(Action::CheckSshAccess, QStringLiteral("-p 2222 alice@build.example")),
         QStringLiteral("ssh -p 2222 alice@build.example docker version"),
         QStringLiteral("Check that `ssh -p 2222 alice@build.example docker version` works from this machine.")},
        {"ChangePort sets network.port and names doctor", Hint::of(Action::ChangePort),
         QStringLiteral("occ config set network.port N"),
         QStringLiteral("Stop it, or choose another port with `occ config set network.port N` (`occ doctor` shows "
                        "who holds it).")},
        {"ChangeContainerName names the container to remove and the key",
         Hint::withTarget(Action::ChangeContainerName, QStringLiteral("occ-x")),
         QStringLiteral("occ config set service.container_name NAME"),
         QStringLiteral("Remove or rename it (`docker rm -f occ-x`), or choose another name with `occ config set "
                        "service.container_name NAME`.")},
        {"SetPassword sets one", Hint::of(Action::SetPassword), QStringLiteral("occ password set"),
         QStringLiteral("Set a password with `occ password set`.")},
        {"BindLoopback binds to 127.0.0.1", Hint::of(Action::BindLoopback),
         QStringLiteral("occ config set network.bind 127.0.0.1"),
         QStringLiteral("To keep it on this machine, bind to 127.0.0.1 with `occ config set network.bind 127.0.0.1`.")},
        {"RunSetup runs setup", Hint::of(Action::RunSetup), QStringLiteral("occ setup"),
         QStringLiteral("Run `occ setup` first.")},
        {"EnableFrontDoor sets frontdoor.enabled", Hint::of(Action::EnableFrontDoor),
         QStringLiteral("occ config set frontdoor.enabled true"),
         QStringLiteral("Turn the front door on with `occ config set frontdoor.enabled true`.")},
        {"ShowLogs shows as many lines as the hint says", Hint::showLogs(50), QStringLiteral("occ logs -n 50"),
         QStringLiteral("See `occ logs -n 50`.")},
        {"FixConfigKey sets that key to the example",
         Hint::fixConfigKey(QStringLiteral("tls.acme_email"), QStringLiteral("you@example.com")),
         QStringLiteral("occ config set tls.acme_email you@example.com"),
         QStringLiteral("Change tls.acme_email with `occ config set tls.acme_email you@example.com`.")},
        {"ListConfigKeys points at the key list", Hint::of(Action::ListConfigKeys), QStringLiteral("occ help config"),
         QStringLiteral("`occ help config` lists the keys.")},
        {"ShowStatus asks for status and logs on the host", Hint::of(Action::ShowStatus), QStringLiteral("occ status"),
         QStringLiteral("On the host, `occ status` and `occ logs -n 100` show why.")},
        {"PassCredentials passes user and password to doctor", Hint::of(Action::PassCredentials),
         QStringLiteral("occ doctor --url URL --user NAME --password-stdin"),
         QStringLiteral("Or pass the credentials: `occ doctor --url URL --user NAME --password-stdin`.")},
    };
}

} // namespace

void TestHintText::everyHintIsACommand_data()
{
    QTest::addColumn<Hint>("hint");
    QTest::addColumn<QString>("command");
    QTest::addColumn<QString>("sentence");
    for (const Row& row : rows()) {
        QTest::newRow(row.name) << row.hint << row.command << row.sentence;
    }
}

void TestHintText::everyHintIsACommand()
{
    QFETCH(Hint, hint);
    QFETCH(QString, command);
    QFETCH(QString, sentence);
    QCOMPARE(HintText::command(hint), command);
    QCOMPARE(HintText::sentence(hint), sentence);
}

void TestHintText::everyHintValueHasARow()
{
    // A new Hint::Action must get its words, and a row above that says what they are.
    QSet<int> covered;
    for (const Row& row : rows()) {
        covered.insert(int(row.hint.action));
    }
    const QMetaEnum actions = QMetaEnum::fromType<Action>();
    QVERIFY(actions.keyCount() > 10);
    for (int i = 0; i < actions.keyCount(); ++i) {
        QVERIFY2(covered.contains(actions.value(i)), actions.key(i));
    }
}

void TestHintText::engineAdviceReadsAsBefore_data()
{
    QTest::addColumn<int>("transport");
    QTest::addColumn<QString>("endpoint");
    QTest::addColumn<QString>("expected");
    QTest::newRow("no local engine: as `occ status` printed it before hints were typed")
        << int(TransportError::EngineMissing) << QStringLiteral("unix:///var/run/docker.sock")
        << QStringLiteral("Docker is not running or not installed (no engine at unix:///var/run/docker.sock). Start "
                          "it with `sudo systemctl start docker`, or install it with `occ setup`.");
    QTest::newRow("permission denied: the same two sentences")
        << int(TransportError::PermissionDenied) << QStringLiteral("unix:///var/run/docker.sock")
        << QStringLiteral("Permission denied on /var/run/docker.sock. Add yourself to the docker group: `sudo usermod "
                          "-aG docker $USER` and log in again.");
    QTest::newRow("a tcp engine gets no local advice")
        << int(TransportError::EngineMissing) << QStringLiteral("tcp://build.example:2376")
        << QStringLiteral("No Docker engine answers at tcp://build.example:2376. Check the host and port (docker.host "
                          "or DOCKER_HOST), the TLS settings (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH), and that the "
                          "remote engine listens there.");
    QTest::newRow("an ssh engine: try docker version over ssh")
        << int(TransportError::SshFailed) << QStringLiteral("ssh://alice@build.example:2222")
        << QStringLiteral("The connection to Docker at ssh://alice@build.example:2222 failed (transport says). Check "
                          "that `ssh -p 2222 alice@build.example docker version` works from this machine.");
}

void TestHintText::engineAdviceReadsAsBefore()
{
    QFETCH(int, transport);
    QFETCH(QString, endpoint);
    QFETCH(QString, expected);
    const DockerError error =
        DockerError::fromParts(0, TransportError(transport), {}, QStringLiteral("transport says"), endpoint);
    QCOMPARE(HintText::describe(error), expected);
}

void TestHintText::serviceErrorsEndWithTheirHints()
{
    const ServiceError error(ServiceError::Kind::Config, QStringLiteral("Refusing to listen on 0.0.0.0."), {},
                             {Hint::of(Action::SetPassword), Hint::of(Action::BindLoopback)});
    QCOMPARE(HintText::describe(error),
             QStringLiteral("Refusing to listen on 0.0.0.0. Set a password with `occ password set`. To keep it on this "
                            "machine, bind to 127.0.0.1 with `occ config set network.bind 127.0.0.1`."));
    // An engine error keeps its own hints through ServiceError::fromDocker.
    const DockerError port(DockerError::Category::Server, QStringLiteral("port is already allocated"), 500);
    QVERIFY2(HintText::describe(ServiceError::fromDocker(port, QStringLiteral("Could not start")))
                 .endsWith(HintText::sentence(Hint::of(Action::ChangePort))),
             qPrintable(HintText::describe(ServiceError::fromDocker(port))));
}

void TestHintText::configWarningAndUnknownKey()
{
    Config config;
    config.tlsMode = QStringLiteral("internal");
    const QVector<ConfigWarning> warnings = ConfigWarning::check(config);
    QCOMPARE(warnings.size(), 1);
    QCOMPARE(HintText::describe(warnings.first()),
             QStringLiteral("tls.mode is \"internal\" but the front door is off: TLS needs the front door, so opencode "
                            "stays on plain HTTP. Turn it on with `occ config set frontdoor.enabled true`, or set "
                            "tls.mode to off."));
    ConfigError unknown;
    unknown.kind = ConfigError::Kind::UnknownKey;
    unknown.key = QStringLiteral("network.prot");
    unknown.message = QStringLiteral("no such key");
    QCOMPARE(HintText::describe(unknown),
             QStringLiteral("network.prot: no such key. `occ help config` lists the keys."));
}

void TestHintText::statusDetails_data()
{
    QTest::addColumn<ServiceStatus::Reason>("reason");
    QTest::addColumn<QString>("expected");
    using R = ServiceStatus::Reason;
    QTest::newRow("no reason, no detail") << R::None << QString();
    QTest::newRow("an unknown endpoint passes its reason on") << R::EndpointUnknown << QStringLiteral("engine says");
    QTest::newRow("no container yet") << R::NotCreated << QStringLiteral("not created yet");
    QTest::newRow("an exited container shows the engine's words") << R::Exited << QStringLiteral("engine says");
    QTest::newRow("a crash loop names the exit code")
        << R::CrashLoop << QStringLiteral("crashed (exit code 2) and is being restarted");
    QTest::newRow("a failing health check")
        << R::HealthCheckFailing << QStringLiteral("running but failing its health check");
    QTest::newRow("an HTTP status from the probe")
        << R::HealthHttpStatus << QStringLiteral("HTTP 503 from /global/health");
    QTest::newRow("no answer passes the network's reason on") << R::HealthNoAnswer << QStringLiteral("engine says");
    QTest::newRow("an engine error with its hint")
        << R::EngineError
        << QStringLiteral("Permission denied on /var/run/docker.sock. Add yourself to the docker group: `sudo usermod "
                          "-aG docker $USER` and log in again.");
}

void TestHintText::statusDetails()
{
    QFETCH(ServiceStatus::Reason, reason);
    QFETCH(QString, expected);
    ServiceStatus status;
    status.reason = reason;
    status.exitCode = 2;
    status.httpStatus = 503;
    status.engineText = QStringLiteral("engine says");
    status.engineError = DockerError(DockerError::Category::PermissionDenied, QStringLiteral("denied"));
    QCOMPARE(StatusText::detail(status), expected);
}

QTEST_GUILESS_MAIN(TestHintText)
#include "TestHintText.moc"
