#pragma once

#include "wizard/pages/SetupPage.h"

namespace occ {

class CredentialsWidget;

class CredentialsPage : public SetupPage
{
    Q_OBJECT
public:
    explicit CredentialsPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    CredentialsWidget* credentialsWidget() const { return m_widget; }

private:
    CredentialsWidget* m_widget;
    bool m_loaded = false;
};

} // namespace occ
