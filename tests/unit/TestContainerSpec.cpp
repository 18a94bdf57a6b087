#include "core/docker/ContainerSpec.h"

#include <QTest>

using occ::ContainerSpec;
Q_DECLARE_METATYPE(occ::ContainerSpec)

class TestContainerSpec : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void createBody_data();
    void createBody();
};

void TestContainerSpec::createBody_data()
{
    QTest::addColumn<ContainerSpec>("spec");
    QTest::addColumn<QByteArray>("expected");

    ContainerSpec minimal;
    minimal.image = QStringLiteral("busybox:latest");
    QTest::newRow("a bare image sends only Image, Tty and an empty HostConfig")
        << minimal << QByteArray(R"({"Image":"busybox:latest","Tty":false,"HostConfig":{}})");

    ContainerSpec command = minimal;
    command.cmd = QStringList{"sh", "-c", "echo \"hi\""};
    command.entrypoint = QStringList{};
    command.env = QStringList{"A=1", "B=two words"};
    command.user = QStringLiteral("1000:1000");
    command.workingDir = QStringLiteral("/home/opencode");
    command.labels = {{"org.opencode-cloud.managed", "true"}, {"a", "b"}};
    QTest::newRow("cmd, an empty entrypoint (reset), env, user, workdir and labels")
        << command
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,"Cmd":["sh","-c","echo \"hi\""],"Entrypoint":[],)"
                      R"("Env":["A=1","B=two words"],"User":"1000:1000","WorkingDir":"/home/opencode",)"
                      R"("Labels":{"a":"b","org.opencode-cloud.managed":"true"},"HostConfig":{}})");

    ContainerSpec ports = minimal;
    ports.exposedPorts = QStringList{"9000/udp"};
    ports.portBindings = {{"4096/tcp", "127.0.0.1", "4096"}, {"4096/tcp", "::1", "4096"}, {"80/tcp", "", ""}};
    QTest::newRow("published ports are exposed too, several bindings per port")
        << ports
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,)"
                      R"("ExposedPorts":{"4096/tcp":{},"80/tcp":{},"9000/udp":{}},)"
                      R"("HostConfig":{"PortBindings":{"4096/tcp":[{"HostIp":"127.0.0.1","HostPort":"4096"},)"
                      R"({"HostIp":"::1","HostPort":"4096"}],"80/tcp":[{"HostIp":"","HostPort":""}]}}})");

    ContainerSpec mounts = minimal;
    using Mount = ContainerSpec::Mount;
    mounts.mounts = {{Mount::Type::Volume, "occ-data", "/home/opencode/.local/share/opencode", false},
                     {Mount::Type::Bind, "/srv/projects", "/workspace", true}};
    QTest::newRow("a named volume and a read-only bind mount")
        << mounts
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,"HostConfig":{"Mounts":[)"
                      R"({"ReadOnly":false,"Source":"occ-data","Target":"/home/opencode/.local/share/opencode",)"
                      R"("Type":"volume"},{"ReadOnly":true,"Source":"/srv/projects","Target":"/workspace",)"
                      R"("Type":"bind"}]}})");

    ContainerSpec unlessStopped = minimal;
    unlessStopped.restartPolicy = {"unless-stopped", 5};
    QTest::newRow("a retry count is left out unless the policy is on-failure")
        << unlessStopped
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,"HostConfig":{"RestartPolicy":)"
                      R"({"Name":"unless-stopped"}}})");

    ContainerSpec onFailure = minimal;
    onFailure.restartPolicy = {"on-failure", 5};
    onFailure.init = true;
    QTest::newRow("on-failure carries its retry count; init goes to HostConfig")
        << onFailure
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,"HostConfig":{"Init":true,"RestartPolicy":)"
                      R"({"MaximumRetryCount":5,"Name":"on-failure"}}})");

    ContainerSpec health = minimal;
    health.healthcheck = ContainerSpec::Healthcheck{
        {"CMD-SHELL", "wget -q -O- http://127.0.0.1:4096/ || exit 1"}, 30000000000, 5000000000, 3, 60000000000};
    health.stopSignal = QStringLiteral("SIGTERM");
    health.stopTimeout = 20;
    QTest::newRow("healthcheck in nanoseconds, stop signal and timeout")
        << health
        << QByteArray(R"({"Image":"busybox:latest","Tty":false,"Healthcheck":{"Interval":30000000000,)"
                      R"("Retries":3,"StartPeriod":60000000000,"Test":["CMD-SHELL",)"
                      R"("wget -q -O- http://127.0.0.1:4096/ || exit 1"],"Timeout":5000000000},)"
                      R"("StopSignal":"SIGTERM","StopTimeout":20,"HostConfig":{}})");

    ContainerSpec network = minimal;
    network.tty = true;
    network.extraHosts = QStringList{"host.docker.internal:host-gateway"};
    network.networkMode = QStringLiteral("occ-net");
    QTest::newRow("tty, extra hosts and network mode")
        << network
        << QByteArray(R"({"Image":"busybox:latest","Tty":true,"HostConfig":{"ExtraHosts":)"
                      R"(["host.docker.internal:host-gateway"],"NetworkMode":"occ-net"}})");
}

void TestContainerSpec::createBody()
{
    QFETCH(ContainerSpec, spec);
    QFETCH(QByteArray, expected);
    const nlohmann::json wanted = nlohmann::json::parse(expected.toStdString());
    const nlohmann::json actual = spec.toCreateBody();
    // Compared as JSON values (key order free), reported as text when they differ.
    QCOMPARE(QByteArray::fromStdString(actual.dump()), QByteArray::fromStdString(wanted.dump()));
}

QTEST_GUILESS_MAIN(TestContainerSpec)
#include "TestContainerSpec.moc"
