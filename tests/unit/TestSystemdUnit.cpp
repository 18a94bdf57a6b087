#include "core/osservice/SystemdUnit.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

namespace {

ServiceDefinition userDefinition()
{
    ServiceDefinition d;
    d.scope = ServiceDefinition::Scope::User;
    d.executable = QStringLiteral("/usr/local/bin/occ");
    d.configPath = QStringLiteral("/home/alice/.config/opencode-cloud/config.json");
    d.userName = QStringLiteral("alice");
    d.homeDir = QStringLiteral("/home/alice");
    d.logDir = QStringLiteral("/home/alice/.local/state/opencode-cloud");
    d.restart = RestartSettings{QStringLiteral("on-failure"), 5, 10, 600};
    return d;
}

ServiceDefinition systemDefinition()
{
    ServiceDefinition d = userDefinition();
    d.scope = ServiceDefinition::Scope::System;
    d.environment.insert(QStringLiteral("DOCKER_HOST"), QStringLiteral("unix:///run/user/1000/docker.sock"));
    return d;
}

// The reverse of SystemdUnit::quote, written from systemd.syntax(7) and systemd.service(5): split on
// whitespace, double- or single-quoted words, C escapes inside words, then "%%" -> "%" (specifiers)
// and, for command arguments only, "$$" -> "$". Returns false on anything it does not understand.
bool splitSystemdWords(const QString& line, bool collapseDollars, QStringList* words)
{
    words->clear();
    int i = 0;
    while (i < line.size()) {
        while (i < line.size() && line.at(i).isSpace()) {
            ++i;
        }
        if (i >= line.size()) {
            break;
        }
        QString word;
        QChar quote;
        while (i < line.size()) {
            const QChar c = line.at(i);
            if (quote.isNull() && c.isSpace()) {
                break;
            }
            if (quote.isNull() && (c == QLatin1Char('"') || c == QLatin1Char('\''))) {
                quote = c;
            } else if (!quote.isNull() && c == quote) {
                quote = QChar();
            } else if (c == QLatin1Char('\\')) {
                if (++i >= line.size()) {
                    return false;
                }
                const QChar e = line.at(i);
                if (e == QLatin1Char('\\') || e == QLatin1Char('"') || e == QLatin1Char('\'')) {
                    word += e;
                } else if (e == QLatin1Char('n')) {
                    word += QLatin1Char('\n');
                } else {
                    return false;
                }
            } else if (c == QLatin1Char('%')) {
                if (++i >= line.size() || line.at(i) != QLatin1Char('%')) {
                    return false; // a specifier we did not mean
                }
                word += QLatin1Char('%');
            } else if (c == QLatin1Char('$') && collapseDollars) {
                if (++i >= line.size() || line.at(i) != QLatin1Char('$')) {
                    return false; // a variable reference we did not mean
                }
                word += QLatin1Char('$');
            } else {
                word += c;
            }
            ++i;
        }
        if (!quote.isNull()) {
            return false;
        }
        words->append(word);
    }
    return true;
}

QString valueOf(const QString& unit, const QString& key)
{
    const QStringList lines =
        unit.split(QLatin1Char('\n')).filter(QRegularExpression(QLatin1Char('^') + key + QLatin1Char('=')));
    return lines.size() == 1 ? lines.first().mid(key.size() + 1) : QStringLiteral("<%1 lines>").arg(lines.size());
}

} // namespace

class TestSystemdUnit : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersKeyLines_data();
    void rendersKeyLines();
    void systemUnitsAreHardenedUserUnitsAreNot();
    void rendersTheRestartPolicy();
    void quotesEveryWordSoSystemdReadsItBack_data();
    void quotesEveryWordSoSystemdReadsItBack();
    void reportsWhatSystemdWouldRefuse_data();
    void reportsWhatSystemdWouldRefuse();
    void systemdAnalyzeVerifiesTheUnit_data();
    void systemdAnalyzeVerifiesTheUnit();
    void placesUnitsWhereTheManagerLooks();
};

void TestSystemdUnit::rendersKeyLines_data()
{
    QTest::addColumn<bool>("system");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a user unit starts occ run with the config")
        << false << "ExecStart"
        << R"("/usr/local/bin/occ" "run" "--config" "/home/alice/.config/opencode-cloud/config.json")";
    QTest::newRow("a user unit starts with the user's session manager") << false << "WantedBy"
                                                                        << "default.target";
    QTest::newRow("a user unit orders only against user units") << false << "After"
                                                                << "docker.service";
    QTest::newRow("a user unit has no User= line") << false << "User"
                                                   << "<0 lines>";
    QTest::newRow("a user unit has no Wants= on system units") << false << "Wants"
                                                               << "<0 lines>";
    QTest::newRow("a system unit runs as the configured account") << true << "User"
                                                                  << "alice";
    QTest::newRow("a system unit starts at boot") << true << "WantedBy"
                                                  << "multi-user.target";
    QTest::newRow("a system unit waits for Docker and the network") << true << "After"
                                                                    << "network-online.target docker.service";
    QTest::newRow("a system unit pulls in Docker and the network") << true << "Wants"
                                                                   << "network-online.target docker.service";
    QTest::newRow("a system unit passes DOCKER_HOST") << true << "Environment"
                                                      << R"("DOCKER_HOST=unix:///run/user/1000/docker.sock")";
    QTest::newRow("a system unit may write only the config and log folders")
        << true << "ReadWritePaths"
        << R"("-/home/alice/.config/opencode-cloud" "-/home/alice/.local/state/opencode-cloud")";
    QTest::newRow("the service type reports exec failures") << true << "Type"
                                                            << "exec";
    QTest::newRow("SIGTERM stops occ run") << true << "KillSignal"
                                           << "SIGTERM";
    QTest::newRow("the stop timeout is the definition's") << true << "TimeoutStopSec"
                                                          << "30";
}

void TestSystemdUnit::rendersKeyLines()
{
    QFETCH(bool, system);
    QFETCH(QString, key);
    const QString unit = SystemdUnit::render(system ? systemDefinition() : userDefinition());
    QVERIFY2(unit.startsWith(SystemdUnit::marker() + QLatin1Char('\n')), qPrintable(unit));
    QTEST(valueOf(unit, key), "expected");
}

void TestSystemdUnit::systemUnitsAreHardenedUserUnitsAreNot()
{
    const QString system = SystemdUnit::render(systemDefinition());
    const QString user = SystemdUnit::render(userDefinition());
    for (const QString& line : {QStringLiteral("ProtectSystem=strict"), QStringLiteral("ProtectHome=read-only"),
                                QStringLiteral("PrivateTmp=yes"), QStringLiteral("NoNewPrivileges=yes")}) {
        QVERIFY2(system.split(QLatin1Char('\n')).contains(line), qPrintable(line));
    }
    // Mount namespaces in a user manager need unprivileged user namespaces; keep them out.
    QVERIFY(user.split(QLatin1Char('\n')).contains(QStringLiteral("NoNewPrivileges=yes")));
    QVERIFY(!user.contains(QStringLiteral("ProtectSystem")));
    QVERIFY(!user.contains(QStringLiteral("PrivateTmp")));
    // The Docker socket must stay reachable: nothing may hide /run or forbid AF_UNIX.
    QVERIFY(!system.contains(QStringLiteral("InaccessiblePaths")));
    QCOMPARE(valueOf(system, QStringLiteral("RestrictAddressFamilies")), QStringLiteral("AF_UNIX AF_INET AF_INET6"));
}

void TestSystemdUnit::rendersTheRestartPolicy()
{
    ServiceDefinition d = userDefinition();
    QString unit = SystemdUnit::render(d);
    QCOMPARE(valueOf(unit, QStringLiteral("Restart")), QStringLiteral("on-failure"));
    QCOMPARE(valueOf(unit, QStringLiteral("RestartSec")), QStringLiteral("10"));
    QCOMPARE(valueOf(unit, QStringLiteral("StartLimitBurst")), QStringLiteral("6"));
    QCOMPARE(valueOf(unit, QStringLiteral("StartLimitIntervalSec")), QStringLiteral("600"));
    // The start limit lives in [Unit]; systemd ignores it in [Service] since v230.
    QVERIFY(unit.indexOf(QStringLiteral("StartLimitBurst")) < unit.indexOf(QStringLiteral("[Service]")));

    d.restart.policy = QStringLiteral("always");
    unit = SystemdUnit::render(d);
    QCOMPARE(valueOf(unit, QStringLiteral("Restart")), QStringLiteral("always"));
    QCOMPARE(valueOf(unit, QStringLiteral("StartLimitIntervalSec")), QStringLiteral("0"));
    QCOMPARE(valueOf(unit, QStringLiteral("StartLimitBurst")), QStringLiteral("<0 lines>"));
}

void TestSystemdUnit::quotesEveryWordSoSystemdReadsItBack_data()
{
    QTest::addColumn<QString>("configPath");
    QTest::addColumn<QString>("expectedWord");
    QTest::newRow("a space stays inside one word") << "/home/a b/config.json"
                                                   << R"("/home/a b/config.json")";
    QTest::newRow("a percent sign is not a specifier") << "/home/a/100%/c.json"
                                                       << R"("/home/a/100%%/c.json")";
    QTest::newRow("a dollar sign is not a variable") << "/home/a/$HOME/c.json"
                                                     << R"("/home/a/$$HOME/c.json")";
    QTest::newRow("a double quote is escaped") << R"(/home/a/"q"/c.json)"
                                               << R"("/home/a/\"q\"/c.json")";
    QTest::newRow("a single quote needs no escape inside double quotes") << "/home/a/it's/c.json"
                                                                         << R"("/home/a/it's/c.json")";
    QTest::newRow("a backslash is doubled") << R"(/home/a/back\slash/c.json)"
                                            << R"("/home/a/back\\slash/c.json")";
    QTest::newRow("unicode passes through as UTF-8") << "/home/jörg/設定/c.json"
                                                     << R"("/home/jörg/設定/c.json")";
    QTest::newRow("everything at once survives") << R"(/h/a b/%n$x"y'z\w ü/c.json)"
                                                 << R"("/h/a b/%%n$$x\"y'z\\w ü/c.json")";
}

void TestSystemdUnit::quotesEveryWordSoSystemdReadsItBack()
{
    QFETCH(QString, configPath);
    ServiceDefinition d = systemDefinition();
    d.configPath = configPath;
    d.executable = QStringLiteral("/opt/my tools/100%/occ");
    const QString exec = valueOf(SystemdUnit::render(d), QStringLiteral("ExecStart"));
    QFETCH(QString, expectedWord);
    QVERIFY2(exec.endsWith(QLatin1Char(' ') + expectedWord), qPrintable(exec));
    QVERIFY2(exec.startsWith(QStringLiteral(R"("/opt/my tools/100%%/occ" )")), qPrintable(exec));

    // (The executable here has no "$": it is not variable-expanded, the arguments are.)
    QStringList words;
    QVERIFY(splitSystemdWords(exec, true, &words));
    QCOMPARE(words, (QStringList{d.executable, QStringLiteral("run"), QStringLiteral("--config"), configPath}));

    const QString paths = valueOf(SystemdUnit::render(d), QStringLiteral("ReadWritePaths"));
    QVERIFY(splitSystemdWords(paths, false, &words));
    QCOMPARE(words.first(), QStringLiteral("-") + d.configDir());
}

void TestSystemdUnit::reportsWhatSystemdWouldRefuse_data()
{
    QTest::addColumn<QString>("executable");
    QTest::addColumn<QString>("configPath");
    QTest::addColumn<QString>("userName");
    QTest::addColumn<bool>("ok");
    QTest::newRow("plain absolute paths are fine") << "/usr/bin/occ"
                                                   << "/etc/occ/c.json"
                                                   << "alice" << true;
    QTest::newRow("spaces, percent and dollar in the executable are fine") << "/opt/a b/%$/occ"
                                                                           << "/etc/occ/c.json"
                                                                           << "alice" << true;
    QTest::newRow("a relative executable is refused") << "occ"
                                                      << "/etc/occ/c.json"
                                                      << "alice" << false;
    QTest::newRow("a quote in the executable is refused") << "/opt/it's/occ"
                                                          << "/etc/occ/c.json"
                                                          << "alice" << false;
    QTest::newRow("a backslash in the executable is refused") << "/opt/a\\b/occ"
                                                              << "/etc/occ/c.json"
                                                              << "alice" << false;
    QTest::newRow("a relative config is refused") << "/usr/bin/occ"
                                                  << "c.json"
                                                  << "alice" << false;
    QTest::newRow("a newline anywhere is refused") << "/usr/bin/occ"
                                                   << "/etc/occ/a\nb.json"
                                                   << "alice" << false;
    QTest::newRow("a system unit without a user is refused") << "/usr/bin/occ"
                                                             << "/etc/occ/c.json"
                                                             << "" << false;
    QTest::newRow("a user name with a space is refused") << "/usr/bin/occ"
                                                         << "/etc/occ/c.json"
                                                         << "a b" << false;
}

void TestSystemdUnit::reportsWhatSystemdWouldRefuse()
{
    ServiceDefinition d = systemDefinition();
    QFETCH(QString, executable);
    QFETCH(QString, configPath);
    QFETCH(QString, userName);
    d.executable = executable;
    d.configPath = configPath;
    d.userName = userName;
    const QStringList problems = SystemdUnit::problems(d);
    QFETCH(bool, ok);
    QVERIFY2(problems.isEmpty() == ok, qPrintable(problems.join(QLatin1Char('\n'))));
}

void TestSystemdUnit::systemdAnalyzeVerifiesTheUnit_data()
{
    QTest::addColumn<bool>("system");
    QTest::addColumn<QString>("folder"); // holds a copy of /bin/true named occ
    QTest::addColumn<QString>("policy");
    QTest::newRow("a plain user unit verifies") << false << "bin"
                                                << "on-failure";
    QTest::newRow("a plain system unit verifies") << true << "bin"
                                                  << "always";
    QTest::newRow("a system unit with no restarts verifies") << true << "bin"
                                                             << "no";
    QTest::newRow("an executable below spaces, percent and dollar verifies as the same file")
        << true << "my tools/100% $HOME ü"
        << "on-failure";
    QTest::newRow("a user unit with odd paths verifies") << false << "a b/%n/$x"
                                                         << "unless-stopped";
}

void TestSystemdUnit::systemdAnalyzeVerifiesTheUnit()
{
    const QString analyze = QStandardPaths::findExecutable(QStringLiteral("systemd-analyze"));
    if (analyze.isEmpty()) {
        QFAIL("systemd-analyze is not installed");
    }
    QFETCH(bool, system);
    QFETCH(QString, folder);
    QFETCH(QString, policy);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // systemd-analyze checks that ExecStart's program exists and is executable, so a misquoted
    // path fails verification.
    const QString binDir = dir.filePath(folder);
    QVERIFY(QDir().mkpath(binDir));
    const QString executable = binDir + QStringLiteral("/occ");
    QVERIFY(QFile::copy(QStringLiteral("/bin/true"), executable));
    QVERIFY(QFile::setPermissions(executable,
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup | QFile::ExeGroup
                                      | QFile::ReadOther | QFile::ExeOther));

    ServiceDefinition d = system ? systemDefinition() : userDefinition();
    d.executable = executable;
    d.configPath = dir.filePath(QStringLiteral("conf %$ \"q\" \\ ü/config.json"));
    d.logDir = dir.filePath(QStringLiteral("log dir"));
    d.userName = QStringLiteral("root"); // must exist for User=
    d.restart.policy = policy;
    QVERIFY(SystemdUnit::problems(d).isEmpty());

    QFile unit(dir.filePath(SystemdUnit::unitName()));
    QVERIFY(unit.open(QIODevice::WriteOnly));
    unit.write(SystemdUnit::render(d).toUtf8());
    unit.close();

    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    QStringList args{QStringLiteral("verify")};
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    QTemporaryDir runtime;
    if (!system) {
        // The user manager wants a runtime directory even for an offline verify.
        args << QStringLiteral("--user");
        env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime.path());
    }
    args << unit.fileName();
    process.setProcessEnvironment(env);
    process.start(analyze, args);
    QVERIFY(process.waitForFinished(60000));
    const QString output = QString::fromUtf8(process.readAll());
    // Unknown keys and bad values are only warnings (exit 0), so any output about the unit fails.
    QVERIFY2(output.trimmed().isEmpty(), qPrintable(output + QStringLiteral("\n---\n") + SystemdUnit::render(d)));
    QCOMPARE(process.exitCode(), 0);
}

void TestSystemdUnit::placesUnitsWhereTheManagerLooks()
{
    QCOMPARE(SystemdUnit::unitPath(ServiceDefinition::Scope::User, QStringLiteral("/home/a b/")),
             QStringLiteral("/home/a b/.config/systemd/user/opencode-cloud.service"));
    QCOMPARE(SystemdUnit::unitPath(ServiceDefinition::Scope::System, QStringLiteral("/home/a")),
             QStringLiteral("/etc/systemd/system/opencode-cloud.service"));
}

QTEST_GUILESS_MAIN(TestSystemdUnit)
#include "TestSystemdUnit.moc"
