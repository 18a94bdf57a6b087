#pragma once

#include <QWizardPage>

namespace occ {

class SetupWizard;

// The pages' common base: access to the wizard's choices, and Back keeps what was entered (QWizard's
// default cleanupPage() would reset registered fields to their initial values).
class SetupPage : public QWizardPage
{
    Q_OBJECT
public:
    using QWizardPage::QWizardPage;

    void cleanupPage() override { }

protected:
    SetupWizard* setupWizard() const;
};

} // namespace occ
