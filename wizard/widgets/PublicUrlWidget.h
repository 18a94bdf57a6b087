#pragma once

#include "wizard/SetupChoices.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace occ {

// The URL people open when the service sits behind a load balancer or reverse proxy, and where that proxy
// runs. Shared by the wizard's proxy page and the settings dialog.
class PublicUrlWidget : public QWidget
{
    Q_OBJECT
public:
    explicit PublicUrlWidget(QWidget* parent = nullptr);

    void load(const SetupChoices& choices);
    void save(SetupChoices& choices) const;
    // Empty when the URL can be saved; else what is wrong with it.
    QString problem() const;
    bool isValid() const { return problem().isEmpty(); }

    QLineEdit* urlEdit() const { return m_url; }
    QCheckBox* proxyHereBox() const { return m_proxyHere; }

Q_SIGNALS:
    void changed();

private:
    void updateStatus();

    QLineEdit* m_url;
    QCheckBox* m_proxyHere;
    QLabel* m_status;
};

} // namespace occ
