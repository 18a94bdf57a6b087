#include "core/osservice/LaunchdPlist.h"

#include <QTest>
#include <QVariant>
#include <QXmlStreamReader>

using namespace occ;

namespace {

ServiceDefinition agent()
{
    ServiceDefinition d;
    d.scope = ServiceDefinition::Scope::User;
    d.executable = QStringLiteral("/Applications/opencode-cloud.app/Contents/MacOS/occ");
    d.configPath = QStringLiteral("/Users/alice/Library/Application Support/opencode-cloud/config.json");
    d.userName = QStringLiteral("alice");
    d.userId = 501;
    d.homeDir = QStringLiteral("/Users/alice");
    d.restart = RestartSettings{QStringLiteral("on-failure"), 5, 7, 300};
    return d;
}

// A small plist reader: dict -> QVariantMap, array -> QVariantList, string -> QString,
// integer -> qlonglong, true/false -> bool. Anything else is an error, so a wrong type fails.
QVariant readValue(QXmlStreamReader& xml, QString* error)
{
    const QString name = xml.name().toString();
    if (name == QLatin1String("string")) {
        return xml.readElementText();
    }
    if (name == QLatin1String("integer")) {
        bool ok = false;
        const qlonglong v = xml.readElementText().toLongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("bad integer");
        }
        return v;
    }
    if (name == QLatin1String("true") || name == QLatin1String("false")) {
        xml.skipCurrentElement();
        return name == QLatin1String("true");
    }
    if (name == QLatin1String("array")) {
        QVariantList list;
        while (xml.readNextStartElement()) {
            list << readValue(xml, error);
        }
        return list;
    }
    if (name == QLatin1String("dict")) {
        QVariantMap map;
        while (xml.readNextStartElement()) {
            if (xml.name() != QLatin1String("key")) {
                *error = QStringLiteral("dict entry without key: ") + xml.name().toString();
                return {};
            }
            const QString key = xml.readElementText();
            if (!xml.readNextStartElement()) {
                *error = QStringLiteral("key without value: ") + key;
                return {};
            }
            if (map.contains(key)) {
                *error = QStringLiteral("duplicate key: ") + key;
            }
            map.insert(key, readValue(xml, error));
        }
        return map;
    }
    *error = QStringLiteral("unexpected element ") + name;
    xml.skipCurrentElement();
    return {};
}

QVariantMap parsePlist(const QString& text, QString* error)
{
    QXmlStreamReader xml(text);
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("plist")) {
        *error = QStringLiteral("no <plist> root");
        return {};
    }
    if (!xml.readNextStartElement() || xml.name() != QLatin1String("dict")) {
        *error = QStringLiteral("the root is not a dict");
        return {};
    }
    const QVariantMap map = readValue(xml, error).toMap();
    xml.readNext();
    while (!xml.atEnd()) {
        xml.readNext();
    }
    if (xml.hasError()) {
        *error = xml.errorString();
    }
    return map;
}

} // namespace

class TestLaunchdPlist : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesBackWithRequiredKeysAndTypes_data();
    void parsesBackWithRequiredKeysAndTypes();
    void keepAliveFollowsThePolicy_data();
    void keepAliveFollowsThePolicy();
    void escapesAllFiveXmlCharacters();
    void refusesCharactersXmlCannotHold();
    void launchctlCommandsUseTheRightDomain_data();
    void launchctlCommandsUseTheRightDomain();
};

void TestLaunchdPlist::parsesBackWithRequiredKeysAndTypes_data()
{
    QTest::addColumn<bool>("daemon");
    QTest::addColumn<QString>("configPath");
    QTest::addColumn<QString>("dockerHost");
    QTest::newRow("an agent with a plain config path") << false << "/Users/alice/c.json"
                                                       << "";
    QTest::newRow("an agent with spaces in the path") << false << "/Users/alice/Library/Application Support/c.json"
                                                      << "";
    QTest::newRow("every XML special character survives the round trip") << false << R"(/Users/a&b/<x>/"q"/it's/c.json)"
                                                                         << "tcp://h:2375/?a=1&b=<2>";
    QTest::newRow("unicode survives the round trip") << false << "/Users/jörg/設定/c.json"
                                                     << "";
    QTest::newRow("a daemon runs as the configured user") << true << "/Library/Application Support/occ/c.json"
                                                          << "unix:///var/run/docker.sock";
}

void TestLaunchdPlist::parsesBackWithRequiredKeysAndTypes()
{
    QFETCH(bool, daemon);
    QFETCH(QString, configPath);
    QFETCH(QString, dockerHost);
    ServiceDefinition d = agent();
    d.scope = daemon ? ServiceDefinition::Scope::System : ServiceDefinition::Scope::User;
    d.configPath = configPath;
    if (!dockerHost.isEmpty()) {
        d.environment.insert(QStringLiteral("DOCKER_HOST"), dockerHost);
    }
    QVERIFY(LaunchdPlist::problems(d).isEmpty());
    const QString text = LaunchdPlist::render(d);
    QVERIFY(text.contains(LaunchdPlist::marker()));

    QString error;
    const QVariantMap plist = parsePlist(text, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error + QLatin1Char('\n') + text));

    QCOMPARE(plist.value(QStringLiteral("Label")).typeId(), QMetaType::QString);
    QCOMPARE(plist.value(QStringLiteral("Label")).toString(), QStringLiteral("org.opencode-cloud.occ"));
    QCOMPARE(plist.value(QStringLiteral("ProgramArguments")).typeId(), QMetaType::QVariantList);
    QCOMPARE(plist.value(QStringLiteral("ProgramArguments")).toStringList(),
             QStringList{d.executable} + d.runArguments());
    QCOMPARE(plist.value(QStringLiteral("RunAtLoad")), QVariant(true));
    QCOMPARE(plist.value(QStringLiteral("ThrottleInterval")), QVariant(qlonglong(7)));
    QCOMPARE(plist.value(QStringLiteral("ExitTimeOut")), QVariant(qlonglong(30)));
    const QString logs = daemon ? QStringLiteral("/Library/Logs/opencode-cloud/")
                                : QStringLiteral("/Users/alice/Library/Logs/opencode-cloud/");
    QCOMPARE(plist.value(QStringLiteral("StandardOutPath")).toString(), logs + QStringLiteral("occ-run.out.log"));
    QCOMPARE(plist.value(QStringLiteral("StandardErrorPath")).toString(), logs + QStringLiteral("occ-run.err.log"));
    QCOMPARE(plist.contains(QStringLiteral("UserName")), daemon);
    if (daemon) {
        QCOMPARE(plist.value(QStringLiteral("UserName")).toString(), QStringLiteral("alice"));
    }
    QCOMPARE(plist.contains(QStringLiteral("EnvironmentVariables")), !dockerHost.isEmpty());
    if (!dockerHost.isEmpty()) {
        QCOMPARE(plist.value(QStringLiteral("EnvironmentVariables")).toMap(),
                 (QVariantMap{{QStringLiteral("DOCKER_HOST"), dockerHost}}));
    }
}

void TestLaunchdPlist::keepAliveFollowsThePolicy_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QVariant>("keepAlive");
    QTest::newRow("on-failure restarts only after an unsuccessful exit")
        << "on-failure" << QVariant(QVariantMap{{QStringLiteral("SuccessfulExit"), false}});
    QTest::newRow("always keeps it alive unconditionally") << "always" << QVariant(true);
    QTest::newRow("unless-stopped keeps it alive unconditionally") << "unless-stopped" << QVariant(true);
    QTest::newRow("no leaves KeepAlive out") << "no" << QVariant();
}

void TestLaunchdPlist::keepAliveFollowsThePolicy()
{
    QFETCH(QString, policy);
    ServiceDefinition d = agent();
    d.restart.policy = policy;
    QString error;
    const QVariantMap plist = parsePlist(LaunchdPlist::render(d), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QTEST(plist.value(QStringLiteral("KeepAlive")), "keepAlive");
}

void TestLaunchdPlist::escapesAllFiveXmlCharacters()
{
    QCOMPARE(LaunchdPlist::escapeXml(QStringLiteral("a&b<c>d\"e'f")),
             QStringLiteral("a&amp;b&lt;c&gt;d&quot;e&apos;f"));
    ServiceDefinition d = agent();
    d.configPath = QStringLiteral("/Users/a&b/c.json");
    QVERIFY(LaunchdPlist::render(d).contains(QStringLiteral("<string>/Users/a&amp;b/c.json</string>")));
}

void TestLaunchdPlist::refusesCharactersXmlCannotHold()
{
    ServiceDefinition d = agent();
    d.configPath = QStringLiteral("/Users/a") + QChar(0x1) + QStringLiteral("/c.json");
    QCOMPARE(LaunchdPlist::problems(d).size(), 1);
    d.configPath = QStringLiteral("c.json");
    QVERIFY(!LaunchdPlist::problems(d).isEmpty());
}

void TestLaunchdPlist::launchctlCommandsUseTheRightDomain_data()
{
    QTest::addColumn<bool>("daemon");
    QTest::addColumn<QStringList>("bootstrap");
    QTest::addColumn<QStringList>("bootout");
    QTest::newRow("an agent goes into the user's gui domain")
        << false
        << QStringList{"bootstrap", "gui/501", "/Users/alice/Library/LaunchAgents/org.opencode-cloud.occ.plist"}
        << QStringList{"bootout", "gui/501/org.opencode-cloud.occ"};
    QTest::newRow("a daemon goes into the system domain")
        << true << QStringList{"bootstrap", "system", "/Library/LaunchDaemons/org.opencode-cloud.occ.plist"}
        << QStringList{"bootout", "system/org.opencode-cloud.occ"};
}

void TestLaunchdPlist::launchctlCommandsUseTheRightDomain()
{
    QFETCH(bool, daemon);
    ServiceDefinition d = agent();
    d.scope = daemon ? ServiceDefinition::Scope::System : ServiceDefinition::Scope::User;
    QTEST(LaunchdPlist::bootstrapArguments(d), "bootstrap");
    QTEST(LaunchdPlist::bootoutArguments(d), "bootout");
}

QTEST_GUILESS_MAIN(TestLaunchdPlist)
#include "TestLaunchdPlist.moc"
