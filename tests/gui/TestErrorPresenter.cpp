// The desktop's words for core's typed errors: each kind is named with what helps (a button or a
// setting), and no text ever asks a desktop user to type an `occ` command.
#include "core/autostart/AutostartError.h"
#include "core/config/Config.h"
#include "core/detection/ConfigWarning.h"
#include "core/docker/DockerError.h"
#include "core/service/ServiceError.h"
#include "wizard/ErrorPresenter.h"

#include <QMetaEnum>
#include <QSet>
#include <QTest>

using namespace occ;
using Remedy = ErrorPresenter::Remedy;

Q_DECLARE_METATYPE(ServiceError::Kind)
Q_DECLARE_METATYPE(ErrorPresenter::Remedy)
Q_DECLARE_METATYPE(Hint::Action)

class TestErrorPresenter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void serviceErrorsNameTheRemedy_data();
    void serviceErrorsNameTheRemedy();
    void noDesktopTextAsksForACommandLine();
    void autostartErrorsNameThePathAndCause();
    void everyRemedyButOneHasAButton();
    void everyHintIsASentenceWithItsButton_data();
    void everyHintIsASentenceWithItsButton();
    void everyHintValueHasARow();
    void frontDoorFailuresKeepTheirKind();
    void tlsWithoutTheFrontDoorOffersToTurnItOn();
};

namespace {
// The engine's own message for a port clash (see DockerError::isPortInUse).
DockerError portInUse()
{
    return DockerError(DockerError::Category::Server,
                       QStringLiteral("driver failed programming external connectivity: Bind for 127.0.0.1:4123 "
                                      "failed: port is already allocated"),
                       500);
}
} // namespace

void TestErrorPresenter::serviceErrorsNameTheRemedy_data()
{
    QTest::addColumn<ServiceError::Kind>("kind");
    QTest::addColumn<DockerError>("docker");
    QTest::addColumn<Remedy>("remedy");
    QTest::addColumn<QString>("mentions");
    using K = ServiceError::Kind;
    using C = DockerError::Category;
    QTest::newRow("no permission on the socket leads to the wizard")
        << K::Engine << DockerError(C::PermissionDenied, QStringLiteral("permission denied")) << Remedy::OpenSetup
        << QStringLiteral("permission");
    QTest::newRow("no engine leads to the wizard")
        << K::Engine << DockerError(C::NoEngine, QStringLiteral("no such file")) << Remedy::OpenSetup
        << QStringLiteral("Docker is not running");
    QTest::newRow("a taken port names the port and Settings")
        << K::Conflict << portInUse() << Remedy::OpenSettings << QStringLiteral("Port 4123");
    QTest::newRow("a foreign container names the container")
        << K::Conflict << DockerError(C::Conflict, QStringLiteral("Conflict. The container name is already in use"))
        << Remedy::None << QStringLiteral("\"occ-test-name\"");
    QTest::newRow("a failed health wait shows the logs")
        << K::Health << DockerError() << Remedy::ShowLogs << QStringLiteral("did not become ready");
    QTest::newRow("a failed build shows the logs")
        << K::Image << DockerError() << Remedy::ShowLogs << QStringLiteral("image");
    QTest::newRow("a refused config opens Settings")
        << K::Config << DockerError() << Remedy::OpenSettings << QStringLiteral("Settings");
    QTest::newRow("not set up opens the wizard")
        << K::NotSetUp << DockerError() << Remedy::OpenSetup << QStringLiteral("not set up");
    QTest::newRow("cancelled needs nothing")
        << K::Cancelled << DockerError() << Remedy::None << QStringLiteral("Cancelled");
    QTest::newRow("an engine failure says what the engine said")
        << K::Other << DockerError(C::Server, QStringLiteral("devmapper: out of space"), 500) << Remedy::ShowLogs
        << QStringLiteral("devmapper: out of space");
}

void TestErrorPresenter::serviceErrorsNameTheRemedy()
{
    QFETCH(ServiceError::Kind, kind);
    QFETCH(DockerError, docker);
    QFETCH(Remedy, remedy);
    QFETCH(QString, mentions);
    Config config;
    config.port = 4123;
    config.containerName = QStringLiteral("occ-test-name");
    // The core message carries the CLI's advice; the desktop must not repeat it.
    const ServiceError error(kind, QStringLiteral("... choose another port with `occ config set network.port N`"),
                             docker);
    const auto view = ErrorPresenter::service(error, config);
    QVERIFY2(view.text.contains(mentions), qPrintable(view.text));
    QCOMPARE(view.remedy, remedy);
    QVERIFY2(!view.text.contains(QStringLiteral("occ ")), qPrintable(view.text));
}

void TestErrorPresenter::noDesktopTextAsksForACommandLine()
{
    // Every kind crossed with every engine category, each carrying a core message full of CLI advice.
    Config config;
    int checked = 0;
    for (int k = int(ServiceError::Kind::None); k <= int(ServiceError::Kind::Other); ++k) {
        for (int c = int(DockerError::Category::None); c <= int(DockerError::Category::Cancelled); ++c) {
            const DockerError docker(DockerError::Category(c), QStringLiteral("engine text"), 500);
            const ServiceError error(ServiceError::Kind(k),
                                     QStringLiteral("Set one with `occ password set`, see `occ logs -n 50`."), docker);
            const auto view = ErrorPresenter::service(error, config);
            const QString engineText = ErrorPresenter::docker(docker);
            for (const QString& text : {view.text, engineText}) {
                QVERIFY2(!text.contains(QStringLiteral("occ ")) && !text.contains(QLatin1Char('`')),
                         qPrintable(QStringLiteral("kind %1, category %2: %3").arg(k).arg(c).arg(text)));
            }
            QCOMPARE(view.text.isEmpty(), k == int(ServiceError::Kind::None));
            ++checked;
        }
    }
    QCOMPARE(checked, 10 * 12);
}

void TestErrorPresenter::autostartErrorsNameThePathAndCause()
{
    const QString path = QStringLiteral("/home/u/.config/autostart/org.opencode_cloud.OpencodeCloud.desktop");
    const QString text =
        ErrorPresenter::autostart(AutostartError{AutostartError::Kind::Write, path, QStringLiteral("Disk full")});
    QVERIFY2(text.contains(path) && text.contains(QStringLiteral("Disk full")), qPrintable(text));
    const QString folder = ErrorPresenter::autostart(
        AutostartError{AutostartError::Kind::CreateFolder, QStringLiteral("/home/u/.config/autostart"), QString()});
    QVERIFY2(folder.contains(QStringLiteral("/home/u/.config/autostart")) && !folder.contains(QStringLiteral("()")),
             qPrintable(folder));
}

void TestErrorPresenter::everyRemedyButOneHasAButton()
{
    QVERIFY(ErrorPresenter::remedyLabel(Remedy::None).isEmpty());
    for (Remedy r : {Remedy::OpenSetup, Remedy::OpenSettings, Remedy::ShowLogs, Remedy::EnableFrontDoor}) {
        QVERIFY(!ErrorPresenter::remedyLabel(r).isEmpty());
    }
}

namespace {
// The button each of core's hints must offer on the desktop.
QList<QPair<Hint::Action, Remedy>> hintRemedies()
{
    using A = Hint::Action;
    return {
        {A::StartEngine, Remedy::OpenSetup},
        {A::JoinDockerGroup, Remedy::OpenSetup},
        {A::CheckSshAccess, Remedy::OpenSetup},
        {A::ChangePort, Remedy::OpenSettings},
        {A::ChangeContainerName, Remedy::None}, // only the person's Docker tools can fix it
        {A::SetPassword, Remedy::OpenSettings},
        {A::BindLoopback, Remedy::OpenSettings},
        {A::RunSetup, Remedy::OpenSetup},
        {A::EnableFrontDoor, Remedy::EnableFrontDoor},
        {A::ShowLogs, Remedy::ShowLogs},
        {A::FixConfigKey, Remedy::OpenSettings},
        {A::ListConfigKeys, Remedy::OpenSettings},
        {A::ShowStatus, Remedy::ShowLogs},
        {A::PassCredentials, Remedy::OpenSettings},
    };
}
} // namespace

void TestErrorPresenter::everyHintIsASentenceWithItsButton_data()
{
    QTest::addColumn<Hint>("hint");
    QTest::addColumn<Remedy>("remedy");
    const QMetaEnum actions = QMetaEnum::fromType<Hint::Action>();
    for (const auto& [action, remedy] : hintRemedies()) {
        Hint hint = Hint::of(action);
        hint.key = QStringLiteral("health.start_timeout_seconds");
        hint.target = QStringLiteral("-p 2222 alice@build.example");
        hint.count = 50;
        QTest::newRow(actions.valueToKey(int(action))) << hint << remedy;
    }
}

void TestErrorPresenter::everyHintIsASentenceWithItsButton()
{
    QFETCH(Hint, hint);
    QFETCH(Remedy, remedy);
    const ErrorPresenter::View view = ErrorPresenter::hint(hint);
    QVERIFY(!view.text.isEmpty());
    QVERIFY2(!view.text.contains(QStringLiteral("occ ")) && !view.text.contains(QLatin1Char('`')),
             qPrintable(view.text));
    QCOMPARE(view.remedy, remedy);
    QCOMPARE(ErrorPresenter::remedyLabel(view.remedy).isEmpty(), remedy == Remedy::None);
}

void TestErrorPresenter::everyHintValueHasARow()
{
    QSet<int> covered;
    for (const auto& pair : hintRemedies()) {
        covered.insert(int(pair.first));
    }
    const QMetaEnum actions = QMetaEnum::fromType<Hint::Action>();
    for (int i = 0; i < actions.keyCount(); ++i) {
        QVERIFY2(covered.contains(actions.value(i)), actions.key(i));
    }
}

void TestErrorPresenter::frontDoorFailuresKeepTheirKind()
{
    // Each kind has its own words (no generic "something failed"), none of them a command line.
    Config config;
    config.frontDoorHttpPort = 8081;
    config.frontDoorHttpsPort = 8444;
    QSet<QString> texts;
    for (int k = int(FrontDoorError::Kind::Config); k <= int(FrontDoorError::Kind::Engine); ++k) {
        const FrontDoorError door{FrontDoorError::Kind(k), QStringLiteral("Set it with `occ config set x`"), {}, {}};
        const ServiceError error = ServiceError::fromFrontDoor(door);
        QCOMPARE(error.kind, ServiceError::Kind::FrontDoor);
        const auto view = ErrorPresenter::service(error, config);
        QVERIFY2(!view.text.isEmpty() && !view.text.contains(QStringLiteral("occ ")), qPrintable(view.text));
        QVERIFY2(view.remedy != Remedy::None, qPrintable(view.text));
        texts.insert(view.text);
    }
    QCOMPARE(texts.size(), int(FrontDoorError::Kind::Engine) + 1);
    const auto taken = ErrorPresenter::frontDoor(FrontDoorError::Kind::PortInUse, config);
    QVERIFY2(taken.text.contains(QStringLiteral("8081")) && taken.text.contains(QStringLiteral("8444")),
             qPrintable(taken.text));
}

void TestErrorPresenter::tlsWithoutTheFrontDoorOffersToTurnItOn()
{
    Config config;
    config.tlsMode = QStringLiteral("internal");
    const QVector<ConfigWarning> warnings = ConfigWarning::check(config);
    QCOMPARE(warnings.size(), 1);
    const auto view = ErrorPresenter::configWarning(warnings.first());
    QVERIFY2(view.text.contains(QStringLiteral("\"internal\"")) && !view.text.contains(QStringLiteral("occ ")),
             qPrintable(view.text));
    QCOMPARE(view.remedy, Remedy::EnableFrontDoor);
}

QTEST_GUILESS_MAIN(TestErrorPresenter)
#include "TestErrorPresenter.moc"
