#include "app/LogViewer.h"

#include "app/Dialogs.h"
#include "app/StatusPresenter.h"
#include "core/util/AtomicFile.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

namespace occ {

namespace {
// A queue longer than this only holds lines that would be trimmed from the view right away, and from the
// buffer soon after: drop them before they cost anything.
constexpr int FlushIntervalMs = 100;
} // namespace

LogViewer::LogViewer(QWidget* parent)
    : QWidget(parent)
    , m_source(new QComboBox(this))
    , m_stdout(new QCheckBox(tr("stdout"), this))
    , m_stderr(new QCheckBox(tr("stderr"), this))
    , m_level(new QComboBox(this))
    , m_showTimestamps(new QCheckBox(tr("&Timestamps"), this))
    , m_follow(new QToolButton(this))
    , m_search(new QLineEdit(this))
    , m_prev(new QToolButton(this))
    , m_next(new QToolButton(this))
    , m_save(new QPushButton(tr("&Save…"), this))
    , m_clear(new QPushButton(tr("C&lear"), this))
    , m_view(new QPlainTextEdit(this))
    , m_state(new QLabel(this))
    , m_searchStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("LogViewer"));
    setWindowTitle(tr("opencode-cloud logs"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/opencode-cloud.svg")));
    resize(900, 560);

    setUpControls();
    layOut();
    connectControls();
    updateControls();
}

void LogViewer::setUpControls()
{
    m_source->addItem(tr("Service (container)"), int(LogEntry::Source::Service));
    m_source->addItem(tr("opencode-cloud app"), int(LogEntry::Source::App));
    m_source->setObjectName(QStringLiteral("logSource"));
    m_stdout->setChecked(true);
    m_stderr->setChecked(true);
    m_level->addItem(tr("Debug and above"), 1);
    m_level->addItem(tr("Info and above"), 2);
    m_level->addItem(tr("Warnings and errors"), 3);
    m_level->addItem(tr("Errors only"), 4);
    m_level->setCurrentIndex(1);
    m_showTimestamps->setChecked(true);
    m_follow->setText(tr("&Follow"));
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Follow new lines; turn off to pause the view"));
    m_search->setPlaceholderText(tr("Search"));
    m_search->setClearButtonEnabled(true);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_prev->setText(QStringLiteral("▲"));
    m_prev->setToolTip(tr("Previous match (Shift+F3)"));
    m_next->setText(QStringLiteral("▼"));
    m_next->setToolTip(tr("Next match (F3)"));

    m_view->setObjectName(QStringLiteral("logView"));
    m_view->setReadOnly(true);
    m_view->setUndoRedoEnabled(false);
    m_view->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_view->setMaximumBlockCount(MaxViewLines);
    m_view->setFont(QFont(QStringLiteral("monospace")));
    m_view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
}

void LogViewer::layOut()
{
    auto* top = new QHBoxLayout;
    top->addWidget(m_source);
    top->addWidget(m_stdout);
    top->addWidget(m_stderr);
    top->addWidget(m_level);
    top->addWidget(m_showTimestamps);
    top->addWidget(m_follow);
    top->addStretch(1);
    top->addWidget(m_save);
    top->addWidget(m_clear);
    auto* searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_prev);
    searchRow->addWidget(m_next);
    searchRow->addWidget(m_searchStatus);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(searchRow);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_state);
}

void LogViewer::connectControls()
{
    m_flushTimer.setInterval(FlushIntervalMs);
    connect(&m_flushTimer, &QTimer::timeout, this, &LogViewer::flush);

    connect(m_source, &QComboBox::currentIndexChanged, this,
            [this] { setSource(LogEntry::Source(m_source->currentData().toInt())); });
    connect(m_stdout, &QCheckBox::toggled, this, &LogViewer::setShowStdout);
    connect(m_stderr, &QCheckBox::toggled, this, &LogViewer::setShowStderr);
    connect(m_level, &QComboBox::currentIndexChanged, this, [this] { setMinLevel(m_level->currentData().toInt()); });
    connect(m_showTimestamps, &QCheckBox::toggled, this, &LogViewer::setTimestamps);
    connect(m_follow, &QToolButton::toggled, this, &LogViewer::setFollowing);
    connect(m_search, &QLineEdit::returnPressed, this, &LogViewer::findNext);
    connect(m_search, &QLineEdit::textChanged, this, [this] { m_searchStatus->clear(); });
    connect(m_next, &QToolButton::clicked, this, &LogViewer::findNext);
    connect(m_prev, &QToolButton::clicked, this, &LogViewer::findPrevious);
    connect(m_save, &QPushButton::clicked, this, &LogViewer::save);
    connect(m_clear, &QPushButton::clicked, this, &LogViewer::clear);
    auto* findNextKey = new QShortcut(QKeySequence::FindNext, this);
    connect(findNextKey, &QShortcut::activated, this, &LogViewer::findNext);
    auto* findPrevKey = new QShortcut(QKeySequence::FindPrevious, this);
    connect(findPrevKey, &QShortcut::activated, this, &LogViewer::findPrevious);
    auto* findKey = new QShortcut(QKeySequence::Find, this);
    connect(findKey, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
}

void LogViewer::setBufferCapacity(int capacity)
{
    m_buffer = LogBuffer(capacity);
    rebuildView();
}

LogFilter LogViewer::filter() const
{
    return m_filter;
}

void LogViewer::updateControls()
{
    const bool service = m_filter.source == LogEntry::Source::Service;
    m_stdout->setVisible(service);
    m_stderr->setVisible(service);
    m_level->setVisible(!service);
}

void LogViewer::setSource(LogEntry::Source source)
{
    m_filter.source = source;
    const QSignalBlocker block(m_source);
    m_source->setCurrentIndex(m_source->findData(int(source)));
    updateControls();
    rebuildView();
}

void LogViewer::setShowStdout(bool on)
{
    m_filter.showStdout = on;
    rebuildView();
}

void LogViewer::setShowStderr(bool on)
{
    m_filter.showStderr = on;
    rebuildView();
}

void LogViewer::setMinLevel(int level)
{
    m_filter.minLevel = level;
    rebuildView();
}

void LogViewer::setTimestamps(bool on)
{
    m_timestamps = on;
    rebuildView();
}

void LogViewer::setFollowing(bool on)
{
    if (m_following == on) {
        return;
    }
    m_following = on;
    {
        const QSignalBlocker block(m_follow);
        m_follow->setChecked(on);
    }
    if (on) {
        // Catch up with what arrived while paused.
        m_heldBack = 0;
        flush();
        rebuildView();
    }
}

void LogViewer::appendServiceLines(const QVector<LogLine>& lines)
{
    m_pending.reserve(m_pending.size() + lines.size());
    for (const LogLine& line : lines) {
        LogEntry entry;
        entry.source = LogEntry::Source::Service;
        entry.stream = line.stream == LogLine::Stream::Stderr ? LogEntry::Stream::Stderr : LogEntry::Stream::Stdout;
        entry.timestamp = line.timestamp;
        entry.text = line.text;
        m_pending.append(std::move(entry));
    }
    if (m_pending.size() > m_buffer.capacity()) {
        m_pending.remove(0, m_pending.size() - m_buffer.capacity());
    }
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void LogViewer::appendAppLine(const QString& line, int level)
{
    LogEntry entry;
    entry.source = LogEntry::Source::App;
    entry.level = level;
    entry.text = line;
    appendEntries({entry});
}

void LogViewer::appendEntries(const QVector<LogEntry>& entries)
{
    m_pending += entries;
    if (m_pending.size() > m_buffer.capacity()) {
        m_pending.remove(0, m_pending.size() - m_buffer.capacity());
    }
    if (!m_flushTimer.isActive()) {
        m_flushTimer.start();
    }
}

void LogViewer::flush()
{
    if (m_pending.isEmpty()) {
        // Nothing arrived since the last tick: stop ticking so an idle viewer costs no CPU.
        m_flushTimer.stop();
        return;
    }
    QVector<LogEntry> batch;
    batch.swap(m_pending);
    m_buffer.append(batch);
    if (!m_following) {
        m_heldBack += batch.size();
        m_state->setText(tr("Paused: %n new line(s) not shown. Turn on Follow to see them.", nullptr, m_heldBack));
        return;
    }
    // Only what the view can hold is worth formatting.
    QStringList lines;
    for (int i = batch.size() - 1; i >= 0 && lines.size() < MaxViewLines; --i) {
        if (m_filter.matches(batch[i])) {
            lines.append(LogFilter::format(batch[i], m_timestamps));
        }
    }
    if (lines.isEmpty()) {
        return;
    }
    std::reverse(lines.begin(), lines.end());
    if (lines.size() >= MaxViewLines) {
        m_view->setPlainText(lines.join(QLatin1Char('\n')));
    } else {
        m_view->appendPlainText(lines.join(QLatin1Char('\n')));
    }
    QScrollBar* bar = m_view->verticalScrollBar();
    bar->setValue(bar->maximum());
}

void LogViewer::rebuildView()
{
    const QVector<const LogEntry*> entries = m_buffer.matching(m_filter, MaxViewLines);
    QStringList lines;
    lines.reserve(entries.size());
    for (const LogEntry* entry : entries) {
        lines.append(LogFilter::format(*entry, m_timestamps));
    }
    m_view->setPlainText(lines.join(QLatin1Char('\n')));
    if (m_following) {
        QScrollBar* bar = m_view->verticalScrollBar();
        bar->setValue(bar->maximum());
        m_state->clear();
    }
}

void LogViewer::setFollowerState(const LogFollowerState& state)
{
    m_state->setText(StatusPresenter::followerText(state));
}

void LogViewer::clear()
{
    m_pending.clear();
    m_buffer.clear();
    m_heldBack = 0;
    m_view->clear();
}

bool LogViewer::find(bool backwards)
{
    const QString text = m_search->text();
    if (text.isEmpty()) {
        return false;
    }
    // Searching means reading: stop the view from scrolling away under the match.
    setFollowing(false);
    QTextDocument::FindFlags flags;
    if (backwards) {
        flags |= QTextDocument::FindBackward;
    }
    if (m_view->find(text, flags)) {
        m_searchStatus->clear();
        return true;
    }
    // Wrap around.
    QTextCursor cursor = m_view->textCursor();
    cursor.movePosition(backwards ? QTextCursor::End : QTextCursor::Start);
    m_view->setTextCursor(cursor);
    const bool found = m_view->find(text, flags);
    m_searchStatus->setText(found ? tr("Wrapped around") : tr("Not found"));
    return found;
}

bool LogViewer::findNext()
{
    return find(false);
}

bool LogViewer::findPrevious()
{
    return find(true);
}

bool LogViewer::saveTo(const QString& path, QString* error) const
{
    // Through AtomicFile: a buffered QSaveFile reports success on a full disk and leaves an empty file.
    // The buffer is bounded (setMaximumBlockCount), so its text fits in memory.
    QByteArray text;
    const QVector<const LogEntry*> entries = m_buffer.matching(m_filter, m_buffer.size());
    for (const LogEntry* entry : entries) {
        text += LogFilter::format(*entry, m_timestamps).toUtf8();
        text += '\n';
    }
    const auto written = AtomicFile::write(path, text);
    if (!written) {
        if (error) {
            *error = written.error().toString();
        }
        return false;
    }
    return true;
}

void LogViewer::save()
{
    const QString suggested = QDir::homePath()
        + QStringLiteral("/opencode-cloud-%1.log")
              .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    const QString path = Dialogs::saveFileName(this, tr("Save log"), suggested, tr("Log files (*.log *.txt)"));
    if (path.isEmpty()) {
        return;
    }
    QString error;
    if (!saveTo(path, &error)) {
        Dialogs::critical(this, tr("Save log"), tr("Could not save %1: %2").arg(path, error));
    }
}

void LogViewer::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    Q_EMIT visibilityChanged(true);
}

void LogViewer::hideEvent(QHideEvent* event)
{
    QWidget::hideEvent(event);
    Q_EMIT visibilityChanged(false);
}

} // namespace occ
