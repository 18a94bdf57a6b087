#pragma once

#include "wizard/pages/SetupPage.h"

namespace occ {

class PersistenceWidget;

class PersistencePage : public SetupPage
{
    Q_OBJECT
public:
    explicit PersistencePage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    PersistenceWidget* persistenceWidget() const { return m_widget; }

private:
    PersistenceWidget* m_widget;
};

} // namespace occ
