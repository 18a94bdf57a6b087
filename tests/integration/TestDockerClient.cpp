// DockerClient against the real engine (DOCKER fixture). Every object is named occ-dk-<pid>-...
// and removed in cleanup() even when a check failed.

#include "core/docker/DockerClient.h"
#include "core/docker/EventStream.h"
#include "core/docker/LogStream.h"
#include "core/docker/TarWriter.h"
#include "core/transport/DockerEndpoint.h"
#include "core/transport/DockerNetworkAccessManager.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

#include <memory>

using namespace occ;
using Category = DockerError::Category;

namespace {

template <class T>
QByteArray describe(const DockerResult<T>& result)
{
    return result.ok()
        ? QByteArray("ok")
        : (DockerError::categoryName(result.error().category()) + QStringLiteral(": ") + result.error().message())
              .toUtf8();
}

} // namespace

#define VERIFY_OK(expr)                                                                                                \
    do {                                                                                                               \
        const auto& _r = (expr);                                                                                       \
        QVERIFY2(_r.ok(), describe(_r).constData());                                                                   \
    } while (false)

class TestDockerClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();

    void negotiatesTheEngineVersion();
    void versionAndInfo();
    void buildTagAndRemoveAnImage();
    void failingBuildIsAnError();
    void containerLifecycle();
    void logsAreDemuxed();
    void logsTailTimestampsAndSince();
    void asyncLogStream();
    void ttyLogsAreRaw();
    void logFollowEndsAtRestartAndReattaches();
    void eventsForLabelledContainer();
    void nameConflict();
    void portInUse();
    void missingImageIsNotFound();
    void putArchiveInjectsAFile();
    void volumes();
    void networks();

private:
    QString uniqueName(const QString& what);
    DockerResult<QString> create(const QString& what, ContainerSpec spec);
    ContainerSpec shell(const QString& script) const;
    void collectLogs(const QString& id, const LogOptions& options, QByteArray* out, QByteArray* err);

    QString m_image;
    QString m_label; // key=value on everything this run creates
    std::unique_ptr<DockerNetworkAccessManager> m_nam;
    std::unique_ptr<DockerClient> m_docker;
    QStringList m_containers;
    QStringList m_images;
    QStringList m_volumes;
    QStringList m_networks;
    int m_counter = 0;
};

QString TestDockerClient::uniqueName(const QString& what)
{
    return QStringLiteral("occ-dk-%1-%2-%3").arg(QCoreApplication::applicationPid()).arg(what).arg(++m_counter);
}

ContainerSpec TestDockerClient::shell(const QString& script) const
{
    ContainerSpec spec;
    spec.image = m_image;
    spec.cmd = QStringList{QStringLiteral("sh"), QStringLiteral("-c"), script};
    // No test needs the network except portInUse; the harness engine runs with --bridge=none.
    spec.networkMode = QStringLiteral("none");
    spec.labels.insert(m_label.section(QLatin1Char('='), 0, 0), m_label.section(QLatin1Char('='), 1));
    return spec;
}

DockerResult<QString> TestDockerClient::create(const QString& what, ContainerSpec spec)
{
    const QString name = uniqueName(what);
    m_containers.append(name);
    return m_docker->createContainer(name, spec);
}

void TestDockerClient::collectLogs(const QString& id, const LogOptions& options, QByteArray* out, QByteArray* err)
{
    auto result = m_docker->streamLogs(id, options, [&](int stream, const char* data, size_t size) {
        (stream == 2 ? err : out)->append(data, qsizetype(size));
    });
    QVERIFY2(result.ok(), describe(result).constData());
}

void TestDockerClient::initTestCase()
{
    m_image = qEnvironmentVariable("OCC_TEST_IMAGE", QStringLiteral("occ-test-busybox:latest"));
    m_label = QStringLiteral("org.opencode-cloud.test=occ-dk-%1").arg(QCoreApplication::applicationPid());
    QString error;
    // The harness names the engine's socket in DOCKER_SOCK when it is not the system's.
    const QString socket = qEnvironmentVariable("DOCKER_SOCK", QStringLiteral("/var/run/docker.sock"));
    const auto endpoint = DockerEndpoint::parse(QStringLiteral("unix://") + socket, &error);
    QVERIFY2(endpoint, qPrintable(error));
    m_nam = std::make_unique<DockerNetworkAccessManager>(*endpoint);
    m_docker = std::make_unique<DockerClient>(m_nam.get());
    VERIFY_OK(m_docker->ping());
    const auto exists = m_docker->imageExists(m_image);
    VERIFY_OK(exists);
    QVERIFY2(exists.value(), qPrintable(m_image + QStringLiteral(" is missing: run tests/harness/engine.sh up")));
}

void TestDockerClient::cleanup()
{
    for (const QString& name : std::as_const(m_containers)) {
        m_docker->removeContainer(name, true, true);
    }
    for (const QString& name : std::as_const(m_images)) {
        m_docker->removeImage(name, true);
    }
    for (const QString& name : std::as_const(m_volumes)) {
        m_docker->removeVolume(name, true);
    }
    for (const QString& name : std::as_const(m_networks)) {
        m_docker->removeNetwork(name);
    }
    m_containers.clear();
    m_images.clear();
    m_volumes.clear();
    m_networks.clear();
}

void TestDockerClient::cleanupTestCase()
{
    if (!m_docker) {
        return;
    }
    cleanup();
    // Anything left with this run's label (a crash between create and bookkeeping).
    const auto left = m_docker->listContainers({m_label}, true);
    if (left.ok()) {
        for (const ContainerSummary& c : left.value()) {
            m_docker->removeContainer(c.id, true, true);
        }
    }
}

void TestDockerClient::negotiatesTheEngineVersion()
{
    // The fixture engine is Debian 12's 20.10 (API 1.41); a newer engine would negotiate up to 1.47.
    DockerClient fresh(m_nam.get());
    QVERIFY(fresh.apiVersion().isEmpty());
    const auto version = fresh.negotiateApiVersion();
    VERIFY_OK(version);
    QVERIFY(!fresh.engineApiVersion().isEmpty());
    const QString expected =
        fresh.engineApiVersion() == QLatin1String("1.41") ? QStringLiteral("1.41") : fresh.apiVersion();
    QCOMPARE(version.value(), expected);
    QCOMPARE(fresh.apiVersion(), version.value());
    if (qEnvironmentVariableIsSet("OCC_EXPECT_API")) {
        QCOMPARE(fresh.apiVersion(), qEnvironmentVariable("OCC_EXPECT_API"));
    }
}

void TestDockerClient::versionAndInfo()
{
    const auto version = m_docker->version();
    VERIFY_OK(version);
    QVERIFY(!version->version.isEmpty());
    QCOMPARE(version->apiVersion, m_docker->engineApiVersion());
    QVERIFY(!version->os.isEmpty());
    const auto info = m_docker->info();
    VERIFY_OK(info);
    QVERIFY(info->contains("ServerVersion"));
}

void TestDockerClient::buildTagAndRemoveAnImage()
{
    const QString repo = uniqueName(QStringLiteral("img"));
    m_images << repo + QStringLiteral(":1") << repo + QStringLiteral(":2");
    TarWriter context;
    context.addFile(QStringLiteral("Dockerfile"),
                    QStringLiteral("FROM %1\nARG GREETING\nRUN echo \"built $GREETING\" > /built\nLABEL "
                                   "org.opencode-cloud.test-build=yes\n")
                        .arg(m_image)
                        .toUtf8());
    BuildOptions options;
    options.tags = QStringList{repo + QStringLiteral(":1")};
    options.buildArgs.insert(QStringLiteral("GREETING"), QStringLiteral("hello"));
    options.labels.insert(QStringLiteral("org.opencode-cloud.extra"), QStringLiteral("x"));
    options.noCache = true;
    options.networkMode = QStringLiteral("none");
    QStringList lines;
    int lastTotal = 0;
    const auto id = m_docker->buildImage(context.data(), options, [&](const BuildProgress& progress) {
        lines.append(progress.line);
        lastTotal = progress.totalSteps;
    });
    VERIFY_OK(id);
    QVERIFY2(id->startsWith(QLatin1String("sha256:")), qPrintable(id.value()));
    QVERIFY2(lines.filter(QStringLiteral("Step 1/")).size() == 1, qPrintable(lines.join(QLatin1Char('\n'))));
    QVERIFY(lastTotal >= 4);

    const auto info = m_docker->inspectImage(repo + QStringLiteral(":1"));
    VERIFY_OK(info);
    QCOMPARE(info->id, id.value());
    QCOMPARE(info->labels.value(QStringLiteral("org.opencode-cloud.test-build")), QStringLiteral("yes"));
    QCOMPARE(info->labels.value(QStringLiteral("org.opencode-cloud.extra")), QStringLiteral("x"));
    QVERIFY(info->tags.contains(repo + QStringLiteral(":1")));

    VERIFY_OK(m_docker->tagImage(repo + QStringLiteral(":1"), repo, QStringLiteral("2")));
    auto exists = m_docker->imageExists(repo + QStringLiteral(":2"));
    VERIFY_OK(exists);
    QVERIFY(exists.value());

    // The RUN step really ran with the build arg.
    const auto c = create(QStringLiteral("built"), [&] {
        ContainerSpec spec = shell(QStringLiteral("cat /built"));
        spec.image = repo + QStringLiteral(":2");
        return spec;
    }());
    VERIFY_OK(c);
    VERIFY_OK(m_docker->startContainer(c.value()));
    VERIFY_OK(m_docker->waitContainer(c.value()));
    QByteArray out, err;
    collectLogs(c.value(), {}, &out, &err);
    QCOMPARE(out, QByteArray("built hello\n"));

    VERIFY_OK(m_docker->removeContainer(c.value(), true));
    VERIFY_OK(m_docker->removeImage(repo + QStringLiteral(":2")));
    VERIFY_OK(m_docker->removeImage(repo + QStringLiteral(":1")));
    exists = m_docker->imageExists(repo + QStringLiteral(":1"));
    VERIFY_OK(exists);
    QVERIFY(!exists.value());
}

void TestDockerClient::failingBuildIsAnError()
{
    const QString repo = uniqueName(QStringLiteral("bad"));
    m_images << repo + QStringLiteral(":1");
    TarWriter context;
    context.addFile(QStringLiteral("Dockerfile"), QStringLiteral("FROM %1\nRUN exit 3\n").arg(m_image).toUtf8());
    BuildOptions options;
    options.tags = QStringList{repo + QStringLiteral(":1")};
    options.networkMode = QStringLiteral("none");
    QStringList lines;
    const auto id = m_docker->buildImage(context.data(), options,
                                         [&](const BuildProgress& progress) { lines.append(progress.line); });
    QVERIFY2(!id.ok(), "a failing RUN must not be reported as a built image");
    QCOMPARE(DockerError::categoryName(id.error().category()), QStringLiteral("Server"));
    QVERIFY2(id.error().message().contains(QLatin1String("non-zero code: 3")), qPrintable(id.error().message()));
    QVERIFY(!lines.filter(QStringLiteral("RUN exit 3")).isEmpty());
    const auto exists = m_docker->imageExists(repo + QStringLiteral(":1"));
    VERIFY_OK(exists);
    QVERIFY(!exists.value());

    // A Dockerfile missing from the context fails too, before any step.
    TarWriter empty;
    empty.addFile(QStringLiteral("README"), "no dockerfile here");
    const auto none = m_docker->buildImage(empty.data(), options);
    QVERIFY(!none.ok());
}

void TestDockerClient::containerLifecycle()
{
    ContainerSpec spec = shell(QStringLiteral("trap 'exit 0' TERM; while true; do sleep 1; done"));
    spec.init = true;
    spec.restartPolicy = {QStringLiteral("on-failure"), 2};
    const auto id = create(QStringLiteral("life"), spec);
    VERIFY_OK(id);

    auto info = m_docker->inspectContainer(id.value());
    VERIFY_OK(info);
    QCOMPARE(info->status, QStringLiteral("created"));
    QVERIFY(!info->running);
    QVERIFY(!info->startedAt.isValid());
    QCOMPARE(info->name, m_containers.last());
    QCOMPARE(info->image, m_image);
    QVERIFY(info->health.isEmpty());
    QVERIFY(info->json["HostConfig"]["Init"].get<bool>());

    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->startContainer(id.value())); // 304: already running is fine
    info = m_docker->inspectContainer(id.value());
    VERIFY_OK(info);
    QCOMPARE(info->status, QStringLiteral("running"));
    QVERIFY(info->running);
    QVERIFY(info->pid > 0);
    QVERIFY(info->startedAt.isValid());
    QVERIFY(qAbs(info->startedAt.secsTo(QDateTime::currentDateTimeUtc())) < 120);

    const auto list = m_docker->listContainers({m_label}, false);
    VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().id, id.value());
    QCOMPARE(list->first().state, QStringLiteral("running"));

    VERIFY_OK(m_docker->stopContainer(id.value(), 5));
    VERIFY_OK(m_docker->stopContainer(id.value(), 5)); // 304: already stopped is fine
    info = m_docker->inspectContainer(id.value());
    VERIFY_OK(info);
    QCOMPARE(info->status, QStringLiteral("exited"));
    QCOMPARE(info->exitCode, 0); // the TERM trap ran: a clean stop, not a kill
    QVERIFY(info->finishedAt.isValid());

    VERIFY_OK(m_docker->restartContainer(id.value(), 5));
    info = m_docker->inspectContainer(id.value());
    VERIFY_OK(info);
    QVERIFY(info->running);

    VERIFY_OK(m_docker->killContainer(id.value()));
    const auto code = m_docker->waitContainer(id.value());
    VERIFY_OK(code);
    QCOMPARE(code.value(), 137);
    const auto killAgain = m_docker->killContainer(id.value());
    QVERIFY(!killAgain.ok()); // not running: the engine says 409
    QCOMPARE(DockerError::categoryName(killAgain.error().category()), QStringLiteral("Conflict"));
    QVERIFY(!killAgain.error().isNameConflict());

    VERIFY_OK(m_docker->removeContainer(id.value(), true));
    const auto gone = m_docker->inspectContainer(id.value());
    QVERIFY(!gone.ok());
    QCOMPARE(DockerError::categoryName(gone.error().category()), QStringLiteral("NotFound"));
}

void TestDockerClient::logsAreDemuxed()
{
    const auto id = create(QStringLiteral("logs"),
                           shell(QStringLiteral("echo out1; echo err1 >&2; printf 'no newline'; "
                                                "echo err2 >&2; i=0; while [ $i -lt 2000 ]; do "
                                                "echo line$i; i=$((i+1)); done")));
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->waitContainer(id.value()));
    QByteArray out, err;
    collectLogs(id.value(), {}, &out, &err);
    QVERIFY2(out.startsWith("out1\nno newline"), out.left(100).constData());
    QCOMPARE(out.count('\n'), 2001);
    QVERIFY(out.endsWith("line1999\n"));
    QCOMPARE(err, QByteArray("err1\nerr2\n"));

    LogOptions onlyErr;
    onlyErr.stdoutOn = false;
    out.clear();
    err.clear();
    collectLogs(id.value(), onlyErr, &out, &err);
    QVERIFY(out.isEmpty());
    QCOMPARE(err, QByteArray("err1\nerr2\n"));
}

void TestDockerClient::logsTailTimestampsAndSince()
{
    const auto id = create(QStringLiteral("tail"), shell(QStringLiteral("echo a; echo b; echo c")));
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->waitContainer(id.value()));

    LogOptions tail;
    tail.tail = 2;
    QByteArray out, err;
    collectLogs(id.value(), tail, &out, &err);
    QCOMPARE(out, QByteArray("b\nc\n"));

    LogOptions stamped;
    stamped.timestamps = true;
    out.clear();
    collectLogs(id.value(), stamped, &out, &err);
    const QList<QByteArray> lines = out.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    for (const QByteArray& line : lines) {
        const QString stamp = QString::fromUtf8(line.left(line.indexOf(' ')));
        QVERIFY2(parseDockerTime(stamp).isValid(), line.constData());
    }
    QVERIFY(lines[2].endsWith(" c"));

    // since: one nanosecond after line "a" gives the rest; a time in the future gives nothing.
    LogOptions since;
    since.since = logSinceAfter(QString::fromUtf8(lines[0].left(lines[0].indexOf(' '))));
    QVERIFY(!since.since.isEmpty());
    out.clear();
    collectLogs(id.value(), since, &out, &err);
    QVERIFY2(out == "b\nc\n" || out == "c\n", out.constData()); // b may share a's nanosecond on fast hosts
    LogOptions future;
    future.since = QString::number(QDateTime::currentSecsSinceEpoch() + 3600);
    out.clear();
    collectLogs(id.value(), future, &out, &err);
    QCOMPARE(out, QByteArray());
}

void TestDockerClient::asyncLogStream()
{
    const auto id = create(QStringLiteral("async"), shell(QStringLiteral("echo one; echo two >&2; echo three")));
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->waitContainer(id.value()));
    std::unique_ptr<LogStream> stream(m_docker->logs(id.value(), {}));
    QByteArray out, err;
    connect(stream.get(), &LogStream::framesReceived, this, [&](const QVector<LogFrame>& frames) {
        for (const LogFrame& frame : frames) {
            (frame.stream == 2 ? err : out).append(frame.payload);
        }
    });
    QSignalSpy finished(stream.get(), &LogStream::finished);
    QVERIFY(finished.wait(30000));
    const auto error = finished.first().first().value<DockerError>();
    QVERIFY2(!error.isError(), qPrintable(error.message()));
    QVERIFY(!stream->isTty());
    QCOMPARE(out, QByteArray("one\nthree\n"));
    QCOMPARE(err, QByteArray("two\n"));

    // A missing container fails the stream, through finished().
    std::unique_ptr<LogStream> missing(m_docker->logs(uniqueName(QStringLiteral("nope")), {}));
    QSignalSpy missingFinished(missing.get(), &LogStream::finished);
    QVERIFY(missingFinished.wait(30000));
    QCOMPARE(DockerError::categoryName(missingFinished.first().first().value<DockerError>().category()),
             QStringLiteral("NotFound"));
}

void TestDockerClient::ttyLogsAreRaw()
{
    ContainerSpec spec = shell(QStringLiteral("echo tty-out; echo tty-err >&2"));
    spec.tty = true;
    const auto id = create(QStringLiteral("tty"), spec);
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->waitContainer(id.value()));
    QByteArray out, err;
    collectLogs(id.value(), {}, &out, &err); // tty unset: looked up by inspect
    QCOMPARE(out, QByteArray("tty-out\r\ntty-err\r\n"));
    QVERIFY(err.isEmpty());
}

void TestDockerClient::logFollowEndsAtRestartAndReattaches()
{
    const auto id = create(QStringLiteral("follow"),
                           shell(QStringLiteral("trap 'exit 0' TERM; echo started; while true; do sleep 1; done")));
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));

    LogOptions follow;
    follow.follow = true;
    follow.timestamps = true;
    std::unique_ptr<LogStream> first(m_docker->logs(id.value(), follow));
    QByteArray firstOut;
    connect(first.get(), &LogStream::framesReceived, this, [&](const QVector<LogFrame>& frames) {
        for (const LogFrame& frame : frames) {
            firstOut.append(frame.payload);
        }
    });
    QSignalSpy firstFinished(first.get(), &LogStream::finished);
    QTRY_VERIFY_WITH_TIMEOUT(firstOut.contains("started"), 30000);
    QVERIFY(firstFinished.isEmpty());

    // The stream ends cleanly when the container stops for the restart...
    VERIFY_OK(m_docker->restartContainer(id.value(), 5));
    QTRY_COMPARE_WITH_TIMEOUT(firstFinished.size(), 1, 30000);
    QVERIFY(!firstFinished.first().first().value<DockerError>().isError());
    QCOMPARE(firstOut.count("started"), 1);

    // ...and re-attaching with since = just after the last line seen gets only the new run's output.
    const QByteArray last = firstOut.trimmed().split('\n').last();
    follow.since = logSinceAfter(QString::fromUtf8(last.left(last.indexOf(' '))));
    QVERIFY(!follow.since.isEmpty());
    std::unique_ptr<LogStream> second(m_docker->logs(id.value(), follow));
    QByteArray secondOut;
    connect(second.get(), &LogStream::framesReceived, this, [&](const QVector<LogFrame>& frames) {
        for (const LogFrame& frame : frames) {
            secondOut.append(frame.payload);
        }
    });
    QTRY_VERIFY_WITH_TIMEOUT(secondOut.contains("started"), 30000);
    QCOMPARE(secondOut.count("started"), 1);

    QSignalSpy secondFinished(second.get(), &LogStream::finished);
    second->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(secondFinished.size(), 1, 10000);
    QCOMPARE(DockerError::categoryName(secondFinished.first().first().value<DockerError>().category()),
             QStringLiteral("Cancelled"));
}

void TestDockerClient::eventsForLabelledContainer()
{
    const QString unique = uniqueName(QStringLiteral("ev"));
    QMap<QString, QStringList> filters;
    filters.insert(QStringLiteral("label"), {QStringLiteral("org.opencode-cloud.event-test=") + unique});
    filters.insert(QStringLiteral("type"), {QStringLiteral("container")});
    std::unique_ptr<EventStream> events(m_docker->events(filters));
    QVector<DockerEvent> seen;
    connect(events.get(), &EventStream::eventReceived, this, [&](const DockerEvent& e) { seen.append(e); });
    QSignalSpy finished(events.get(), &EventStream::finished);

    // Another container without the label must not show up.
    const auto other = create(QStringLiteral("evother"), shell(QStringLiteral("exit 0")));
    VERIFY_OK(other);
    ContainerSpec spec = shell(QStringLiteral("exit 4"));
    spec.labels.insert(QStringLiteral("org.opencode-cloud.event-test"), unique);
    const auto id = create(QStringLiteral("ev"), spec);
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(other.value()));
    VERIFY_OK(m_docker->startContainer(id.value()));

    auto actions = [&] {
        QStringList list;
        for (const DockerEvent& e : std::as_const(seen)) {
            list.append(e.action);
        }
        return list;
    };
    QTRY_VERIFY2_WITH_TIMEOUT(actions().contains(QLatin1String("die")), qPrintable(actions().join(',')), 30000);
    QVERIFY(actions().contains(QLatin1String("start")));
    for (const DockerEvent& e : std::as_const(seen)) {
        QCOMPARE(e.actorId, id.value());
        QCOMPARE(e.type, QStringLiteral("container"));
        QVERIFY(e.time.isValid());
        if (e.action == QLatin1String("die")) {
            QCOMPARE(e.attributes.value(QStringLiteral("exitCode")), QStringLiteral("4"));
        }
    }
    QVERIFY(finished.isEmpty());
    events->cancel();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QCOMPARE(DockerError::categoryName(finished.first().first().value<DockerError>().category()),
             QStringLiteral("Cancelled"));
}

void TestDockerClient::nameConflict()
{
    const QString name = uniqueName(QStringLiteral("dup"));
    m_containers.append(name);
    VERIFY_OK(m_docker->createContainer(name, shell(QStringLiteral("true"))));
    const auto again = m_docker->createContainer(name, shell(QStringLiteral("true")));
    QVERIFY(!again.ok());
    QCOMPARE(DockerError::categoryName(again.error().category()), QStringLiteral("Conflict"));
    QCOMPARE(again.error().httpStatus(), 409);
    QVERIFY2(again.error().isNameConflict(), qPrintable(again.error().message()));
}

void TestDockerClient::portInUse()
{
    if (!m_docker->inspectNetwork(QStringLiteral("bridge")).ok()) {
        QFAIL("this engine runs with --bridge=none: it publishes no ports at all");
    }
    QTcpServer squatter;
    QVERIFY(squatter.listen(QHostAddress::LocalHost, 0));
    ContainerSpec spec = shell(QStringLiteral("sleep 30"));
    spec.networkMode.clear(); // publishing needs the default bridge
    spec.portBindings = {
        {QStringLiteral("4096/tcp"), QStringLiteral("127.0.0.1"), QString::number(squatter.serverPort())}};
    const auto id = create(QStringLiteral("port"), spec);
    VERIFY_OK(id);
    const auto started = m_docker->startContainer(id.value());
    if (!started.ok() && started.error().message().contains(QLatin1String("could not find bridge"))) {
        QFAIL("this engine has no usable bridge network (--bridge=none or docker0 missing), so no port publishing");
    }
    QVERIFY2(!started.ok(), "the engine started a container on a port we hold");
    QVERIFY2(started.error().isPortInUse(), qPrintable(started.error().message()));
    QVERIFY(started.error().userMessage().contains(QLatin1String("already in use")));
}

void TestDockerClient::missingImageIsNotFound()
{
    ContainerSpec spec = shell(QStringLiteral("true"));
    spec.image = QStringLiteral("occ-dk-no-such-image:%1").arg(QCoreApplication::applicationPid());
    const auto id = create(QStringLiteral("noimg"), spec);
    QVERIFY(!id.ok());
    QCOMPARE(DockerError::categoryName(id.error().category()), QStringLiteral("NotFound"));
    QVERIFY2(id.error().message().contains(QLatin1String("No such image")), qPrintable(id.error().message()));
    QVERIFY(id.error().userMessage().contains(spec.image));
    const auto inspect = m_docker->inspectImage(spec.image);
    QCOMPARE(DockerError::categoryName(inspect.error().category()), QStringLiteral("NotFound"));
}

void TestDockerClient::putArchiveInjectsAFile()
{
    const QString longName = QString(120, QLatin1Char('k')); // needs the PAX header
    const auto id = create(QStringLiteral("put"),
                           shell(QStringLiteral("cat /tmp/occ/secret; ls -ln /tmp/occ/secret; "
                                                "cat /tmp/occ/")
                                 + longName));
    VERIFY_OK(id);
    TarWriter tar;
    tar.addDirectory(QStringLiteral("occ"), 0700);
    tar.addFile(QStringLiteral("occ/secret"), "s3cret\n", 0600, 1234, 1234);
    tar.addFile(QStringLiteral("occ/") + longName, "long\n");
    VERIFY_OK(m_docker->putArchive(id.value(), QStringLiteral("/tmp"), tar.data()));
    VERIFY_OK(m_docker->startContainer(id.value()));
    const auto code = m_docker->waitContainer(id.value());
    VERIFY_OK(code);
    QByteArray out, err;
    collectLogs(id.value(), {}, &out, &err);
    QCOMPARE(code.value(), 0);
    QVERIFY2(out.startsWith("s3cret\n-rw-------"), out.constData());
    QVERIFY2(out.contains(" 1234 "), out.constData());
    QVERIFY2(out.endsWith("long\n"), out.constData());

    const auto missingPath = m_docker->putArchive(id.value(), QStringLiteral("/no/such/dir"), tar.data());
    QCOMPARE(DockerError::categoryName(missingPath.error().category()), QStringLiteral("NotFound"));
}

void TestDockerClient::volumes()
{
    const QString name = uniqueName(QStringLiteral("vol"));
    m_volumes.append(name);
    Labels labels{{m_label.section(QLatin1Char('='), 0, 0), m_label.section(QLatin1Char('='), 1)}};
    const auto created = m_docker->createVolume(name, labels);
    VERIFY_OK(created);
    QCOMPARE(created->name, name);
    VERIFY_OK(m_docker->createVolume(name, labels)); // idempotent
    const auto inspected = m_docker->inspectVolume(name);
    VERIFY_OK(inspected);
    QCOMPARE(inspected->labels, labels);
    const auto list = m_docker->listVolumes({m_label});
    VERIFY_OK(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->first().name, name);

    // A container's removal keeps the named volume even with removeAnonymousVolumes.
    ContainerSpec spec = shell(QStringLiteral("echo kept > /data/file"));
    spec.mounts = {{ContainerSpec::Mount::Type::Volume, name, QStringLiteral("/data"), false}};
    const auto id = create(QStringLiteral("volc"), spec);
    VERIFY_OK(id);
    VERIFY_OK(m_docker->startContainer(id.value()));
    VERIFY_OK(m_docker->waitContainer(id.value()));
    VERIFY_OK(m_docker->removeContainer(id.value(), true, true));
    VERIFY_OK(m_docker->inspectVolume(name));

    VERIFY_OK(m_docker->removeVolume(name));
    const auto gone = m_docker->removeVolume(name);
    QCOMPARE(DockerError::categoryName(gone.error().category()), QStringLiteral("NotFound"));
}

void TestDockerClient::networks()
{
    const QString name = uniqueName(QStringLiteral("net"));
    m_networks.append(name);
    Labels labels{{QStringLiteral("org.opencode-cloud.test"), QStringLiteral("net")}};
    const auto id = m_docker->createNetwork(name, labels);
    VERIFY_OK(id);
    QVERIFY(!id->isEmpty());
    const auto info = m_docker->inspectNetwork(name);
    VERIFY_OK(info);
    QCOMPARE(info->id, id.value());
    QCOMPARE(info->labels, labels);
    const auto again = m_docker->createNetwork(name, labels);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().isNameConflict(), qPrintable(again.error().message()));
    VERIFY_OK(m_docker->removeNetwork(name));
    QCOMPARE(DockerError::categoryName(m_docker->inspectNetwork(name).error().category()), QStringLiteral("NotFound"));
}

QTEST_GUILESS_MAIN(TestDockerClient)
#include "TestDockerClient.moc"
