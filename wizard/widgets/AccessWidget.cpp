#include "wizard/widgets/AccessWidget.h"

#include "core/service/PortProbe.h"

#include <QButtonGroup>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace occ {

AccessWidget::AccessWidget(QWidget* parent)
    : QWidget(parent)
    , m_local(new QRadioButton(tr("Only this computer (recommended)"), this))
    , m_lan(new QRadioButton(tr("Other devices on my network (LAN)"), this))
    , m_proxy(new QRadioButton(tr("Behind a load balancer or reverse proxy (public URL)"), this))
    , m_group(new QButtonGroup(this))
    , m_port(new QSpinBox(this))
    , m_portStatus(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_portCheck(&PortProbe::isFree)
{
    m_local->setObjectName(QStringLiteral("accessLocal"));
    m_lan->setObjectName(QStringLiteral("accessLan"));
    m_proxy->setObjectName(QStringLiteral("accessProxy"));
    m_port->setObjectName(QStringLiteral("port"));
    m_group->addButton(m_local, static_cast<int>(SetupChoices::Access::Local));
    m_group->addButton(m_lan, static_cast<int>(SetupChoices::Access::Lan));
    m_group->addButton(m_proxy, static_cast<int>(SetupChoices::Access::Proxy));
    m_local->setChecked(true);
    m_port->setRange(1, 65535);
    m_port->setValue(4096);
    m_port->setAccessibleName(tr("Port"));
    m_hint->setWordWrap(true);
    m_hint->setContentsMargins(0, 6, 0, 6);
    m_port->setMaximumWidth(m_port->fontMetrics().horizontalAdvance(QStringLiteral("65535")) + 60);
    m_portStatus->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_local);
    layout->addWidget(m_lan);
    layout->addWidget(m_proxy);
    layout->addWidget(m_hint);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    form->addRow(tr("&Port:"), m_port);
    form->addRow(QString(), m_portStatus);
    layout->addLayout(form);

    connect(m_group, &QButtonGroup::idToggled, this, [this](int, bool checked) {
        if (checked) {
            updateHint();
            updatePortStatus();
            Q_EMIT changed();
        }
    });
    connect(m_port, &QSpinBox::valueChanged, this, [this] {
        updatePortStatus();
        Q_EMIT changed();
    });
    updateHint();
}

void AccessWidget::setPortCheck(PortCheck check)
{
    m_portCheck = std::move(check);
    updatePortStatus();
}

SetupChoices::Access AccessWidget::access() const
{
    return static_cast<SetupChoices::Access>(m_group->checkedId());
}

int AccessWidget::port() const
{
    return m_port->value();
}

void AccessWidget::load(const SetupChoices& choices)
{
    const QSignalBlocker blockGroup(m_group);
    const QSignalBlocker blockPort(m_port);
    m_group->button(static_cast<int>(choices.access))->setChecked(true);
    m_port->setValue(choices.port);
    updateHint();
    updatePortStatus();
}

void AccessWidget::save(SetupChoices& choices) const
{
    choices.access = access();
    choices.port = port();
}

void AccessWidget::updateHint()
{
    switch (access()) {
    case SetupChoices::Access::Local:
        m_hint->setText(tr("The web UI listens on 127.0.0.1: nothing outside this computer can connect."));
        break;
    case SetupChoices::Access::Lan:
        m_hint->setText(tr("The web UI listens on all interfaces. Anyone on your network can reach the login "
                           "page, so a strong password is required. Traffic is not encrypted."));
        break;
    case SetupChoices::Access::Proxy:
        m_hint->setText(tr("Your proxy terminates TLS and forwards to this port. You will enter the public "
                           "URL on the next page."));
        break;
    }
}

void AccessWidget::updatePortStatus()
{
    SetupChoices probe;
    probe.access = access();
    const int value = port();
    m_portFree = value == m_ownPort || !m_portCheck || m_portCheck(probe.bind(), value);
    if (value == m_ownPort) {
        m_portStatus->setText(tr("Port %1 is used by your opencode-cloud service.").arg(value));
    } else if (m_portFree) {
        m_portStatus->setText(tr("Port %1 is free.").arg(value));
    } else {
        m_portStatus->setText(tr("<b>Port %1 is already in use.</b> Choose another port.").arg(value));
    }
}

} // namespace occ
