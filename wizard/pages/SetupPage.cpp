#include "wizard/pages/SetupPage.h"

#include "wizard/SetupWizard.h"

namespace occ {

SetupWizard* SetupPage::setupWizard() const
{
    return qobject_cast<SetupWizard*>(wizard());
}

} // namespace occ
