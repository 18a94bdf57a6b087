#include "app/Resources.h"
#include "app/StatusPresenter.h"
#include "app/Translations.h"
#include "app/TrayActions.h"

#include <QAction>
#include <QApplication>
#include <QFile>
#include <QIcon>
#include <QImage>
#include <QTest>
#include <QTranslator>
#include <QWizard>

using namespace occ;

class TestResources : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyStateIconLoadsFromResources_data();
    void everyStateIconLoadsFromResources();
    void appIconLoads();
    void germanTranslationIsEmbeddedAndTranslates();
    void englishPluralsComeFromTheEnglishCatalogue();
};

void TestResources::initTestCase()
{
    initResources();
}

void TestResources::everyStateIconLoadsFromResources_data()
{
    QTest::addColumn<int>("state");
    for (int s = int(ServiceStatus::State::NotSetUp); s <= int(ServiceStatus::State::Updating); ++s) {
        QTest::newRow(qPrintable(ServiceStatus::stateName(ServiceStatus::State(s)))) << s;
    }
}

void TestResources::everyStateIconLoadsFromResources()
{
    QFETCH(int, state);
    ServiceStatus status;
    status.state = ServiceStatus::State(state);
    const StatusView view = StatusPresenter::present(status, QDateTime::currentDateTimeUtc());
    QVERIFY2(QFile::exists(view.iconPath()), qPrintable(view.iconPath()));
    const QIcon icon(view.iconPath());
    QVERIFY(!icon.isNull());
    // Rendered through the SVG plugin: not empty and not fully transparent.
    const QImage image = icon.pixmap(32, 32).toImage();
    QCOMPARE(image.size(), QSize(32, 32));
    int opaque = 0;
    for (int y = 0; y < 32; ++y) {
        for (int x = 0; x < 32; ++x) {
            opaque += qAlpha(image.pixel(x, y)) > 128 ? 1 : 0;
        }
    }
    QVERIFY2(opaque > 200, qPrintable(QString::number(opaque)));
}

void TestResources::appIconLoads()
{
    QVERIFY(!QIcon(QStringLiteral(":/icons/opencode-cloud.svg")).pixmap(64, 64).isNull());
}

void TestResources::germanTranslationIsEmbeddedAndTranslates()
{
    QVERIFY(QFile::exists(QStringLiteral(":/i18n/opencode-cloud_de.qm")));
    QVERIFY(Translations::available().contains(QStringLiteral("de")));
    QVERIFY(Translations::install(qApp, QLocale(QLocale::German, QLocale::Germany)));
    QCOMPARE(QCoreApplication::translate("occ::TrayActions", "&Quit"), QStringLiteral("&Beenden"));
    TrayActions actions;
    QCOMPARE(actions.start()->text(), QStringLiteral("&Starten"));
    ServiceStatus status;
    status.state = ServiceStatus::State::Stopped;
    QCOMPARE(StatusPresenter::present(status, QDateTime::currentDateTimeUtc()).statusLine, QStringLiteral("Gestoppt"));
    QCOMPARE(StatusPresenter::uptimeText(3 * 3600), QStringLiteral("3 Std."));
    const auto translators = qApp->findChildren<QTranslator*>();
    for (QTranslator* t : translators) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
}

void TestResources::englishPluralsComeFromTheEnglishCatalogue()
{
    QVERIFY(Translations::install(qApp, QLocale(QLocale::English, QLocale::UnitedStates)));
    ServiceStatus status;
    status.state = ServiceStatus::State::Restarting;
    status.restartCount = 1;
    QCOMPARE(StatusPresenter::present(status, QDateTime::currentDateTimeUtc()).statusLine,
             QStringLiteral("Restarting · restarted once"));
    status.restartCount = 3;
    QCOMPARE(StatusPresenter::present(status, QDateTime::currentDateTimeUtc()).statusLine,
             QStringLiteral("Restarting · restarted 3 times"));
}

QTEST_MAIN(TestResources)
#include "TestResources.moc"
