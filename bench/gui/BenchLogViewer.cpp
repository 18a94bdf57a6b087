// Feeds the log viewer 1,000,000 lines the way LogFollower does (batches from a worker thread, queued
// to the UI thread) and reports peak RSS and the longest UI stall, measured by a 10 ms QTimer on the UI
// thread whose lateness is recorded. Targets: memory bounded, no stall over 100 ms.
//   QT_QPA_PLATFORM=offscreen bench_logviewer [lines] [batch]
#include "app/LogViewer.h"
#include "app/Resources.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTextStream>
#include <QThread>
#include <QTimer>

namespace {
long statusKb(const char* key)
{
    QFile file(QStringLiteral("/proc/self/status"));
    if (!file.open(QIODevice::ReadOnly)) {
        return -1;
    }
    const QList<QByteArray> lines = file.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith(key)) {
            return line.mid(qstrlen(key)).trimmed().split(' ').first().toLong();
        }
    }
    return -1;
}

class Producer : public QObject
{
    Q_OBJECT
public:
    Q_SIGNAL void lines(const QVector<occ::LogLine>& lines);
    Q_SIGNAL void done();
};
} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    occ::initResources();
    const int total = argc > 1 ? QByteArray(argv[1]).toInt() : 1000000;
    const int batch = argc > 2 ? QByteArray(argv[2]).toInt() : 1000;
    QTextStream out(stdout);

    occ::LogViewer viewer;
    viewer.show();
    const long rssBefore = statusKb("VmRSS:");

    // The stall probe: a 10 ms timer; anything later than that is time the UI thread was busy.
    QElapsedTimer clock;
    clock.start();
    qint64 expected = 10;
    qint64 worstLateness = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(10);
    QObject::connect(&probe, &QTimer::timeout, &app, [&] {
        const qint64 now = clock.elapsed();
        worstLateness = qMax(worstLateness, now - expected);
        expected = now + 10;
    });
    probe.start();

    Producer producer;
    QObject::connect(&producer, &Producer::lines, &viewer, &occ::LogViewer::appendServiceLines, Qt::QueuedConnection);
    QThread thread;
    producer.moveToThread(&thread);
    QElapsedTimer feed;
    qint64 feedMs = 0;
    QObject::connect(&thread, &QThread::started, &producer, [&] {
        for (int sent = 0; sent < total; sent += batch) {
            QVector<occ::LogLine> lines;
            lines.reserve(batch);
            for (int i = sent; i < sent + batch && i < total; ++i) {
                occ::LogLine line;
                line.timestamp = QStringLiteral("2026-01-01T12:00:00.123456789Z");
                line.text = QStringLiteral("GET /api/session/%1 200 %2ms user-agent=Mozilla/5.0").arg(i).arg(i % 97);
                line.stream = i % 10 == 0 ? occ::LogLine::Stream::Stderr : occ::LogLine::Stream::Stdout;
                lines.append(std::move(line));
            }
            Q_EMIT producer.lines(lines);
            // A fast but real service: about 100k lines per second.
            QThread::msleep(10);
        }
        Q_EMIT producer.done();
    });
    QObject::connect(&producer, &Producer::done, &app, [&] {
        feedMs = feed.elapsed();
        // Let the viewer drain what is queued, then stop.
        QTimer::singleShot(500, &app, &QCoreApplication::quit);
    });
    feed.start();
    thread.start();
    app.exec();
    thread.quit();
    thread.wait();

    out << "lines fed:            " << total << " in " << feedMs << " ms (batches of " << batch << ")\n";
    out << "buffer entries:       " << viewer.buffer().size() << " (capacity " << viewer.buffer().capacity() << ")\n";
    out << "view blocks:          " << viewer.view()->blockCount() << " (max " << occ::LogViewer::MaxViewLines << ")\n";
    out << "RSS before / after:   " << rssBefore / 1024 << " MB / " << statusKb("VmRSS:") / 1024 << " MB\n";
    out << "peak RSS (VmHWM):     " << statusKb("VmHWM:") / 1024 << " MB\n";
    out << "longest UI stall:     " << worstLateness << " ms (target <= 100)\n";
    return 0;
}

#include "BenchLogViewer.moc"
