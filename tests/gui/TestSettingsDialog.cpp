#include "app/SettingsDialog.h"
#include "core/autostart/XdgAutostart.h"
#include "core/config/ConfigPaths.h"
#include "core/config/ConfigStore.h"
#include "core/config/FileCredentialStore.h"
#include "wizard/widgets/AccessWidget.h"
#include "wizard/widgets/CredentialsWidget.h"
#include "wizard/widgets/PersistenceWidget.h"
#include "wizard/widgets/PublicUrlWidget.h"
#include "wizard/widgets/RestartPolicyWidget.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace occ;

class TestSettingsDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void roundTripThroughTheRealConfigFile();
    void unknownKeysSurvive();
    void anUnparseableFileIsReportedNotOverwritten();
    void tlsWithoutTheFrontDoorIsShownWithItsFix();

private:
    std::unique_ptr<SettingsDialog> makeDialog(const QString& configPath);
    QTemporaryDir m_home;
};

void TestSettingsDialog::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    qputenv("HOME", m_home.path().toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral(".config")).toUtf8());
}

std::unique_ptr<SettingsDialog> TestSettingsDialog::makeDialog(const QString& configPath)
{
    auto dialog = std::make_unique<SettingsDialog>(configPath);
    dialog->setAutostart(std::make_unique<XdgAutostart>(QStringLiteral("/usr/bin/opencode-cloud"),
                                                        QStringLiteral("--autostart"),
                                                        m_home.filePath(QStringLiteral("autostart"))));
    dialog->accessWidget()->setPortCheck([](const QString&, int) { return true; });
    return dialog;
}

void TestSettingsDialog::roundTripThroughTheRealConfigFile()
{
    const QString path = m_home.filePath(QStringLiteral(".config/opencode-cloud/config.json"));
    qputenv("OCC_CONFIG", path.toUtf8());
    QCOMPARE(ConfigPaths::configFile(), path);
    ConfigStore store(path);
    Config initial;
    initial.port = 4300;
    QVERIFY(store.save(initial));
    FileCredentialStore credentials(ConfigPaths::credentialsFile(path));
    QVERIFY(credentials.setPassword(QStringLiteral("first-Password-123456")));

    {
        auto dialog = makeDialog(path);
        QCOMPARE(dialog->load(), QString());
        QCOMPARE(dialog->accessWidget()->portSpin()->value(), 4300);
        QVERIFY(dialog->accessWidget()->localButton()->isChecked());
        QCOMPARE(dialog->credentialsWidget()->mode(), CredentialsWidget::Mode::Keep);
        QVERIFY(!dialog->restartWidget()->startAtLoginBox()->isChecked());

        dialog->accessWidget()->proxyButton()->click();
        dialog->publicUrlWidget()->urlEdit()->setText(QStringLiteral("https://code.example.com"));
        dialog->publicUrlWidget()->proxyHereBox()->setChecked(false);
        dialog->accessWidget()->portSpin()->setValue(4400);
        dialog->credentialsWidget()->setMode(CredentialsWidget::Mode::Own);
        dialog->credentialsWidget()->ownEdit()->setText(QStringLiteral("Second-Password-987654"));
        dialog->credentialsWidget()->confirmEdit()->setText(QStringLiteral("Second-Password-987654"));
        dialog->persistenceWidget()->folderButton()->click();
        dialog->persistenceWidget()->pathEdit()->setText(m_home.filePath(QStringLiteral("code")));
        QComboBox* policy = dialog->restartWidget()->policyCombo();
        policy->setCurrentIndex(policy->findData(QStringLiteral("on-failure")));
        dialog->restartWidget()->retriesSpin()->setValue(7);
        dialog->restartWidget()->startAtLoginBox()->setChecked(true);

        QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
        QCOMPARE(dialog->save(), QString());
        QCOMPARE(saved.count(), 1);
        QCOMPARE(saved.at(0).at(1).toBool(), true);
    }

    const auto reloaded = store.load();
    QVERIFY(reloaded);
    QCOMPARE(reloaded->port, 4400);
    QCOMPARE(reloaded->publicUrl, QStringLiteral("https://code.example.com"));
    QCOMPARE(reloaded->bind, QStringLiteral("0.0.0.0"));
    QCOMPARE(reloaded->workspacePath, m_home.filePath(QStringLiteral("code")));
    QCOMPARE(reloaded->restartPolicy, QStringLiteral("on-failure"));
    QCOMPARE(reloaded->restartMaxRetries, 7);
    QCOMPARE(credentials.password().value(), QStringLiteral("Second-Password-987654"));
    QVERIFY(QFile::exists(m_home.filePath(QStringLiteral("autostart/org.opencode_cloud.OpencodeCloud.desktop"))));

    // And back into a fresh dialog: what was saved is what is shown.
    auto again = makeDialog(path);
    QCOMPARE(again->load(), QString());
    QVERIFY(again->accessWidget()->proxyButton()->isChecked());
    QCOMPARE(again->publicUrlWidget()->urlEdit()->text(), QStringLiteral("https://code.example.com"));
    QVERIFY(!again->publicUrlWidget()->proxyHereBox()->isChecked());
    QCOMPARE(again->accessWidget()->portSpin()->value(), 4400);
    QVERIFY(again->persistenceWidget()->folderButton()->isChecked());
    QCOMPARE(again->restartWidget()->retriesSpin()->value(), 7);
    QVERIFY(again->restartWidget()->startAtLoginBox()->isChecked());
    QCOMPARE(again->credentialsWidget()->mode(), CredentialsWidget::Mode::Keep);
    QSignalSpy saved(again.get(), &SettingsDialog::settingsSaved);
    QCOMPARE(again->save(), QString());
    QCOMPARE(saved.at(0).at(1).toBool(), false); // nothing changed: no restart needed
    QCOMPARE(credentials.password().value(), QStringLiteral("Second-Password-987654"));
}

void TestSettingsDialog::unknownKeysSurvive()
{
    const QString path = m_home.filePath(QStringLiteral("unknown/config.json"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"version": 1, "network": {"port": 4500}, "experimental": {"keep": "me"}})");
    file.close();
    auto dialog = makeDialog(path);
    QCOMPARE(dialog->load(), QString());
    QCOMPARE(dialog->accessWidget()->portSpin()->value(), 4500);
    dialog->accessWidget()->portSpin()->setValue(4501);
    QCOMPARE(dialog->save(), QString());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY2(text.contains("\"keep\": \"me\""), text.constData());
    QVERIFY(text.contains("4501"));
}

void TestSettingsDialog::anUnparseableFileIsReportedNotOverwritten()
{
    const QString path = m_home.filePath(QStringLiteral("broken/config.json"));
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{ this is not json");
    file.close();
    auto dialog = makeDialog(path);
    QVERIFY(!dialog->load().isEmpty());
    QVERIFY(!dialog->save().isEmpty());
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{ this is not json"));
}

void TestSettingsDialog::tlsWithoutTheFrontDoorIsShownWithItsFix()
{
    const QString path = m_home.filePath(QStringLiteral("tls/config.json"));
    ConfigStore store(path);
    Config initial;
    initial.tlsMode = QStringLiteral("internal");
    QVERIFY(!initial.frontDoorEnabled);
    QVERIFY(store.save(initial));

    auto dialog = makeDialog(path);
    QCOMPARE(dialog->load(), QString());
    QLabel* warning = dialog->warningLabel();
    QPushButton* fix = dialog->enableFrontDoorButton();
    QVERIFY(!warning->isHidden());
    QVERIFY2(warning->text().contains(QStringLiteral("\"internal\""))
                 && warning->text().contains(QStringLiteral("front door")),
             qPrintable(warning->text()));
    QVERIFY2(!warning->text().contains(QStringLiteral("occ ")), qPrintable(warning->text()));
    QVERIFY(!fix->isHidden());
    QCOMPARE(fix->text(), QStringLiteral("Turn on the front door"));

    fix->click();
    QVERIFY(fix->isHidden());
    QVERIFY2(!warning->text().contains(QStringLiteral("\"internal\"")), qPrintable(warning->text()));
    QSignalSpy saved(dialog.get(), &SettingsDialog::settingsSaved);
    QCOMPARE(dialog->save(), QString());
    QCOMPARE(saved.count(), 1);
    QCOMPARE(saved.at(0).at(1).toBool(), true); // the service must be restarted to use it
    const auto reloaded = store.load();
    QVERIFY(reloaded);
    QVERIFY(reloaded->frontDoorEnabled);
    QCOMPARE(reloaded->tlsMode, QStringLiteral("internal"));
    QVERIFY(warning->isHidden());

    // A config that means what it says shows nothing.
    auto plain = makeDialog(m_home.filePath(QStringLiteral("plain/config.json")));
    QVERIFY(ConfigStore(m_home.filePath(QStringLiteral("plain/config.json"))).save(Config()));
    QCOMPARE(plain->load(), QString());
    QVERIFY(plain->warningLabel()->isHidden());
    QVERIFY(plain->enableFrontDoorButton()->isHidden());
}

QTEST_MAIN(TestSettingsDialog)
#include "TestSettingsDialog.moc"
