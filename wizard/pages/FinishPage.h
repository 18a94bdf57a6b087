#pragma once

#include "wizard/pages/SetupPage.h"

class QLabel;
class QLineEdit;
class QPushButton;

namespace occ {

// The address, the password to copy, and a button that opens the browser.
class FinishPage : public SetupPage
{
    Q_OBJECT
public:
    explicit FinishPage(QWidget* parent = nullptr);

    void initializePage() override;
    int nextId() const override { return -1; }

    QLineEdit* urlEdit() const { return m_url; }
    QPushButton* openButton() const { return m_open; }
    QPushButton* copyPasswordButton() const { return m_copyPassword; }

private:
    QLabel* m_text;
    QLineEdit* m_url;
    QLineEdit* m_user;
    QLineEdit* m_password;
    QPushButton* m_open;
    QPushButton* m_copyPassword;
};

} // namespace occ
