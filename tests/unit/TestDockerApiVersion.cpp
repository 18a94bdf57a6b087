#include "core/docker/ApiVersion.h"

#include <QTest>

using occ::ApiVersion;

class TestDockerApiVersion : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void compare_data();
    void compare();
    void negotiate_data();
    void negotiate();
};

void TestDockerApiVersion::compare_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<int>("expected");
    QTest::newRow("1.9 is older than 1.41 (numbers, not strings)") << "1.9"
                                                                   << "1.41" << -1;
    QTest::newRow("1.41 equals 1.41") << "1.41"
                                      << "1.41" << 0;
    QTest::newRow("1.47 is newer than 1.41") << "1.47"
                                             << "1.41" << 1;
    QTest::newRow("2.0 is newer than 1.99") << "2.0"
                                            << "1.99" << 1;
    QTest::newRow("1.41.0 equals 1.41") << "1.41.0"
                                        << "1.41" << 0;
    QTest::newRow("1.100 is newer than 1.99") << "1.100"
                                              << "1.99" << 1;
}

void TestDockerApiVersion::compare()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(int, expected);
    QCOMPARE(ApiVersion::compare(a, b), expected);
    QCOMPARE(ApiVersion::compare(b, a), -expected);
}

void TestDockerApiVersion::negotiate_data()
{
    QTest::addColumn<QString>("engine");
    QTest::addColumn<QString>("expected"); // empty = refused
    QTest::newRow("engine 1.41 (Debian 12) is spoken as 1.41") << "1.41"
                                                               << "1.41";
    QTest::newRow("engine 1.44 is spoken as 1.44") << "1.44"
                                                   << "1.44";
    QTest::newRow("engine 1.47 is spoken as 1.47") << "1.47"
                                                   << "1.47";
    QTest::newRow("engine 1.52 is capped at our newest, 1.47") << "1.52"
                                                               << "1.47";
    QTest::newRow("engine 2.0 is capped at 1.47") << "2.0"
                                                  << "1.47";
    QTest::newRow("engine 1.40 is refused") << "1.40"
                                            << "";
    QTest::newRow("engine 1.24 is refused") << "1.24"
                                            << "";
    QTest::newRow("engine 1.9 is refused (not string-compared above 1.41)") << "1.9"
                                                                            << "";
    QTest::newRow("no version is refused") << ""
                                           << "";
    QTest::newRow("garbage is refused") << "abc"
                                        << "";
}

void TestDockerApiVersion::negotiate()
{
    QFETCH(QString, engine);
    QFETCH(QString, expected);
    const auto result = ApiVersion::negotiate(engine);
    if (expected.isEmpty()) {
        QVERIFY(!result.ok());
        QCOMPARE(int(result.error().category()), int(occ::DockerError::Category::ApiVersion));
        QVERIFY(result.error().userMessage().contains(QLatin1String("Update Docker")));
    } else {
        QVERIFY2(result.ok(), qPrintable(result.error().message()));
        QCOMPARE(result.value(), expected);
    }
}

QTEST_GUILESS_MAIN(TestDockerApiVersion)
#include "TestDockerApiVersion.moc"
