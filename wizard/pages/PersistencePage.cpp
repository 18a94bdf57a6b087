#include "wizard/pages/PersistencePage.h"

#include "core/detection/Detection.h"
#include "wizard/SetupWizard.h"
#include "wizard/widgets/PersistenceWidget.h"

#include <QVBoxLayout>

namespace occ {

PersistencePage::PersistencePage(QWidget* parent)
    : SetupPage(parent)
    , m_widget(new PersistenceWidget(this))
{
    setObjectName(QStringLiteral("PersistencePage"));
    setTitle(tr("Where your work is kept"));
    setSubTitle(tr("Everything survives restarts and updates. Nothing is ever deleted by setup."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_widget);
    connect(m_widget, &PersistenceWidget::changed, this, &PersistencePage::completeChanged);
}

void PersistencePage::initializePage()
{
    m_widget->load(setupWizard()->choices());
    if (const Detection* detection = setupWizard()->detection()) {
        m_widget->setExistingVolumes(detection->result().volumes);
    }
}

bool PersistencePage::isComplete() const
{
    return m_widget->isValid();
}

bool PersistencePage::validatePage()
{
    m_widget->save(setupWizard()->choices());
    return true;
}

int PersistencePage::nextId() const
{
    return SetupWizard::RestartId;
}

} // namespace occ
