#pragma once

#include "core/service/ServiceController.h"
#include "core/service/ServiceOperation.h"
#include "wizard/pages/SetupPage.h"

class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace occ {

// The only page with side effects: saves the config and the password, sets "start at login", then starts
// the service with a real progress bar and a log pane. Cancel stops the start at its next step.
class ApplyPage : public SetupPage
{
    Q_OBJECT
public:
    explicit ApplyPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    int nextId() const override;

    bool isRunning() const { return m_running; }
    bool succeeded() const { return m_done && m_serviceOk; }
    bool saved() const { return m_saved; }
    QString errorText() const { return m_errorText; }
    void cancel();

    QProgressBar* progressBar() const { return m_progress; }
    QPlainTextEdit* logPane() const { return m_log; }
    QPushButton* retryButton() const { return m_retry; }

private:
    void apply();
    void fail(const QString& message, const QString& advice = QString());
    void handleProgress(const occ::ServiceProgress& progress);
    void handleFinished(const occ::ServiceOutcome& outcome);
    void log(const QString& line);

    QLabel* m_status;
    QProgressBar* m_progress;
    QPlainTextEdit* m_log;
    QLabel* m_error;
    QPushButton* m_retry;
    bool m_connected = false;
    bool m_running = false;
    bool m_done = false;
    bool m_saved = false;
    bool m_serviceOk = false;
    QString m_errorText;
};

} // namespace occ
