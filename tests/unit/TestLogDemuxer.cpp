#include "core/docker/LogDemuxer.h"

#include <QTest>

using occ::LogDemuxer;
using occ::LogFrame;

namespace {

QByteArray frame(int stream, const QByteArray& payload)
{
    QByteArray header(8, '\0');
    header[0] = char(stream);
    const quint32 size = quint32(payload.size());
    header[4] = char((size >> 24) & 0xff);
    header[5] = char((size >> 16) & 0xff);
    header[6] = char((size >> 8) & 0xff);
    header[7] = char(size & 0xff);
    return header + payload;
}

QString describe(const QVector<LogFrame>& frames)
{
    QStringList parts;
    for (const LogFrame& f : frames) {
        parts.append(QStringLiteral("%1:%2").arg(f.stream).arg(QString::fromLatin1(f.payload.toHex())));
    }
    return parts.join(QLatin1Char(' '));
}

} // namespace

class TestLogDemuxer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void splitAnywhere_data();
    void splitAnywhere();
    void everyByteAlone();
    void badHeader_data();
    void badHeader();
    void truncatedStreamIsNotAtBoundary();
    void frameAnnouncingFourGiBWaitsForItsBytes();
    void largeFrameAcrossManyChunks();
    void pointerCallbackDoesNotCopyWholeFrames();
};

void TestLogDemuxer::splitAnywhere_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<QVector<LogFrame>>("expected");

    QTest::newRow("one stdout frame") << frame(1, "hello\n") << QVector<LogFrame>{{1, "hello\n"}};
    QTest::newRow("stdout then stderr") << frame(1, "out\n") + frame(2, "err\n")
                                        << QVector<LogFrame>{{1, "out\n"}, {2, "err\n"}};
    QTest::newRow("an empty payload is a frame of its own")
        << frame(1, "") + frame(2, "x") << QVector<LogFrame>{{1, ""}, {2, "x"}};
    QTest::newRow("payload bytes that look like headers stay payload")
        << frame(2, QByteArray("\x01\0\0\0\0\0\0\x05", 8)) + frame(1, "z")
        << QVector<LogFrame>{{2, QByteArray("\x01\0\0\0\0\0\0\x05", 8)}, {1, "z"}};
    QTest::newRow("stdin type 0 is accepted") << frame(0, "in") << QVector<LogFrame>{{0, "in"}};
    QTest::newRow("300-byte payload (size uses two bytes)")
        << frame(1, QByteArray(300, 'a')) << QVector<LogFrame>{{1, QByteArray(300, 'a')}};
}

// Feeds the stream split in two at every position: the frames must not depend on the split.
void TestLogDemuxer::splitAnywhere()
{
    QFETCH(QByteArray, stream);
    QFETCH(QVector<LogFrame>, expected);
    for (int split = 0; split <= stream.size(); ++split) {
        LogDemuxer demuxer;
        QVector<LogFrame> frames = demuxer.feed(stream.left(split));
        frames += demuxer.feed(stream.mid(split));
        QVERIFY2(!demuxer.hasError(), qPrintable(demuxer.errorString()));
        QCOMPARE(describe(frames), describe(expected));
        QVERIFY(demuxer.isAtFrameBoundary());
    }
}

void TestLogDemuxer::everyByteAlone()
{
    const QByteArray stream = frame(1, "a") + frame(2, "bc") + frame(1, "") + frame(1, "def\n");
    LogDemuxer demuxer;
    QVector<LogFrame> frames;
    for (char c : stream) {
        frames += demuxer.feed(QByteArray(1, c));
    }
    QCOMPARE(describe(frames), describe({{1, "a"}, {2, "bc"}, {1, ""}, {1, "def\n"}}));
}

void TestLogDemuxer::badHeader_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::addColumn<int>("framesBefore");
    QTest::newRow("a TTY stream (plain text) is not framed") << QByteArray("hello world\n") << 0;
    QTest::newRow("stream type 3 is rejected") << QByteArray("\x03\0\0\0\0\0\0\x01x", 9) << 0;
    QTest::newRow("non-zero padding is rejected") << QByteArray("\x01\0\x01\0\0\0\0\x01x", 9) << 0;
    QTest::newRow("good frames before the bad header are kept")
        << frame(1, "ok") + QByteArray("\x01\x01\0\0\0\0\0\x01x", 9) << 1;
}

void TestLogDemuxer::badHeader()
{
    QFETCH(QByteArray, stream);
    QFETCH(int, framesBefore);
    LogDemuxer demuxer;
    const QVector<LogFrame> frames = demuxer.feed(stream);
    QVERIFY(demuxer.hasError());
    QCOMPARE(frames.size(), framesBefore);
    // Once broken it stays broken: later bytes are not guessed at.
    QVERIFY(demuxer.feed(frame(1, "more")).isEmpty());
    demuxer.reset();
    QVERIFY(!demuxer.hasError());
    QCOMPARE(demuxer.feed(frame(1, "more")).size(), 1);
}

void TestLogDemuxer::truncatedStreamIsNotAtBoundary()
{
    LogDemuxer demuxer;
    demuxer.feed(frame(1, "abcdef").left(10));
    QVERIFY(!demuxer.isAtFrameBoundary());
    LogDemuxer headerOnly;
    headerOnly.feed(frame(1, "x").left(3));
    QVERIFY(!headerOnly.isAtFrameBoundary());
}

void TestLogDemuxer::frameAnnouncingFourGiBWaitsForItsBytes()
{
    // Found by FuzzLogDemuxer (tests/fuzz/crashes/FuzzLogDemuxer): the announced size used to be reserved
    // at once. The fuzz test replays that input with a 1 GiB allocation limit; here, what the caller sees.
    LogDemuxer demuxer;
    QByteArray header("\x01\0\0\0\xff\xff\xff\xfe", 8);
    QVector<LogFrame> frames = demuxer.feed(header + QByteArray(4096, 'x'));
    QVERIFY(frames.isEmpty());
    QVERIFY(!demuxer.hasError());
    QVERIFY(!demuxer.isAtFrameBoundary());
}

void TestLogDemuxer::largeFrameAcrossManyChunks()
{
    QByteArray payload(1 << 20, '\0');
    for (int i = 0; i < payload.size(); ++i) {
        payload[i] = char(i * 7);
    }
    const QByteArray stream = frame(2, payload) + frame(1, "tail");
    LogDemuxer demuxer;
    QVector<LogFrame> frames;
    for (int pos = 0; pos < stream.size(); pos += 4093) {
        frames += demuxer.feed(stream.mid(pos, 4093));
    }
    QCOMPARE(frames.size(), 2);
    QCOMPARE(frames[0].stream, 2);
    QVERIFY(frames[0].payload == payload);
    QCOMPARE(frames[1].payload, QByteArray("tail"));
}

void TestLogDemuxer::pointerCallbackDoesNotCopyWholeFrames()
{
    const QByteArray stream = frame(1, "first") + frame(2, "second");
    LogDemuxer demuxer;
    QVector<const char*> pointers;
    demuxer.feed(stream.constData(), size_t(stream.size()),
                 [&pointers](int, const char* data, size_t) { pointers.append(data); });
    QCOMPARE(pointers.size(), 2);
    QCOMPARE(pointers[0], stream.constData() + 8);
    QCOMPARE(pointers[1], stream.constData() + 8 + 5 + 8);
}

QTEST_GUILESS_MAIN(TestLogDemuxer)
#include "TestLogDemuxer.moc"
