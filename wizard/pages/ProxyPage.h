#pragma once

#include "wizard/pages/SetupPage.h"

namespace occ {

class PublicUrlWidget;

// Only for "behind a load balancer or proxy": the public URL and where the proxy runs.
class ProxyPage : public SetupPage
{
    Q_OBJECT
public:
    explicit ProxyPage(QWidget* parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

    PublicUrlWidget* publicUrlWidget() const { return m_widget; }

private:
    PublicUrlWidget* m_widget;
};

} // namespace occ
