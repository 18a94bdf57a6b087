#pragma once

#include "wizard/SetupChoices.h"

#include <QWidget>

#include <functional>

class QButtonGroup;
class QLabel;
class QRadioButton;
class QSpinBox;

namespace occ {

// Who may reach the service (this machine, the LAN, a proxy) and on which port. Shared by the wizard's
// access page and the settings dialog.
class AccessWidget : public QWidget
{
    Q_OBJECT
public:
    using PortCheck = std::function<bool(const QString& bind, int port)>;

    explicit AccessWidget(QWidget* parent = nullptr);

    void load(const SetupChoices& choices);
    void save(SetupChoices& choices) const;

    SetupChoices::Access access() const;
    int port() const;
    // A port our own service already publishes is not "taken" (re-running setup).
    void setOwnPort(int port) { m_ownPort = port; }
    void setPortCheck(PortCheck check);

    QRadioButton* localButton() const { return m_local; }
    QRadioButton* lanButton() const { return m_lan; }
    QRadioButton* proxyButton() const { return m_proxy; }
    QSpinBox* portSpin() const { return m_port; }
    bool portFree() const { return m_portFree; }

Q_SIGNALS:
    void changed();

private:
    void updatePortStatus();
    void updateHint();

    QRadioButton* m_local;
    QRadioButton* m_lan;
    QRadioButton* m_proxy;
    QButtonGroup* m_group;
    QSpinBox* m_port;
    QLabel* m_portStatus;
    QLabel* m_hint;
    PortCheck m_portCheck;
    int m_ownPort = 0;
    bool m_portFree = true;
};

} // namespace occ
