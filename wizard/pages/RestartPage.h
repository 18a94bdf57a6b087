#pragma once

#include "wizard/pages/SetupPage.h"

class QCheckBox;
class QLabel;

namespace occ {

class RestartPolicyWidget;

// Restart policy and start at login, then a summary; its Next button says "Apply".
class RestartPage : public SetupPage
{
    Q_OBJECT
public:
    explicit RestartPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    int nextId() const override;

    RestartPolicyWidget* restartWidget() const { return m_widget; }
    QCheckBox* startNowBox() const { return m_startNow; }

private:
    RestartPolicyWidget* m_widget;
    QCheckBox* m_startNow;
    QLabel* m_summary;
};

} // namespace occ
