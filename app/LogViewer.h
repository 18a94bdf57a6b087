#pragma once

#include "app/LogBuffer.h"
#include "app/LogFilter.h"
#include "core/service/LogFollower.h"

#include <QTimer>
#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace occ {

// The log window: the service's container logs and the app's own log, one at a time. A read-only
// QPlainTextEdit with setMaximumBlockCount over a bounded LogBuffer; incoming lines are queued and
// appended in batches by a timer, so neither a flood of lines nor a slow widget blocks the UI thread.
class LogViewer : public QWidget
{
    Q_OBJECT
public:
    explicit LogViewer(QWidget* parent = nullptr);

    // The view shows at most this many lines; the buffer keeps bufferCapacity (for filters and save).
    static constexpr int MaxViewLines = 5000;

    void setBufferCapacity(int capacity);
    const LogBuffer& buffer() const { return m_buffer; }
    QPlainTextEdit* view() const { return m_view; }
    QLineEdit* searchEdit() const { return m_search; }
    int pendingCount() const { return m_pending.size(); }
    LogFilter filter() const;

    void setSource(LogEntry::Source source);
    void setShowStdout(bool on);
    void setShowStderr(bool on);
    void setMinLevel(int level);
    void setTimestamps(bool on);
    void setFollowing(bool on);
    bool isFollowing() const { return m_following; }

    // Search from the cursor; wraps around. Returns whether something was found.
    bool findNext();
    bool findPrevious();
    // Writes what the current filter shows, from the whole buffer, to path.
    bool saveTo(const QString& path, QString* error = nullptr) const;

public Q_SLOTS:
    void appendServiceLines(const QVector<occ::LogLine>& lines);
    void appendAppLine(const QString& line, int level);
    void appendEntries(const QVector<occ::LogEntry>& entries);
    void setFollowerState(const occ::LogFollowerState& state);
    void clear();
    // Moves queued lines into the buffer and the view now (the timer calls it; tests too).
    void flush();

Q_SIGNALS:
    void visibilityChanged(bool visible);

protected:
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    // The constructor's three steps: configure the widgets, place them, wire them.
    void setUpControls();
    void layOut();
    void connectControls();
    void rebuildView();
    bool find(bool backwards);
    void save();
    void updateControls();

    LogBuffer m_buffer;
    QVector<LogEntry> m_pending;
    QTimer m_flushTimer;
    LogFilter m_filter;
    bool m_timestamps = true;
    bool m_following = true;
    int m_heldBack = 0; // lines that arrived while paused

    QComboBox* m_source;
    QCheckBox* m_stdout;
    QCheckBox* m_stderr;
    QComboBox* m_level;
    QCheckBox* m_showTimestamps;
    QToolButton* m_follow;
    QLineEdit* m_search;
    QToolButton* m_prev;
    QToolButton* m_next;
    QPushButton* m_save;
    QPushButton* m_clear;
    QPlainTextEdit* m_view;
    QLabel* m_state;
    QLabel* m_searchStatus;
};

} // namespace occ
