// The service's container, derived from the config: every field a config key changes, and what never
// goes into it (the password).

#include "core/config/Config.h"
#include "core/service/ServiceSpec.h"

#include <QTest>

using namespace occ;

class TestServiceSpec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsPublishOnLoopbackWithFourVolumes()
    {
        const Config c;
        const ContainerSpec spec = ServiceSpec::containerSpec(c);
        QCOMPARE(spec.image, QStringLiteral("opencode-cloud:") + c.opencodeVersion);
        QCOMPARE(spec.portBindings.size(), 1);
        QCOMPARE(spec.portBindings.at(0).hostIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(spec.portBindings.at(0).hostPort, QStringLiteral("4096"));
        QCOMPARE(spec.portBindings.at(0).containerPort, QStringLiteral("4096/tcp"));
        QCOMPARE(spec.mounts.size(), 4);
        QCOMPARE(spec.mounts.at(0).source, QStringLiteral("opencode-cloud-data"));
        QCOMPARE(spec.mounts.at(0).target, QStringLiteral("/home/opencode/.local/share/opencode"));
        QCOMPARE(spec.restartPolicy.name, QStringLiteral("unless-stopped"));
        QCOMPARE(spec.restartPolicy.maximumRetryCount, 0);
        QCOMPARE(spec.env, QStringList{QStringLiteral("OCC_USERNAME=opencode")});
        QVERIFY(!spec.init); // the image's tini is the init
        QCOMPARE(spec.labels.value(QStringLiteral("org.opencode-cloud.managed")), QStringLiteral("true"));
    }

    void aWorkspaceFolderReplacesTheWorkspaceVolume()
    {
        Config c;
        c.workspacePath = QStringLiteral("/srv/projects");
        const ContainerSpec spec = ServiceSpec::containerSpec(c);
        QCOMPARE(spec.mounts.size(), 4);
        QCOMPARE(spec.mounts.last().type, ContainerSpec::Mount::Type::Bind);
        QCOMPARE(spec.mounts.last().source, QStringLiteral("/srv/projects"));
        QCOMPARE(spec.mounts.last().target, QStringLiteral("/home/opencode/workspace"));
    }

    void onFailureCarriesTheRetryCount()
    {
        Config c;
        c.restartPolicy = QStringLiteral("on-failure");
        c.restartMaxRetries = 7;
        QCOMPARE(ServiceSpec::containerSpec(c).restartPolicy.maximumRetryCount, 7);
    }

    void theHashChangesWithWhatNeedsARecreate_data()
    {
        QTest::addColumn<QString>("what");
        QTest::newRow("the port") << QStringLiteral("port");
        QTest::newRow("the bind address") << QStringLiteral("bind");
        QTest::newRow("the volume prefix") << QStringLiteral("prefix");
        QTest::newRow("the restart policy") << QStringLiteral("policy");
        QTest::newRow("the user name") << QStringLiteral("user");
        QTest::newRow("the opencode version") << QStringLiteral("version");
    }
    void theHashChangesWithWhatNeedsARecreate()
    {
        QFETCH(QString, what);
        const Config a;
        Config b;
        if (what == QLatin1String("port")) {
            b.port = 4100;
        } else if (what == QLatin1String("bind")) {
            b.bind = QStringLiteral("0.0.0.0");
        } else if (what == QLatin1String("prefix")) {
            b.volumePrefix = QStringLiteral("other");
        } else if (what == QLatin1String("policy")) {
            b.restartPolicy = QStringLiteral("always");
        } else if (what == QLatin1String("user")) {
            b.username = QStringLiteral("alice");
        } else {
            b.opencodeVersion = QStringLiteral("9.9.9");
        }
        const auto hash = [](const Config& c) {
            return ServiceSpec::containerSpec(c).labels.value(QString::fromLatin1(ServiceSpec::ConfigHashLabel));
        };
        QVERIFY(!hash(a).isEmpty());
        QVERIFY(hash(a) != hash(b));
        QCOMPARE(hash(a), hash(Config())); // and it is stable
    }

    void aTimeoutChangeDoesNotRecreate()
    {
        Config b;
        b.healthTimeoutSeconds = 30;
        b.publicUrl = QStringLiteral("https://oc.example.com");
        QCOMPARE(ServiceSpec::containerSpec(b).labels, ServiceSpec::containerSpec(Config()).labels);
    }

    void urls_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<QString>("publicUrl");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("probe");
        QTest::newRow("loopback is shown as is") << "127.0.0.1"
                                                 << ""
                                                 << "http://127.0.0.1:4096"
                                                 << "http://127.0.0.1:4096";
        QTest::newRow("a wildcard bind is shown as localhost") << "0.0.0.0"
                                                               << ""
                                                               << "http://localhost:4096"
                                                               << "http://127.0.0.1:4096";
        QTest::newRow("an IPv6 bind gets brackets") << "::1"
                                                    << ""
                                                    << "http://[::1]:4096"
                                                    << "http://[::1]:4096";
        QTest::newRow("the public URL wins for people, not for the probe") << "0.0.0.0"
                                                                           << "https://oc.example.com"
                                                                           << "https://oc.example.com"
                                                                           << "http://127.0.0.1:4096";
    }
    void frontDoorUrls_data()
    {
        QTest::addColumn<QString>("tlsMode");
        QTest::addColumn<int>("httpPort");
        QTest::addColumn<int>("httpsPort");
        QTest::addColumn<QString>("publicUrl");
        QTest::addColumn<QString>("url");
        QTest::newRow("tls on: the HTTPS port") << "internal" << 18080 << 18443 << ""
                                                << "https://localhost:18443";
        QTest::newRow("tls on, port 443 is implied") << "files" << 80 << 443 << ""
                                                     << "https://localhost";
        QTest::newRow("tls off: the HTTP port") << "off" << 18080 << 18443 << ""
                                                << "http://localhost:18080";
        QTest::newRow("tls off, port 80 is implied") << "off" << 80 << 443 << ""
                                                     << "http://localhost";
        QTest::newRow("the public URL still wins") << "off" << 8080 << 443 << "https://oc.example.com"
                                                   << "https://oc.example.com";
    }
    void frontDoorUrls()
    {
        QFETCH(QString, tlsMode);
        QFETCH(int, httpPort);
        QFETCH(int, httpsPort);
        QFETCH(QString, publicUrl);
        QFETCH(QString, url);
        Config c;
        c.bind = QStringLiteral("0.0.0.0");
        c.frontDoorEnabled = true;
        c.tlsMode = tlsMode;
        c.frontDoorHttpPort = httpPort;
        c.frontDoorHttpsPort = httpsPort;
        c.publicUrl = publicUrl;
        QCOMPARE(ServiceSpec::url(c), url);
    }

    void urls()
    {
        QFETCH(QString, bind);
        QFETCH(QString, publicUrl);
        QFETCH(QString, url);
        QFETCH(QString, probe);
        Config c;
        c.bind = bind;
        c.publicUrl = publicUrl;
        QCOMPARE(ServiceSpec::url(c), url);
        QCOMPARE(ServiceSpec::probeUrl(c), probe);
    }

    void loopback_data()
    {
        QTest::addColumn<QString>("bind");
        QTest::addColumn<bool>("loopback");
        QTest::newRow("127.0.0.1 is loopback") << "127.0.0.1" << true;
        QTest::newRow("127.1.2.3 is loopback") << "127.1.2.3" << true;
        QTest::newRow("::1 is loopback") << "::1" << true;
        QTest::newRow("localhost is loopback") << "localhost" << true;
        QTest::newRow("0.0.0.0 is not") << "0.0.0.0" << false;
        QTest::newRow("a LAN address is not") << "192.168.1.5" << false;
        QTest::newRow("garbage is not") << "not-an-ip" << false;
    }
    void loopback()
    {
        QFETCH(QString, bind);
        QFETCH(bool, loopback);
        QCOMPARE(ServiceSpec::isLoopback(bind), loopback);
    }
};

QTEST_GUILESS_MAIN(TestServiceSpec)
#include "TestServiceSpec.moc"
