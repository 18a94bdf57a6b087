// The occ CLI without an engine: parsing, help, config commands and their errors, exit codes.

#include "cli/Command.h"
#include "cli/ProgressPrinter.h"
#include "support/CliRunner.h"
#include "support/OtherUser.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>
#include <unistd.h>

using occ::test::runOcc;

class TestCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_config;

    void writeConfig(const QByteArray& text)
    {
        QDir().mkpath(QFileInfo(m_config).path());
        QFile f(m_config);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(text);
    }
    QByteArray readConfig()
    {
        QFile f(m_config);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_config = m_dir.filePath(QStringLiteral("cfg%1/config.json").arg(QRandomGenerator::global()->generate()));
        qputenv("OCC_CONFIG", m_config.toUtf8());
        // No engine in these tests: a socket that does not exist.
        qputenv("DOCKER_HOST", QByteArray("unix://") + m_dir.filePath(QStringLiteral("no-such.sock")).toUtf8());
        qunsetenv("DOCKER_CONTEXT");
    }

    void versionAndHelp()
    {
        auto r = runOcc({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.startsWith(QStringLiteral("occ ")), qPrintable(r.out));
        r = runOcc({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char* verb :
             {"setup", "start", "stop", "restart", "status", "logs", "config", "open", "doctor", "password"}) {
            QVERIFY2(r.out.contains(QStringLiteral("  ") + QLatin1String(verb)), verb);
        }
        r = runOcc({QStringLiteral("help"), QStringLiteral("logs")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("--follow")));
        QVERIFY(r.out.contains(QStringLiteral("--config FILE")));
    }

    // A run builds only its own verb (makeCommand), help lists them all (makeCommands): one table, no drift.
    void everyListedVerbRunsByItsName()
    {
        for (const auto& listed : occ::cli::makeCommands()) {
            const auto built = occ::cli::makeCommand(listed->name);
            QVERIFY2(built, qPrintable(listed->name));
            QCOMPARE(built->name, listed->name);
        }
        QVERIFY(!occ::cli::makeCommand(QStringLiteral("help")));
        QVERIFY(!occ::cli::makeCommand(QString()));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("an unknown verb is a usage error")
            << QStringList{QStringLiteral("frobnicate")} << QStringLiteral("unknown command");
        QTest::newRow("no verb is a usage error") << QStringList{} << QStringLiteral("no command");
        QTest::newRow("an unknown option is a usage error")
            << QStringList{QStringLiteral("status"), QStringLiteral("--bogus")} << QStringLiteral("bogus");
        QTest::newRow("logs --tail needs a number")
            << QStringList{QStringLiteral("logs"), QStringLiteral("-n"), QStringLiteral("many")}
            << QStringLiteral("--tail");
        QTest::newRow("logs --since needs a time")
            << QStringList{QStringLiteral("logs"), QStringLiteral("--since"), QStringLiteral("yesterday")}
            << QStringLiteral("--since");
        QTest::newRow("stop --timeout must be a number")
            << QStringList{QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("-5")}
            << QStringLiteral("--timeout");
        QTest::newRow("config without an action is a usage error")
            << QStringList{QStringLiteral("config")} << QStringLiteral("usage: occ config");
        QTest::newRow("password needs an action") << QStringList{QStringLiteral("password"), QStringLiteral("print")}
                                                  << QStringLiteral("usage: occ password");
        QTest::newRow("setup rejects an invalid port") << QStringList{QStringLiteral("setup"), QStringLiteral("--yes"),
                                                                      QStringLiteral("--port"), QStringLiteral("70000")}
                                                       << QStringLiteral("--port");
        QTest::newRow("setup rejects a port that is not a number")
            << QStringList{QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--port"),
                           QStringLiteral("http")}
            << QStringLiteral("--port");
        QTest::newRow("setup rejects an unknown restart policy")
            << QStringList{QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--restart-policy"),
                           QStringLiteral("sometimes")}
            << QStringLiteral("--restart-policy");
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const auto r = runOcc(args);
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
        QVERIFY2(r.err.startsWith(QStringLiteral("error: ")), qPrintable(r.err));
        QVERIFY(!QFile::exists(m_config)); // a usage error never writes the config
    }

    void commandsNeedSetUp_data()
    {
        QTest::addColumn<QString>("verb");
        for (const char* verb : {"start", "stop", "restart", "logs", "open"}) {
            QTest::newRow(qPrintable(QStringLiteral("%1 says to run setup first").arg(QLatin1String(verb))))
                << QString::fromLatin1(verb);
        }
    }
    void commandsNeedSetUp()
    {
        QFETCH(QString, verb);
        const auto r = runOcc({verb});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.err.contains(QStringLiteral("occ setup")), qPrintable(r.err));
    }

    void statusWithoutSetupSaysSo()
    {
        auto r = runOcc({QStringLiteral("status")});
        QCOMPARE(r.code, 5);
        QVERIFY(r.out.contains(QStringLiteral("not-set-up")));
        r = runOcc({QStringLiteral("status"), QStringLiteral("--json")});
        QCOMPARE(r.code, 5);
        QVERIFY2(r.out.contains(QStringLiteral("\"state\": \"not-set-up\"")), qPrintable(r.out));
    }

    void setupWithoutEngineWritesConfigAndPrivateFiles()
    {
        const auto r = runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker"),
                               QStringLiteral("--port"), QStringLiteral("47123")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("Docker")), qPrintable(r.err)); // it warned about the engine
        QVERIFY(r.out.contains(QStringLiteral("http://127.0.0.1:47123")));
        // Output is not a terminal: the password is not printed.
        const auto pw = runOcc({QStringLiteral("password"), QStringLiteral("show")});
        QCOMPARE(pw.code, 0);
        const QString password = pw.out.trimmed();
        QVERIFY(password.size() >= 24);
        QVERIFY(!r.all().contains(password));
        struct stat st
        { };
        QCOMPARE(::stat(QFile::encodeName(m_config).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        const QString creds = QFileInfo(m_config).dir().filePath(QStringLiteral("credentials.json"));
        QCOMPARE(::stat(QFile::encodeName(creds).constData(), &st), 0);
        QCOMPARE(st.st_mode & 0777, 0600u);
        QVERIFY(!readConfig().contains(password.toUtf8())); // the config holds no secret

        // A second setup keeps the password.
        QCOMPARE(runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")}).code,
                 0);
        QCOMPARE(runOcc({QStringLiteral("password"), QStringLiteral("show")}).out.trimmed(), password);
    }

    void configGetSetUnset()
    {
        auto r = runOcc(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4100")});
        QCOMPARE(r.code, 0);
        r = runOcc({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("network.port")});
        QCOMPARE(r.code, 0);
        QCOMPARE(r.out.trimmed(), QStringLiteral("4100"));
        r = runOcc(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("0")});
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains(QStringLiteral("network.port")), qPrintable(r.err));
        r = runOcc({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("no.such"), QStringLiteral("1")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("unknown key")));
        r = runOcc({QStringLiteral("config"), QStringLiteral("unset"), QStringLiteral("network.port")});
        QCOMPARE(r.code, 0);
        QCOMPARE(
            runOcc({QStringLiteral("config"), QStringLiteral("get"), QStringLiteral("network.port")}).out.trimmed(),
            QStringLiteral("4096"));
        r = runOcc({QStringLiteral("config"), QStringLiteral("path")});
        QCOMPARE(r.out.trimmed(), m_config);
        r = runOcc({QStringLiteral("config"), QStringLiteral("show"), QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"port\": 4096")));
        r = runOcc({QStringLiteral("config"), QStringLiteral("schema")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QStringLiteral("\"$schema\"")));
        QVERIFY(r.out.contains(QStringLiteral("\"port\"")));
    }

    void unknownKeysSurviveConfigSet()
    {
        writeConfig(R"({"version": 1, "network": {"port": 4200, "x_mine": [1, 2]}, "my_tool": {"a": true}})");
        QCOMPARE(runOcc({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.bind"),
                         QStringLiteral("0.0.0.0")})
                     .code,
                 0);
        const QByteArray text = readConfig();
        QVERIFY2(text.contains("\"x_mine\"") && text.contains("\"my_tool\""), text.constData());
        QVERIFY(text.contains("\"0.0.0.0\""));
        QVERIFY(text.contains("4200"));
    }

    void brokenConfigIsReportedAndNeverOverwritten_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        // Setting another key of a file with one bad value is allowed (the bad value is kept as it is), so
        // two broken keys can never lock each other; a file that does not parse is never written.
        QTest::addColumn<bool>("unparseable");
        QTest::newRow("a syntax error names line and column")
            << QByteArray("{\n  \"network\": {\n    \"port\": 4096,\n  }\n}\n") << QStringLiteral(":4:") << true;
        QTest::newRow("a wrong type names the key")
            << QByteArray(R"({"version": 1, "network": {"port": "http"}})") << QStringLiteral("network.port") << false;
        QTest::newRow("an out-of-range port names the key")
            << QByteArray(R"({"version": 1, "network": {"port": 99999}})") << QStringLiteral("network.port") << false;
        QTest::newRow("a file from a newer version is refused")
            << QByteArray(R"({"version": 99})") << QStringLiteral("newer") << true;
    }
    void brokenConfigIsReportedAndNeverOverwritten()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(bool, unparseable);
        writeConfig(text);
        QList<QStringList> commands{
            {QStringLiteral("status")},
            {QStringLiteral("start")},
            {QStringLiteral("config"), QStringLiteral("validate")},
            {QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")}};
        if (unparseable) {
            commands.append({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.bind"),
                             QStringLiteral("127.0.0.1")});
        }
        for (const QStringList& args : commands) {
            const auto r = runOcc(args);
            QVERIFY2(r.code == 4, qPrintable(args.join(QLatin1Char(' ')) + QStringLiteral(": ") + r.all()));
            QVERIFY2(r.err.contains(message), qPrintable(r.err));
            QVERIFY2(r.err.contains(m_config), qPrintable(r.err));
            QCOMPARE(r.err.count(QStringLiteral("\n")) <= 4, true); // one clear message, no dump
        }
        QCOMPARE(readConfig(), text);
    }

    void engineMissingIsExitCode3()
    {
        QCOMPARE(runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")}).code,
                 0);
        auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 3);
        QVERIFY2(r.err.contains(QStringLiteral("no-such.sock")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("systemctl start docker")), qPrintable(r.err));
        r = runOcc({QStringLiteral("status")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.out.contains(QStringLiteral("engine-unreachable")));
        r = runOcc({QStringLiteral("doctor")});
        QCOMPARE(r.code, 3);
        QVERIFY(r.out.contains(QStringLiteral("[FAIL] engine")));
    }

    // One cause, one exit code, whichever command meets it: no engine, a silent engine (accepts, never
    // answers) and a socket we may not open are all "engine unreachable" (3). Commands that do not need
    // the engine (update --check) or only note it (password rotate: "takes effect at the next start")
    // succeed. A silent engine is given up on within the probe timeout (3 s), not the 30 s of long operations.
    void engineFailuresGiveOneCodePerCause_data()
    {
        QTest::addColumn<QString>("cause");
        QTest::addColumn<QString>("advice");
        QTest::newRow("no socket: every engine command exits 3 and says to start Docker")
            << QStringLiteral("missing") << QStringLiteral("systemctl start docker");
        QTest::newRow("a socket that never answers: every engine command exits 3 within seconds")
            << QStringLiteral("silent") << QStringLiteral("did not answer in time");
        QTest::newRow("a socket we may not open: every engine command exits 3 and says to join the group")
            << QStringLiteral("denied") << QStringLiteral("usermod -aG docker");
    }
    void engineFailuresGiveOneCodePerCause()
    {
        QFETCH(QString, cause);
        QFETCH(QString, advice);
        const QList<QPair<QStringList, int>> commands{
            {{QStringLiteral("status")}, 3},
            {{QStringLiteral("doctor")}, 3},
            {{QStringLiteral("stop")}, 3},
            {{QStringLiteral("logs")}, 3},
            {{QStringLiteral("start")}, 3},
            {{QStringLiteral("restart")}, 3},
            {{QStringLiteral("update"), QStringLiteral("--check")}, 0},
            {{QStringLiteral("password"), QStringLiteral("rotate")}, 0},
        };

        QTemporaryDir home; // reachable by nobody for the permission case
        QVERIFY(home.isValid());
        QVERIFY(QFile::setPermissions(home.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner
                                          | QFileDevice::ReadOther | QFileDevice::WriteOther | QFileDevice::ExeOther));
        QLocalServer server;
        QString socket = home.filePath(QStringLiteral("no-such.sock"));
        if (cause != QLatin1String("missing")) {
            // Owner-only: root's socket is closed to nobody; a silent server just never answers.
            server.setSocketOptions(QLocalServer::UserAccessOption);
            QVERIFY(server.listen(home.filePath(QStringLiteral("engine.sock"))));
            socket = server.fullServerName();
        }
        const QString dockerHost = QStringLiteral("unix://") + socket;

        // root opens any socket: the permission case runs the real binary as nobody, with its own config.
        const bool asNobody = cause == QLatin1String("denied") && ::geteuid() == 0;
        if (cause == QLatin1String("denied") && !asNobody) {
            QVERIFY(QFile::setPermissions(socket, QFileDevice::Permissions{}));
        }
        QTemporaryDir bin;
        QString occBinary;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), home.path());
        env.insert(QStringLiteral("OCC_CONFIG"), home.filePath(QStringLiteral("cfg/config.json")));
        env.insert(QStringLiteral("DOCKER_HOST"), dockerHost);
        env.remove(QStringLiteral("DOCKER_CONTEXT"));
        if (asNobody) {
            occBinary = occ::test::executableForOtherUsers(QStringLiteral(OCC_BINARY_DIR "/cli/occ"), bin);
            QVERIFY(!occBinary.isEmpty());
        } else {
            qputenv("DOCKER_HOST", dockerHost.toUtf8());
        }
        auto run = [&](const QStringList& args) {
            if (!asNobody) {
                return runOcc(args);
            }
            return occ::test::runOccBinary(
                QStringList{QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"), occBinary} + args,
                env, QStringLiteral("/usr/sbin/runuser"));
        };
        const auto setup =
            run({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")});
        QVERIFY2(setup.code == 0, qPrintable(setup.all()));

        for (const auto& [args, expected] : commands) {
            QElapsedTimer timer;
            timer.start();
            const auto r = run(args);
            const qint64 elapsed = timer.elapsed();
            const QString what = args.join(QLatin1Char(' '));
            QVERIFY2(r.code == expected,
                     qPrintable(
                         QStringLiteral("%1: exit %2, want %3: %4").arg(what).arg(r.code).arg(expected).arg(r.all())));
            if (expected == 3) {
                QVERIFY2(r.all().contains(advice), qPrintable(what + QStringLiteral(": ") + r.all()));
            }
            // An upper bound, not a benchmark: the probe gives up after 3 s; 30 s would be the old limit.
            QVERIFY2(elapsed < 6000, qPrintable(QStringLiteral("%1 took %2 ms").arg(what).arg(elapsed)));
        }
    }

    // The advice fits where the engine is: a remote one is not started with systemctl on this machine.
    void adviceFitsTheEndpoint_data()
    {
        QTest::addColumn<QString>("dockerHost");
        QTest::addColumn<QString>("advice");
        QTest::newRow("tcp: check host, port and TLS")
            << QStringLiteral("tcp://127.0.0.1:1") << QStringLiteral("Check the host and port");
        QTest::newRow("ssh: try docker version over ssh")
            << QStringLiteral("ssh://nobody@127.0.0.1:1") << QStringLiteral("ssh -p 1 nobody@127.0.0.1 docker version");
    }
    void adviceFitsTheEndpoint()
    {
        QFETCH(QString, dockerHost);
        QFETCH(QString, advice);
        QCOMPARE(runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")}).code,
                 0);
        qputenv("DOCKER_HOST", dockerHost.toUtf8());
        qputenv("OCC_SSH_OPTIONS", "-o ConnectTimeout=2");
        for (const char* verb : {"status", "start", "doctor"}) {
            const auto r = runOcc({QString::fromLatin1(verb)});
            QVERIFY2(r.code == 3,
                     qPrintable(QStringLiteral("%1: %2 %3").arg(QLatin1String(verb)).arg(r.code).arg(r.all())));
            QVERIFY2(r.all().contains(advice), qPrintable(r.all()));
            QVERIFY2(!r.all().contains(QStringLiteral("systemctl")), qPrintable(r.all()));
        }
        qunsetenv("OCC_SSH_OPTIONS");
    }

    // TLS is served by the front door: TLS without it is accepted (the file stays valid) and warned about,
    // with the command that makes it mean what it says.
    void tlsWithoutTheFrontDoorIsWarnedAbout()
    {
        auto r = runOcc(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("tls.mode"), QStringLiteral("internal")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("warning: ")), qPrintable(r.err));
        QVERIFY2(r.err.contains(QStringLiteral("`occ config set frontdoor.enabled true`")), qPrintable(r.err));
        r = runOcc({QStringLiteral("config"), QStringLiteral("validate")});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.err.contains(QStringLiteral("`occ config set frontdoor.enabled true`")), qPrintable(r.err));
        r = runOcc({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("frontdoor.enabled"),
                    QStringLiteral("true")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
        r = runOcc({QStringLiteral("config"), QStringLiteral("validate")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QStringLiteral("warning")), qPrintable(r.err));
        // Unrelated keys do not repeat the warning.
        runOcc({QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("frontdoor.enabled"),
                QStringLiteral("false")});
        r = runOcc(
            {QStringLiteral("config"), QStringLiteral("set"), QStringLiteral("network.port"), QStringLiteral("4111")});
        QCOMPARE(r.code, 0);
        QVERIFY2(!r.err.contains(QStringLiteral("frontdoor")), qPrintable(r.err));
    }

    // Without a terminal a build step is one short line; -v shows it whole.
    void buildStepsAreOneShortLineWithoutATerminal()
    {
        const QString script = QStringLiteral("RUN apt-get update &&     apt-get install -y --no-install-recommends "
                                              "curl git ca-certificates openssh-client ripgrep &&     rm -rf "
                                              "/var/lib/apt/lists/* && useradd -m opencode && echo done");
        occ::ServiceProgress step;
        step.phase = occ::ServiceProgress::Phase::Build;
        step.text = QStringLiteral("Step 3/9 : ") + script;
        step.step = 3;
        step.totalSteps = 9;
        occ::ServiceProgress noise = step;
        noise.text = QStringLiteral(" ---> Running in 4f1e2d");

        QString out;
        QString err;
        {
            occ::cli::Output output(&out, &err);
            QVERIFY(!output.isTerminal());
            occ::cli::ProgressPrinter printer(output);
            printer(step);
            printer(noise);
        }
        const QStringList lines = out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines.first().size() <= 100, qPrintable(lines.first()));
        QVERIFY2(lines.first().startsWith(QStringLiteral("Step 3/9 : RUN apt-get update && apt-get install")),
                 qPrintable(lines.first()));
        QVERIFY(lines.first().endsWith(QStringLiteral("...")));
        QVERIFY(err.isEmpty());

        out.clear();
        {
            occ::cli::Output output(&out, &err);
            output.setVerbosity(1);
            occ::cli::ProgressPrinter printer(output);
            printer(step);
            printer(noise);
        }
        QVERIFY2(out.contains(step.text), qPrintable(out));
        QVERIFY2(err.contains(noise.text), qPrintable(err));

        QCOMPARE(occ::cli::ProgressPrinter::summaryLine(QStringLiteral("Step 1/2 : FROM debian:12")),
                 QStringLiteral("Step 1/2 : FROM debian:12"));
    }

    void publicBindWithoutPasswordIsRefused()
    {
        QCOMPARE(runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker"),
                         QStringLiteral("--bind"), QStringLiteral("0.0.0.0")})
                     .code,
                 0);
        QFile::remove(QFileInfo(m_config).dir().filePath(QStringLiteral("credentials.json")));
        const auto r = runOcc({QStringLiteral("start")});
        QCOMPARE(r.code, 4);
        QVERIFY2(r.err.contains(QStringLiteral("without a password")), qPrintable(r.err));
    }

    void passwordSetRejectsWeakAndAcceptsStrong()
    {
        QCOMPARE(runOcc({QStringLiteral("setup"), QStringLiteral("--yes"), QStringLiteral("--no-install-docker")}).code,
                 0);
        auto r = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {QStringLiteral("abc")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QStringLiteral("weak")));
        const QString strong = QStringLiteral("correct-Horse-battery-9-staple");
        r = runOcc({QStringLiteral("password"), QStringLiteral("set")}, {strong});
        QCOMPARE(r.code, 0); // the engine is unreachable: it takes effect at the next start
        QVERIFY(!r.all().contains(strong));
        QCOMPARE(runOcc({QStringLiteral("password"), QStringLiteral("show")}).out.trimmed(), strong);
    }

    void realBinaryRuns()
    {
        const auto r = occ::test::runOccBinary({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("occ ")));
        const auto bad = occ::test::runOccBinary({QStringLiteral("nope")});
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains(QStringLiteral("unknown command")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "TestCli.moc"
