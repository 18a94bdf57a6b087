#include "app/SingleInstance.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using occ::SingleInstance;

class TestSingleInstance : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theSecondInstanceAsksTheFirstToShow();
};

void TestSingleInstance::theSecondInstanceAsksTheFirstToShow()
{
    const QString name = QStringLiteral("occ-test-%1").arg(QCoreApplication::applicationPid());
    SingleInstance first(name);
    QVERIFY(first.claim());
    QSignalSpy shown(&first, &SingleInstance::showRequested);

    // The second instance runs its blocking client in another thread, as a second process would.
    bool secondClaimed = true;
    QThread* thread = QThread::create([&] {
        SingleInstance second(name);
        secondClaimed = second.claim();
    });
    thread->start();
    QVERIFY(shown.wait(5000));
    QVERIFY(thread->wait(5000));
    delete thread;
    QVERIFY(!secondClaimed);
}

QTEST_GUILESS_MAIN(TestSingleInstance)
#include "TestSingleInstance.moc"
