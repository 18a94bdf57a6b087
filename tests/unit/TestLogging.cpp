#include "core/logging/LogHub.h"
#include "core/logging/Logging.h"
#include "core/logging/RedactingSink.h"
#include "core/logging/Redactor.h"
#include "core/logging/RingBufferSink.h"

#include <QFile>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <spdlog/sinks/ostream_sink.h>

#include <sstream>
#include <thread>

using namespace occ;

class TestLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void qstringIsFormattable();
    void redactorMasks_data();
    void redactorMasks();
    void secretIsRedactedInEverySink();
    void basicAuthHeaderIsRedactedInTheFile();
    void quietDropsInfoButKeepsErrors();
    void verbosityMapsToLevels();
    void loggersCreatedBeforeSetupFollowIt();
    void ringBufferIsBounded();
    void logHubSignalArrivesQueued();
    void logHubReceivesRecordsFromOtherThreads();

private:
    QString readFile(const QString& path);
    QTemporaryDir* m_dir = nullptr;
};

void TestLogging::init()
{
    Logging::reset();
    m_dir = new QTemporaryDir;
    QVERIFY(m_dir->isValid());
}

void TestLogging::cleanup()
{
    Logging::reset();
    delete m_dir;
    m_dir = nullptr;
}

QString TestLogging::readFile(const QString& path)
{
    Logging::flush();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(file.readAll());
}

void TestLogging::qstringIsFormattable()
{
    QCOMPARE(QString::fromStdString(fmt::format("{} and {}", QStringLiteral("grüße"), QByteArray("bytes"))),
             QStringLiteral("grüße and bytes"));
    QCOMPARE(QString::fromStdString(fmt::format("[{:>6}]", QStringLiteral("ab"))), QStringLiteral("[    ab]"));
}

void TestLogging::redactorMasks_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("a registered secret is masked wherever it appears") << "pw=s3cr3t-Pass and again s3cr3t-Pass"
                                                                       << "pw=******** and again ********";
    QTest::newRow("a longer secret containing a shorter one is masked whole") << "value s3cr3t-Pass-long"
                                                                              << "value ********";
    QTest::newRow("a Basic authorization header is masked without knowing the secret")
        << "> Authorization: Basic b3BlbmNvZGU6aHVudGVyMg=="
        << "> Authorization: Basic ********";
    QTest::newRow("header names are matched in any case") << "authorization: bearer abc.def.ghi"
                                                          << "authorization: bearer ********";
    QTest::newRow("the server password in an environment list is masked")
        << R"(Env: ["FOO=1","OPENCODE_SERVER_PASSWORD=hunter2","BAR=2"])"
        << R"(Env: ["FOO=1","OPENCODE_SERVER_PASSWORD=********","BAR=2"])";
    QTest::newRow("the server password as a JSON member is masked") << R"({"OPENCODE_SERVER_PASSWORD": "hunter2"})"
                                                                    << R"({"OPENCODE_SERVER_PASSWORD": "********"})";
    QTest::newRow("a password inside a URL is masked, the user and host stay")
        << "GET http://opencode:hunter2@localhost:4096/"
        << "GET http://opencode:********@localhost:4096/";
    QTest::newRow("ordinary text is left alone") << "GET http://localhost:4096/ returned 200"
                                                 << "GET http://localhost:4096/ returned 200";
}

void TestLogging::redactorMasks()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    Redactor redactor;
    redactor.addSecret(QStringLiteral("s3cr3t-Pass"));
    redactor.addSecret(QStringLiteral("s3cr3t-Pass-long"));
    redactor.addSecret(QString()); // must not mask every gap between characters
    QCOMPARE(redactor.redact(input), expected);
}

void TestLogging::secretIsRedactedInEverySink()
{
    const QString logFile = m_dir->filePath(QStringLiteral("logs/occ.log"));
    Logging::Options options;
    options.logFile = logFile;
    options.ringBuffer = true;
    Logging::setup(options);

    // A sink of our own, added beside the configured ones, stands in for stderr.
    std::ostringstream captured;
    auto spare = std::make_shared<spdlog::sinks::ostream_sink_mt>(captured);
    auto redacting = std::dynamic_pointer_cast<RedactingSink>(Logging::get("service")->sinks().front());
    QVERIFY(redacting);
    auto sinks = redacting->sinks();
    const auto original = sinks;
    sinks.push_back(spare);
    redacting->setSinks(sinks);
    // `captured` dies with this function: the spare sink must be gone before cleanup() flushes every sink.
    const auto restore = qScopeGuard([&redacting, &original]() { redacting->setSinks(original); });

    const QString secret = QStringLiteral("Tr0ub4dor&3-horse");
    Logging::addSecret(secret);
    Logging::get("service")->info("starting with password {}", secret);

    const QString fileText = readFile(logFile);
    QVERIFY2(fileText.contains(QStringLiteral("starting with password ********")), qPrintable(fileText));
    QVERIFY(!fileText.contains(secret));

    const QString ringText = Logging::ringBuffer()->lines().join(QLatin1Char('\n'));
    QVERIFY2(ringText.contains(QStringLiteral("starting with password ********")), qPrintable(ringText));
    QVERIFY(!ringText.contains(secret));

    const QString spareText = QString::fromStdString(captured.str());
    QVERIFY2(spareText.contains(QStringLiteral("********")), qPrintable(spareText));
    QVERIFY(!spareText.contains(secret));
    QCOMPARE(Logging::redact(QStringLiteral("x ") + secret), QStringLiteral("x ********"));
}

void TestLogging::basicAuthHeaderIsRedactedInTheFile()
{
    const QString logFile = m_dir->filePath(QStringLiteral("occ.log"));
    Logging::Options options;
    options.verbosity = 2;
    options.logFile = logFile;
    Logging::setup(options);

    Logging::get("docker")->trace("> Authorization: Basic {}", QByteArray("b3BlbmNvZGU6aHVudGVyMg=="));
    const QString text = readFile(logFile);
    QVERIFY2(text.contains(QStringLiteral("[docker] [trace] > Authorization: Basic ********")), qPrintable(text));
    QVERIFY(!text.contains(QStringLiteral("b3BlbmNvZGU6aHVudGVyMg")));
}

void TestLogging::quietDropsInfoButKeepsErrors()
{
    const QString logFile = m_dir->filePath(QStringLiteral("occ.log"));
    Logging::Options options;
    options.verbosity = -1;
    options.logFile = logFile;
    options.ringBuffer = true;
    Logging::setup(options);

    auto log = Logging::get("cli");
    log->info("an info line");
    log->warn("a warning line");
    log->error("an error line");

    const QString text = readFile(logFile);
    QVERIFY(!text.contains(QStringLiteral("an info line")));
    QVERIFY(!text.contains(QStringLiteral("a warning line")));
    QVERIFY(text.contains(QStringLiteral("an error line")));
    QCOMPARE(Logging::ringBuffer()->lines().size(), 1);
}

void TestLogging::verbosityMapsToLevels()
{
    QCOMPARE(Logging::levelForVerbosity(-1), spdlog::level::err);
    QCOMPARE(Logging::levelForVerbosity(0), spdlog::level::info);
    QCOMPARE(Logging::levelForVerbosity(1), spdlog::level::debug);
    QCOMPARE(Logging::levelForVerbosity(2), spdlog::level::trace);
    QCOMPARE(Logging::levelForVerbosity(7), spdlog::level::trace);
}

void TestLogging::loggersCreatedBeforeSetupFollowIt()
{
    auto early = Logging::get("app");
    QCOMPARE(Logging::get("app"), early);

    Logging::Options options;
    options.verbosity = 1;
    options.ringBuffer = true;
    Logging::setup(options);
    QCOMPARE(early->level(), spdlog::level::debug);
    early->debug("after setup");
    QCOMPARE(Logging::ringBuffer()->lines().size(), 1);
    QVERIFY(Logging::ringBuffer()->lines().first().contains(QStringLiteral("[app] debug: after setup")));
}

void TestLogging::ringBufferIsBounded()
{
    Logging::Options options;
    options.ringBuffer = true;
    options.ringBufferCapacity = 3;
    Logging::setup(options);
    auto log = Logging::get("service");
    for (int i = 1; i <= 10; ++i) {
        log->info("record {}", i);
    }
    const QVector<RingBufferSink::Record> records = Logging::ringBuffer()->records();
    QCOMPARE(records.size(), 3);
    QVERIFY(records.at(0).line.endsWith(QStringLiteral("record 8")));
    QVERIFY(records.at(2).line.endsWith(QStringLiteral("record 10")));
    QCOMPARE(records.at(2).level, int(spdlog::level::info));
}

void TestLogging::logHubSignalArrivesQueued()
{
    Logging::Options options;
    options.ringBuffer = true;
    Logging::setup(options);
    LogHub hub(Logging::ringBuffer());
    QSignalSpy spy(&hub, &LogHub::logRecorded);

    Logging::addSecret(QStringLiteral("hunter2-secret"));
    Logging::get("docker")->warn("engine said hunter2-secret");
    // Queued: nothing may arrive until the event loop runs.
    QCOMPARE(spy.count(), 0);
    QVERIFY(spy.wait(5000));
    QCOMPARE(spy.count(), 1);
    QVERIFY(spy.at(0).at(0).toString().endsWith(QStringLiteral("[docker] warning: engine said ********")));
    QCOMPARE(spy.at(0).at(1).toInt(), int(spdlog::level::warn));
    QCOMPARE(hub.backlog().size(), 1);
}

void TestLogging::logHubReceivesRecordsFromOtherThreads()
{
    Logging::Options options;
    options.ringBuffer = true;
    Logging::setup(options);
    LogHub hub(Logging::ringBuffer());
    QSignalSpy spy(&hub, &LogHub::logRecorded);

    std::thread worker([] {
        for (int i = 0; i < 50; ++i) {
            Logging::get("docker")->info("from worker {}", i);
        }
    });
    worker.join();
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 50, 5000);
    QVERIFY(spy.last().at(0).toString().endsWith(QStringLiteral("from worker 49")));
}

QTEST_GUILESS_MAIN(TestLogging)
#include "TestLogging.moc"
