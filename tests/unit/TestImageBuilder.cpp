// ImageBuilder against a fake engine: an image that is there is not built again, a missing one is built
// with its progress reported, and a failed build says why. No Docker needed.

#include "core/config/Config.h"
#include "core/service/ImageBuilder.h"
#include "core/service/ServiceSpec.h"
#include "support/FakeEngine.h"
#include "support/FakeEngineModel.h"

#include <QTest>

using namespace occ;
using occ::test::FakeEngine;
using occ::test::FakeEngineModel;

class TestImageBuilder : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void aPresentImageIsNotBuiltAgain();
    void aMissingImageIsBuiltWithItsProgress();
    void buildAlwaysBuilds();
    void aFailedBuildQuotesItsLastLines();
    void anEngineErrorOnLookupIsNotABuild();

private:
    int builds() const { return m_engine->requests("POST", QStringLiteral("/build")).size(); }

    Config m_config;
    std::unique_ptr<FakeEngine> m_engine;
    std::unique_ptr<FakeEngineModel> m_model;
};

void TestImageBuilder::init()
{
    m_engine = std::make_unique<FakeEngine>();
    m_model = std::make_unique<FakeEngineModel>(m_engine.get());
    m_config = Config();
    m_config.imageName = QStringLiteral("occ-builder-test");
    m_config.opencodeVersion = QStringLiteral("1.2.3");
    QVERIFY(m_engine->isListening());
}

void TestImageBuilder::cleanup()
{
    m_model.reset();
    m_engine.reset();
}

void TestImageBuilder::aPresentImageIsNotBuiltAgain()
{
    m_model->addImage(QStringLiteral("occ-builder-test:1.2.3"), QStringLiteral("sha256:there"));
    const auto ensured = ImageBuilder(m_config, m_engine->client()).ensure();
    QVERIFY2(ensured, qPrintable(ensured.error().message));
    QCOMPARE(builds(), 0);
    QCOMPARE(m_engine->requests("GET", QStringLiteral("/images/occ-builder-test:1.2.3/json")).size(), 1);
}

void TestImageBuilder::aMissingImageIsBuiltWithItsProgress()
{
    QList<ServiceProgress> reports;
    const auto ensured =
        ImageBuilder(m_config, m_engine->client()).ensure([&](const ServiceProgress& p) { reports.append(p); });
    QVERIFY2(ensured, qPrintable(ensured.error().message));
    QCOMPARE(builds(), 1);
    const auto build = m_engine->requests("POST", QStringLiteral("/build")).first();
    QCOMPARE(build.queryItem(QStringLiteral("t")), QStringLiteral("occ-builder-test:1.2.3"));
    QCOMPARE(build.header("Content-Type"), QByteArray("application/x-tar"));
    QVERIFY(!build.body.isEmpty());
    QVERIFY(!m_model->imageId(QStringLiteral("occ-builder-test:1.2.3")).isEmpty());

    QVERIFY(reports.size() >= 3);
    QCOMPARE(reports.first().phase, ServiceProgress::Phase::Step);
    QVERIFY2(reports.first().text.startsWith(QStringLiteral("Building image occ-builder-test:1.2.3 from the npm")),
             qPrintable(reports.first().text));
    const ServiceProgress& last = reports.last();
    QCOMPARE(last.phase, ServiceProgress::Phase::Build);
    QCOMPARE(last.text, QStringLiteral("Step 2/2 : RUN install opencode"));
    QCOMPARE(last.step, 2);
    QCOMPARE(last.totalSteps, 2);
}

void TestImageBuilder::buildAlwaysBuilds()
{
    m_model->addImage(QStringLiteral("occ-builder-test:1.2.3"), QStringLiteral("sha256:there"));
    const auto built = ImageBuilder(m_config, m_engine->client()).build();
    QVERIFY2(built, qPrintable(built.error().message));
    QCOMPARE(builds(), 1);
    QVERIFY(m_model->imageId(QStringLiteral("occ-builder-test:1.2.3")) != QStringLiteral("sha256:there"));
}

void TestImageBuilder::aFailedBuildQuotesItsLastLines()
{
    QStringList output;
    for (int i = 1; i <= 10; ++i) {
        output.append(QStringLiteral("line %1 of the build").arg(i));
    }
    m_model->failBuilds(output, QStringLiteral("The command '/bin/sh -c npm install' returned a non-zero code: 1"));
    const auto ensured = ImageBuilder(m_config, m_engine->client()).ensure();
    QVERIFY(!ensured);
    QCOMPARE(ensured.error().kind, ServiceError::Kind::Image);
    const QString message = ensured.error().message;
    QVERIFY2(message.startsWith(QStringLiteral("Building occ-builder-test:1.2.3 failed")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("returned a non-zero code: 1")), qPrintable(message));
    for (int i = 1; i <= 10; ++i) {
        const bool quoted = message.contains(QStringLiteral("line %1 of the build").arg(i));
        QVERIFY2(quoted == (i > 10 - ImageBuilder::FailedBuildLines), qPrintable(message));
    }
}

void TestImageBuilder::anEngineErrorOnLookupIsNotABuild()
{
    m_engine->on("GET", QStringLiteral("/images/.*/json"), FakeEngine::error(500, QStringLiteral("disk on fire")));
    const auto ensured = ImageBuilder(m_config, m_engine->client()).ensure();
    QVERIFY(!ensured);
    QVERIFY2(ensured.error().message.startsWith(QStringLiteral("Could not look up image occ-builder-test:1.2.3")),
             qPrintable(ensured.error().message));
    QVERIFY(ensured.error().message.contains(QStringLiteral("disk on fire")));
    QCOMPARE(builds(), 0);
}

QTEST_GUILESS_MAIN(TestImageBuilder)
#include "TestImageBuilder.moc"
