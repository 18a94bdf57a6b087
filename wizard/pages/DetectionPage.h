#pragma once

#include "core/detection/DetectionResult.h"
#include "wizard/pages/SetupPage.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;

namespace occ {

// Renders Detection's result: a checklist, and for each problem a fix with a command to copy and Retry.
// Next stays disabled until the engine answers.
class DetectionPage : public SetupPage
{
    Q_OBJECT
public:
    explicit DetectionPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    void retry();
    // Shows a result (what Detection::finished delivers; tests call it directly).
    void showResult(const DetectionResult& result);
    const DetectionResult& result() const { return m_result; }
    bool isChecking() const { return m_checking; }
    QPushButton* retryButton() const { return m_retry; }

private:
    static QString engineText(const DetectionResult& result);
    static QString existingText(const DetectionResult& result);
    void showPort(const DetectionResult& result);
    void showFixes(const DetectionResult& result);
    void clearFixes();

    QProgressBar* m_busy;
    QLabel* m_engine;
    QLabel* m_existing;
    QLabel* m_port;
    QWidget* m_fixes;
    QVBoxLayout* m_fixesLayout;
    QPushButton* m_retry;
    DetectionResult m_result;
    bool m_checking = false;
    bool m_connected = false;
};

} // namespace occ
