#pragma once

#include "wizard/pages/SetupPage.h"

class QLabel;

namespace occ {

class WelcomePage : public SetupPage
{
    Q_OBJECT
public:
    explicit WelcomePage(QWidget* parent = nullptr);
    void initializePage() override;
    int nextId() const override;

private:
    QLabel* m_text;
};

} // namespace occ
