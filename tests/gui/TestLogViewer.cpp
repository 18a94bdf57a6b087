#include "app/Dialogs.h"
#include "app/LogBuffer.h"
#include "app/LogFilter.h"
#include "app/LogViewer.h"

#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>

using namespace occ;

namespace {
QVector<LogLine> serviceLines(int from, int count, LogLine::Stream stream = LogLine::Stream::Stdout)
{
    QVector<LogLine> out;
    out.reserve(count);
    for (int i = from; i < from + count; ++i) {
        LogLine line;
        line.stream = stream;
        line.timestamp = QStringLiteral("2026-01-01T12:00:00.123456789Z");
        line.text = QStringLiteral("line %1").arg(i);
        out.append(line);
    }
    return out;
}
} // namespace

class TestLogViewer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void bufferDropsTheOldest();
    void filterSelectsStreamsAndLevels();
    void formatTogglesTimestamps();
    void linesArriveInBatches();
    void streamFilterRebuildsTheView();
    void appLogHasALevelFilter();
    void searchFindsNextAndPreviousAndWraps();
    void pauseHoldsTheViewAndFollowCatchesUp();
    void saveWritesWhatTheFilterShows();
    void clearEmptiesBufferAndView();
    void twoHundredThousandLinesStayBounded();
};

void TestLogViewer::bufferDropsTheOldest()
{
    LogBuffer buffer(3);
    for (int i = 0; i < 5; ++i) {
        LogEntry e;
        e.text = QString::number(i);
        buffer.append(e);
    }
    QCOMPARE(buffer.size(), 3);
    QCOMPARE(buffer.at(0).text, QStringLiteral("2"));
    QCOMPARE(buffer.dropped(), 2);
    QVector<LogEntry> big(10);
    buffer.append(big);
    QCOMPARE(buffer.size(), 3);
    QCOMPARE(buffer.dropped(), 12);
}

void TestLogViewer::filterSelectsStreamsAndLevels()
{
    LogFilter filter;
    LogEntry out;
    LogEntry err;
    err.stream = LogEntry::Stream::Stderr;
    LogEntry app;
    app.source = LogEntry::Source::App;
    app.level = 1;
    QVERIFY(filter.matches(out));
    QVERIFY(filter.matches(err));
    QVERIFY(!filter.matches(app));
    filter.showStderr = false;
    QVERIFY(!filter.matches(err));
    filter.source = LogEntry::Source::App;
    QVERIFY(!filter.matches(out));
    QVERIFY(!filter.matches(app)); // debug below "info"
    filter.minLevel = 1;
    QVERIFY(filter.matches(app));
}

void TestLogViewer::formatTogglesTimestamps()
{
    LogEntry e;
    e.timestamp = QStringLiteral("2026-01-01T12:00:00.123456789Z");
    e.text = QStringLiteral("hello");
    QCOMPARE(LogFilter::format(e, true), QStringLiteral("2026-01-01 12:00:00 hello"));
    QCOMPARE(LogFilter::format(e, false), QStringLiteral("hello"));
    LogEntry app;
    app.source = LogEntry::Source::App;
    app.text = QStringLiteral("[2026-01-01 12:00:00.123] [app] [info] started");
    QCOMPARE(LogFilter::format(app, false), QStringLiteral("[app] [info] started"));
    QCOMPARE(LogFilter::format(app, true), app.text);
}

void TestLogViewer::linesArriveInBatches()
{
    LogViewer viewer;
    viewer.appendServiceLines(serviceLines(0, 10));
    // Nothing is appended synchronously: the timer batches.
    QCOMPARE(viewer.view()->document()->isEmpty(), true);
    QCOMPARE(viewer.pendingCount(), 10);
    QTRY_COMPARE(viewer.buffer().size(), 10);
    QCOMPARE(viewer.view()->blockCount(), 10);
    QCOMPARE(viewer.view()->document()->lastBlock().text(), QStringLiteral("2026-01-01 12:00:00 line 9"));
}

void TestLogViewer::streamFilterRebuildsTheView()
{
    LogViewer viewer;
    viewer.appendServiceLines(serviceLines(0, 5, LogLine::Stream::Stdout));
    viewer.appendServiceLines(serviceLines(100, 3, LogLine::Stream::Stderr));
    viewer.flush();
    QCOMPARE(viewer.view()->blockCount(), 8);
    viewer.setShowStdout(false);
    QCOMPARE(viewer.view()->blockCount(), 3);
    QVERIFY(viewer.view()->toPlainText().contains(QStringLiteral("line 100")));
    QVERIFY(!viewer.view()->toPlainText().contains(QStringLiteral("line 0")));
    viewer.setShowStdout(true);
    viewer.setShowStderr(false);
    QCOMPARE(viewer.view()->blockCount(), 5);
    viewer.setTimestamps(false);
    QCOMPARE(viewer.view()->document()->firstBlock().text(), QStringLiteral("line 0"));
}

void TestLogViewer::appLogHasALevelFilter()
{
    LogViewer viewer;
    viewer.appendAppLine(QStringLiteral("debug"), 1);
    viewer.appendAppLine(QStringLiteral("info"), 2);
    viewer.appendAppLine(QStringLiteral("error"), 4);
    viewer.appendServiceLines(serviceLines(0, 2));
    viewer.flush();
    viewer.setSource(LogEntry::Source::App);
    QCOMPARE(viewer.view()->toPlainText(), QStringLiteral("info\nerror"));
    viewer.setMinLevel(4);
    QCOMPARE(viewer.view()->toPlainText(), QStringLiteral("error"));
    viewer.setMinLevel(0);
    QCOMPARE(viewer.view()->blockCount(), 3);
}

void TestLogViewer::searchFindsNextAndPreviousAndWraps()
{
    LogViewer viewer;
    viewer.setTimestamps(false);
    viewer.appendServiceLines(serviceLines(0, 30));
    viewer.flush();
    viewer.searchEdit()->setText(QStringLiteral("line 2"));
    QTextCursor start = viewer.view()->textCursor();
    start.movePosition(QTextCursor::Start);
    viewer.view()->setTextCursor(start);
    QVERIFY(viewer.findNext());
    QCOMPARE(viewer.view()->textCursor().block().text(), QStringLiteral("line 2"));
    QVERIFY(!viewer.isFollowing()); // searching pauses following
    QVERIFY(viewer.findNext());
    QCOMPARE(viewer.view()->textCursor().block().text(), QStringLiteral("line 20"));
    QVERIFY(viewer.findPrevious());
    QCOMPARE(viewer.view()->textCursor().block().text(), QStringLiteral("line 2"));
    // Past the last match it wraps to the first.
    for (int i = 0; i < 10; ++i) {
        viewer.findNext();
    }
    QVERIFY(viewer.findNext());
    QVERIFY(viewer.view()->textCursor().block().text().startsWith(QStringLiteral("line 2")));
    viewer.searchEdit()->setText(QStringLiteral("no such text"));
    QVERIFY(!viewer.findNext());
}

void TestLogViewer::pauseHoldsTheViewAndFollowCatchesUp()
{
    LogViewer viewer;
    viewer.appendServiceLines(serviceLines(0, 5));
    viewer.flush();
    viewer.setFollowing(false);
    viewer.appendServiceLines(serviceLines(5, 5));
    viewer.flush();
    QCOMPARE(viewer.view()->blockCount(), 5);
    QCOMPARE(viewer.buffer().size(), 10);
    viewer.setFollowing(true);
    QCOMPARE(viewer.view()->blockCount(), 10);
}

void TestLogViewer::saveWritesWhatTheFilterShows()
{
    QTemporaryDir dir;
    LogViewer viewer;
    viewer.setTimestamps(false);
    viewer.appendServiceLines(serviceLines(0, 3, LogLine::Stream::Stdout));
    viewer.appendServiceLines(serviceLines(10, 2, LogLine::Stream::Stderr));
    viewer.flush();
    viewer.setShowStdout(false);
    const QString path = dir.filePath(QStringLiteral("out.log"));
    QVERIFY(viewer.saveTo(path));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("line 10\nline 11\n"));
}

void TestLogViewer::clearEmptiesBufferAndView()
{
    LogViewer viewer;
    viewer.appendServiceLines(serviceLines(0, 5));
    viewer.flush();
    viewer.clear();
    QCOMPARE(viewer.buffer().size(), 0);
    QVERIFY(viewer.view()->toPlainText().isEmpty());
}

void TestLogViewer::twoHundredThousandLinesStayBounded()
{
    LogViewer viewer;
    viewer.setBufferCapacity(20000);
    viewer.show();
    QElapsedTimer timer;
    timer.start();
    qint64 longest = 0;
    // As LogFollower delivers them: batches of 1000.
    for (int batch = 0; batch < 200; ++batch) {
        viewer.appendServiceLines(serviceLines(batch * 1000, 1000));
        if (batch % 10 == 9) {
            QElapsedTimer flushTimer;
            flushTimer.start();
            viewer.flush();
            longest = qMax(longest, flushTimer.elapsed());
        }
        QVERIFY(viewer.pendingCount() <= 20000);
    }
    viewer.flush();
    QCOMPARE(viewer.buffer().size(), 20000);
    QVERIFY(viewer.view()->blockCount() <= LogViewer::MaxViewLines);
    QCOMPARE(viewer.view()->document()->lastBlock().text(), QStringLiteral("2026-01-01 12:00:00 line 199999"));
    qInfo() << "200k lines in" << timer.elapsed() << "ms; longest flush" << longest << "ms";
}

QTEST_MAIN(TestLogViewer)
#include "TestLogViewer.moc"
