#pragma once

#include "wizard/pages/SetupPage.h"

namespace occ {

class AccessWidget;

// Who may connect, and the port. Branches: a proxy setup asks for its public URL next.
class AccessPage : public SetupPage
{
    Q_OBJECT
public:
    explicit AccessPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    AccessWidget* accessWidget() const { return m_widget; }

private:
    AccessWidget* m_widget;
};

} // namespace occ
