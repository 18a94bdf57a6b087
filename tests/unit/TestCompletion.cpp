#include "cli/Application.h"
#include "cli/Completion.h"
#include "cli/CompletionTable.h"
#include "cli/ExitCode.h"
#include "cli/Output.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryFile>
#include <QTest>

using namespace occ::cli;

// The completions are rendered from the same table as `occ --help`: every visible verb and option
// appears, hidden verbs do not, and each script is valid syntax for its shell.
class TestCompletion : public QObject
{
    Q_OBJECT

private:
    static int runOcc(const QStringList& args, QString* out, QString* err)
    {
        Output output(out, err);
        const int code = run(QStringList{QStringLiteral("occ")} + args, output);
        output.flush();
        return code;
    }

    // Runs `shell checkArgs FILE` on the script; skips when the shell is not installed.
    static void checkSyntax(const QString& shell, const QStringList& checkArgs, const QString& script)
    {
        if (QStandardPaths::findExecutable(shell).isEmpty()) {
            QFAIL(qPrintable(shell + QStringLiteral(" is not installed")));
        }
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(script.toUtf8());
        file.flush();
        QProcess p;
        p.start(shell, checkArgs + QStringList{file.fileName()});
        QVERIFY(p.waitForFinished(10000));
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
    }

private Q_SLOTS:
    void tableMatchesHelp()
    {
        const CompletionTable table = CompletionTable::current();
        const QString usage = usageText();
        QVERIFY(table.verbs.size() >= 10);
        for (const auto& v : table.verbs) {
            QVERIFY2(usage.contains(QStringLiteral("  %1 ").arg(v.name)), qPrintable(v.name));
        }
        const QStringList names = table.verbNames();
        QVERIFY(names.contains(QStringLiteral("status")));
        QVERIFY(!names.contains(QStringLiteral("completion")));
        QVERIFY(!names.contains(QStringLiteral("manpage")));

        QStringList globals;
        for (const auto& o : table.globalOptions) {
            globals += o.names();
            QVERIFY(!o.description().isEmpty());
        }
        QCOMPARE(globals,
                 (QStringList{QStringLiteral("config"), QStringLiteral("q"), QStringLiteral("quiet"),
                              QStringLiteral("v"), QStringLiteral("verbose"), QStringLiteral("h"),
                              QStringLiteral("help"), QStringLiteral("version")}));
        QCOMPARE(table.globalOptions.constFirst().valueName(), QStringLiteral("FILE"));
        QVERIFY(table.exitCodes.startsWith(QStringLiteral("Exit codes:")));
    }

    void actionsFromArguments_data()
    {
        QTest::addColumn<QString>("arguments");
        QTest::addColumn<QStringList>("actions");
        QTest::newRow("config") << QStringLiteral("path|show|get KEY|set KEY VALUE|unset KEY|validate|schema")
                                << QStringList{"path", "show", "get", "set", "unset", "validate", "schema"};
        QTest::newRow("service") << QStringLiteral("install|uninstall|status")
                                 << QStringList{"install", "uninstall", "status"};
        QTest::newRow("placeholder") << QStringLiteral("[KEY [VALUE]]") << QStringList{};
        QTest::newRow("single word") << QStringLiteral("url") << QStringList{};
        QTest::newRow("empty") << QString() << QStringList{};
    }
    void actionsFromArguments()
    {
        QFETCH(QString, arguments);
        QFETCH(QStringList, actions);
        QCOMPARE(CompletionTable::actionsFromArguments(arguments), actions);
    }

    void scriptsNameEveryVerbAndOption_data()
    {
        QTest::addColumn<int>("shell");
        QTest::newRow("bash") << int(Completion::Shell::Bash);
        QTest::newRow("zsh") << int(Completion::Shell::Zsh);
        QTest::newRow("fish") << int(Completion::Shell::Fish);
    }
    void scriptsNameEveryVerbAndOption()
    {
        QFETCH(int, shell);
        const CompletionTable table = CompletionTable::current();
        const QString script = Completion::script(Completion::Shell(shell), table);
        for (const auto& v : table.verbs) {
            QVERIFY2(script.contains(v.name), qPrintable(v.name));
            for (const auto& o : v.options) {
                QVERIFY2(script.contains(o.names().constLast()), qPrintable(v.name + ' ' + o.names().constLast()));
            }
            for (const QString& a : v.actions) {
                QVERIFY2(script.contains(a), qPrintable(v.name + ' ' + a));
            }
        }
        for (const auto& o : table.globalOptions) {
            QVERIFY(script.contains(o.names().constLast()));
        }
        QVERIFY(!script.contains(QLatin1String("manpage")));
    }

    void bashSyntax()
    {
        checkSyntax(QStringLiteral("bash"), {QStringLiteral("-n")}, Completion::bash(CompletionTable::current()));
    }
    void zshSyntax()
    {
        checkSyntax(QStringLiteral("zsh"), {QStringLiteral("-n")}, Completion::zsh(CompletionTable::current()));
    }
    void fishSyntax()
    {
        checkSyntax(QStringLiteral("fish"), {QStringLiteral("--no-execute")},
                    Completion::fish(CompletionTable::current()));
    }

    // Drives the bash function the way readline does and reads COMPREPLY.
    void bashCompletes_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("verbs") << QStringLiteral("occ sta") << QStringList{"start", "status"};
        QTest::newRow("after global option") << QStringLiteral("occ --config /x con") << QStringList{"config"};
        QTest::newRow("actions") << QStringLiteral("occ config s") << QStringList{"show", "set", "schema"};
        QTest::newRow("verb options") << QStringLiteral("occ status --j") << QStringList{"--json"};
        QTest::newRow("help topics") << QStringLiteral("occ help pa") << QStringList{"password"};
    }
    void bashCompletes()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, expected);
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write(Completion::bash(CompletionTable::current()).toUtf8());
        file.flush();
        const QString driver = QStringLiteral("source '%1'; COMP_WORDS=(%2); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                                              "_occ; printf '%s\\n' \"${COMPREPLY[@]}\"")
                                   .arg(file.fileName(), line);
        QProcess p;
        p.start(QStringLiteral("bash"), {QStringLiteral("--norc"), QStringLiteral("-c"), driver});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    }

    void completionVerb()
    {
        QString out, err;
        QCOMPARE(runOcc({QStringLiteral("completion"), QStringLiteral("fish")}, &out, &err), int(Ok));
        QCOMPARE(out, Completion::fish(CompletionTable::current()));
        QCOMPARE(runOcc({QStringLiteral("completion"), QStringLiteral("tcsh")}, &out, &err), int(Usage));
        QVERIFY(err.contains(QLatin1String("bash|zsh|fish")));
        // Hidden: not advertised in `occ --help`.
        out.clear();
        QCOMPARE(runOcc({QStringLiteral("--help")}, &out, &err), int(Ok));
        QVERIFY(!out.contains(QLatin1String("completion")));
    }
};

QTEST_GUILESS_MAIN(TestCompletion)
#include "TestCompletion.moc"
