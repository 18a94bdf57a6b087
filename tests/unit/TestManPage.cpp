#include "cli/Application.h"
#include "cli/CompletionTable.h"
#include "cli/ExitCode.h"
#include "cli/ManPage.h"
#include "cli/Output.h"
#include "core/util/Version.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTest>

using namespace occ::cli;
using occ::applicationVersion;

// occ(1) is rendered from the same table as `occ --help` and is valid roff.
class TestManPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void escape_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("roff");
        QTest::newRow("hyphen") << QStringLiteral("--json") << QStringLiteral("\\-\\-json");
        QTest::newRow("backslash") << QStringLiteral("C:\\x") << QStringLiteral("C:\\ex");
        QTest::newRow("leading dot") << QStringLiteral("a\n.b\n'c") << QStringLiteral("a\n\\&.b\n\\&'c");
    }
    void escape()
    {
        QFETCH(QString, text);
        QFETCH(QString, roff);
        QCOMPARE(ManPage::escape(text), roff);
    }

    void pageListsEveryVerbAndOption()
    {
        const CompletionTable table = CompletionTable::current();
        const QString page = ManPage::render(table, applicationVersion());
        QVERIFY(page.contains(QStringLiteral(".TH OCC 1 \"\" \"occ %1\"").arg(ManPage::escape(applicationVersion()))));
        for (const auto& v : table.verbs) {
            QVERIFY2(page.contains(QStringLiteral(".SS \"%1").arg(v.name)), qPrintable(v.name));
            QVERIFY2(page.contains(ManPage::escape(v.description)), qPrintable(v.name));
            for (const auto& o : v.options) {
                QVERIFY(page.contains(ManPage::escape(o.description())));
            }
        }
        for (const auto& o : table.globalOptions) {
            QVERIFY(page.contains(ManPage::escape(o.description())));
        }
        QVERIFY(page.contains(QLatin1String(".SH EXIT STATUS")));
        QVERIFY(!page.contains(QLatin1String(".SS \"manpage")));
    }

    void groffAcceptsIt()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("groff")).isEmpty()) {
            QFAIL("groff is not installed");
        }
        QProcess p;
        p.start(QStringLiteral("groff"),
                {QStringLiteral("-man"), QStringLiteral("-Tutf8"), QStringLiteral("-ww"), QStringLiteral("-z")});
        QVERIFY(p.waitForStarted());
        p.write(ManPage::render(CompletionTable::current(), applicationVersion()).toUtf8());
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray warnings = p.readAllStandardError();
        QVERIFY2(warnings.isEmpty(), warnings.constData());
    }

    void manpageVerb()
    {
        QString out, err;
        Output output(&out, &err);
        QCOMPARE(run({QStringLiteral("occ"), QStringLiteral("manpage")}, output), int(Ok));
        output.flush();
        QCOMPARE(out, ManPage::render(CompletionTable::current(), applicationVersion()));
    }
};

QTEST_GUILESS_MAIN(TestManPage)
#include "TestManPage.moc"
