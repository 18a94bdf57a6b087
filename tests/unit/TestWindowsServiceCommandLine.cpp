#include "core/osservice/RetryPolicy.h"
#include "core/osservice/WindowsService.h"

#include <QTest>

using namespace occ;

namespace {

// CommandLineToArgvW, as documented ("Parsing C++ command-line arguments") and as the MSVC runtime
// behaves since 2008: the program name ends at the next quote (or space, unquoted) without any
// escape processing; in later arguments 2n backslashes + quote give n backslashes and toggle quoting,
// 2n+1 backslashes + quote give n backslashes and a literal quote, other backslashes are literal,
// and "" inside quotes is a literal quote.
QStringList commandLineToArgv(const QString& line)
{
    QStringList argv;
    int i = 0;
    QString program;
    if (line.startsWith(QLatin1Char('"'))) {
        const int end = line.indexOf(QLatin1Char('"'), 1);
        program = line.mid(1, end < 0 ? -1 : end - 1);
        i = end < 0 ? line.size() : end + 1;
    } else {
        while (i < line.size() && line.at(i) != QLatin1Char(' ') && line.at(i) != QLatin1Char('\t')) {
            program += line.at(i++);
        }
    }
    argv << program;
    while (true) {
        while (i < line.size() && (line.at(i) == QLatin1Char(' ') || line.at(i) == QLatin1Char('\t'))) {
            ++i;
        }
        if (i >= line.size()) {
            break;
        }
        QString arg;
        bool quoted = false;
        while (i < line.size()) {
            const QChar c = line.at(i);
            if (!quoted && (c == QLatin1Char(' ') || c == QLatin1Char('\t'))) {
                break;
            }
            if (c == QLatin1Char('\\')) {
                int n = 0;
                while (i < line.size() && line.at(i) == QLatin1Char('\\')) {
                    ++n;
                    ++i;
                }
                if (i < line.size() && line.at(i) == QLatin1Char('"')) {
                    arg += QString(n / 2, QLatin1Char('\\'));
                    if (n % 2 == 1) {
                        arg += QLatin1Char('"');
                        ++i;
                    }
                } else {
                    arg += QString(n, QLatin1Char('\\'));
                }
                continue;
            }
            if (c == QLatin1Char('"')) {
                if (quoted && i + 1 < line.size() && line.at(i + 1) == QLatin1Char('"')) {
                    arg += QLatin1Char('"');
                    i += 2;
                    continue;
                }
                quoted = !quoted;
                ++i;
                continue;
            }
            arg += c;
            ++i;
        }
        argv << arg;
    }
    return argv;
}

ServiceDefinition windowsDefinition()
{
    ServiceDefinition d;
    d.scope = ServiceDefinition::Scope::System;
    d.executable = QStringLiteral(R"(C:\Program Files\opencode-cloud\occ.exe)");
    d.configPath = QStringLiteral(R"(C:\Users\A B\AppData\Roaming\opencode-cloud\config.json)");
    d.restart = RestartSettings{QStringLiteral("on-failure"), 3, 5, 86400};
    return d;
}

} // namespace

class TestWindowsServiceCommandLine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void rendersTheBinaryPath();
    void quotesOneArgument_data();
    void quotesOneArgument();
    void argumentsSurviveCommandLineToArgv_data();
    void argumentsSurviveCommandLineToArgv();
    void theTestParserFollowsTheDocumentedExamples_data();
    void theTestParserFollowsTheDocumentedExamples();
    void scArgumentsKeepKeyAndValueApart();
    void scFailureFollowsThePolicy_data();
    void scFailureFollowsThePolicy();
    void reportsWhatCannotBeInstalled();
};

void TestWindowsServiceCommandLine::rendersTheBinaryPath()
{
    QCOMPARE(WindowsService::binaryPathName(windowsDefinition()),
             QStringLiteral(R"("C:\Program Files\opencode-cloud\occ.exe" run --service --config )"
                            R"("C:\Users\A B\AppData\Roaming\opencode-cloud\config.json")"));
}

void TestWindowsServiceCommandLine::quotesOneArgument_data()
{
    QTest::addColumn<QString>("argument");
    QTest::addColumn<QString>("expected");
    QTest::newRow("a plain word stays bare") << "run"
                                             << "run";
    QTest::newRow("backslashes without a quote stay as they are") << R"(C:\a\b)"
                                                                  << R"(C:\a\b)";
    QTest::newRow("a space means quotes") << "a b"
                                          << R"("a b")";
    QTest::newRow("an empty argument is two quotes") << ""
                                                     << R"("")";
    QTest::newRow("an embedded quote is escaped") << R"(a"b)"
                                                  << R"("a\"b")";
    QTest::newRow("backslashes before a quote are doubled and the quote escaped") << R"(a\"b)"
                                                                                  << R"("a\\\"b")";
    QTest::newRow("a trailing backslash is doubled before the closing quote") << R"(C:\a b\)"
                                                                              << R"("C:\a b\\")";
    QTest::newRow("unicode passes through") << "C:\\Users\\Jörg Ü"
                                            << "\"C:\\Users\\Jörg Ü\"";
}

void TestWindowsServiceCommandLine::quotesOneArgument()
{
    QFETCH(QString, argument);
    QTEST(WindowsService::quoteArgument(argument), "expected");
}

void TestWindowsServiceCommandLine::argumentsSurviveCommandLineToArgv_data()
{
    QTest::addColumn<QString>("program");
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("the service command line round-trips")
        << R"(C:\Program Files\opencode-cloud\occ.exe)"
        << QStringList{"run", "--service", "--config", R"(C:\Users\A B\AppData\Roaming\opencode-cloud\config.json)"};
    QTest::newRow("quotes, backslashes and trailing backslashes round-trip")
        << R"(C:\occ.exe)" << QStringList{R"(a"b)", R"(a\"b)", R"(a\\"b)", R"(C:\dir\)", R"(C:\dir with space\\)", ""};
    QTest::newRow("tabs, percent, carets and unicode round-trip")
        << R"(\\server\share\occ.exe)" << QStringList{"a\tb", "100%", "^&|<>", "設定 ü"};
}

void TestWindowsServiceCommandLine::argumentsSurviveCommandLineToArgv()
{
    QFETCH(QString, program);
    QFETCH(QStringList, arguments);
    const QString line = WindowsService::commandLine(program, arguments);
    QCOMPARE(commandLineToArgv(line), QStringList{program} + arguments);
}

void TestWindowsServiceCommandLine::theTestParserFollowsTheDocumentedExamples_data()
{
    // The examples table of Microsoft's "Parsing C++ command-line arguments", so the round trip
    // above is checked against the platform's rules and not just against itself.
    QTest::addColumn<QString>("line");
    QTest::addColumn<QStringList>("argv");
    QTest::newRow(R"("abc" d e gives three arguments)") << R"(p "abc" d e)" << QStringList{"p", "abc", "d", "e"};
    QTest::newRow(R"(a\\b d"e f"g h keeps the backslashes)")
        << R"(p a\\b d"e f"g h)" << QStringList{"p", R"(a\\b)", "de fg", "h"};
    QTest::newRow(R"(a\\\"b c d gives a literal quote)") << R"(p a\\\"b c d)" << QStringList{"p", R"(a\"b)", "c", "d"};
    QTest::newRow(R"(a\\\\"b c" d e halves the backslashes)")
        << R"(p a\\\\"b c" d e)" << QStringList{"p", R"(a\\b c)", "d", "e"};
    QTest::newRow("the program name takes no escapes") << R"("C:\a\" b)" << QStringList{R"(C:\a\)", "b"};
}

void TestWindowsServiceCommandLine::theTestParserFollowsTheDocumentedExamples()
{
    QFETCH(QString, line);
    QTEST(commandLineToArgv(line), "argv");
}

void TestWindowsServiceCommandLine::scArgumentsKeepKeyAndValueApart()
{
    const ServiceDefinition d = windowsDefinition();
    QCOMPARE(WindowsService::scCreateArguments(d),
             (QStringList{"create", "opencode-cloud", "binPath=", WindowsService::binaryPathName(d),
                          "start=", "delayed-auto", "DisplayName=", "opencode-cloud"}));
    QCOMPARE(WindowsService::scConfigArguments(d).first(), QStringLiteral("config"));
    QCOMPARE(WindowsService::scStartArguments(), (QStringList{"start", "opencode-cloud"}));
    QCOMPARE(WindowsService::scStopArguments(), (QStringList{"stop", "opencode-cloud"}));
    QCOMPARE(WindowsService::scDeleteArguments(), (QStringList{"delete", "opencode-cloud"}));
}

void TestWindowsServiceCommandLine::scFailureFollowsThePolicy_data()
{
    QTest::addColumn<QString>("policy");
    QTest::addColumn<QStringList>("failure");
    QTest::addColumn<QString>("flag");
    QTest::newRow("on-failure with 3 retries doubles the delay three times")
        << "on-failure" << QStringList{"failure", "opencode-cloud", "reset=",
                                       "86400",   "actions=",       "restart/5000/restart/10000/restart/20000"}
        << "1";
    QTest::newRow("always ends on a repeating 300 second restart")
        << "always"
        << QStringList{"failure",
                       "opencode-cloud",
                       "reset=",
                       "86400",
                       "actions=",
                       "restart/5000/restart/10000/restart/20000/restart/40000/restart/80000/restart/160000/"
                       "restart/300000"}
        << "1";
    QTest::newRow("no clears the actions with an empty value")
        << "no" << QStringList{"failure", "opencode-cloud", "reset=", "0", "actions=", ""} << "0";
}

void TestWindowsServiceCommandLine::scFailureFollowsThePolicy()
{
    ServiceDefinition d = windowsDefinition();
    QFETCH(QString, policy);
    d.restart.policy = policy;
    QTEST(WindowsService::scFailureArguments(d), "failure");
    QTEST(WindowsService::scFailureFlagArguments(d).last(), "flag");
}

void TestWindowsServiceCommandLine::reportsWhatCannotBeInstalled()
{
    ServiceDefinition d = windowsDefinition();
    QVERIFY(WindowsService::problems(d).isEmpty());
    d.scope = ServiceDefinition::Scope::User;
    QCOMPARE(WindowsService::problems(d).size(), 1);
    d = windowsDefinition();
    d.executable = QStringLiteral("occ.exe");
    QCOMPARE(WindowsService::problems(d).size(), 1);
    d.executable = QStringLiteral(R"(C:\a"b\occ.exe)");
    QCOMPARE(WindowsService::problems(d).size(), 1);
}

QTEST_GUILESS_MAIN(TestWindowsServiceCommandLine)
#include "TestWindowsServiceCommandLine.moc"
