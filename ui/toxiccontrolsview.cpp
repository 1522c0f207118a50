#include "toxiccontrolsview.h"

#include "proxytoxicspage.h"

#include "toxiproxy/servermonitor.h"

#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace chaoslab::ui {

using toxiproxy::ServerMonitor;

ToxicControlsView::ToxicControlsView(
    toxiproxy::ToxiproxyClient* client, ServerMonitor* monitor, EventLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_monitor(monitor)
    , m_log(log)
    , m_title(new QLabel(this))
    , m_stack(new QStackedWidget(this))
    , m_placeholder(new QLabel(this))
{
    setAccessibleName(tr("Toxic controls"));
    m_title->setProperty("role", QStringLiteral("heading"));
    m_title->setContentsMargins(10, 6, 10, 0);

    m_placeholder->setText(tr("Select a proxy to switch its toxics on and off."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setProperty("role", QStringLiteral("muted"));
    m_stack->addWidget(m_placeholder);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_stack, 1);

    const auto applyNamed = [this](const QString& proxy) { applyProxy(proxy); };
    connect(monitor, &ServerMonitor::proxyAdded, this,
        [this](const toxiproxy::Proxy& proxy) { applyProxy(proxy.name); });
    connect(monitor, &ServerMonitor::proxyChanged, this,
        [this](const toxiproxy::Proxy& proxy) { applyProxy(proxy.name); });
    connect(monitor, &ServerMonitor::proxyRemoved, this, &ToxicControlsView::removePage);
    connect(monitor, &ServerMonitor::toxicAdded, this, applyNamed);
    connect(monitor, &ServerMonitor::toxicRemoved, this, applyNamed);
    connect(monitor, &ServerMonitor::toxicChanged, this, applyNamed);
    showProxy({});
}

ProxyToxicsPage* ToxicControlsView::page(const QString& name) const
{
    auto* area = m_pages.value(name);
    return area ? static_cast<ProxyToxicsPage*>(area->widget()) : nullptr;
}

void ToxicControlsView::showProxy(const QString& name)
{
    m_shown = name;
    const auto* proxy = m_monitor ? m_monitor->findProxy(name) : nullptr;
    if (!proxy) {
        m_title->setText(tr("Toxics"));
        m_stack->setCurrentWidget(m_placeholder);
        return;
    }
    m_title->setText(tr("Toxics of %1").arg(name));
    auto* area = m_pages.value(name);
    if (!area) {
        area = new QScrollArea(m_stack);
        area->setWidgetResizable(true);
        area->setAccessibleName(tr("Toxics of %1").arg(name));
        area->setFrameShape(QFrame::NoFrame);
        area->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
        area->setWidget(new ProxyToxicsPage(m_client, name, m_log, area));
        m_stack->addWidget(area);
        m_pages.insert(name, area);
        applyProxy(name);
    }
    m_stack->setCurrentWidget(area);
}

void ToxicControlsView::applyProxy(const QString& name)
{
    auto* shownPage = page(name);
    const auto* proxy = m_monitor ? m_monitor->findProxy(name) : nullptr;
    if (shownPage && proxy)
        shownPage->applyServerState(*proxy, m_monitor->snapshotRequestedAt());
    // A proxy selected before the monitor saw it gets its page when it appears.
    if (name == m_shown && !shownPage && proxy)
        showProxy(name);
}

void ToxicControlsView::removePage(const QString& name)
{
    if (auto* area = m_pages.take(name))
        area->deleteLater();
    if (name == m_shown)
        showProxy({});
}

void ToxicControlsView::forgetServerState()
{
    for (auto* area : std::as_const(m_pages))
        static_cast<ProxyToxicsPage*>(area->widget())->forgetServerState();
}

void ToxicControlsView::finishReset(bool confirmed)
{
    for (auto* area : std::as_const(m_pages))
        static_cast<ProxyToxicsPage*>(area->widget())->finishReset(confirmed);
    if (!confirmed)
        reapplyServerState();
}

void ToxicControlsView::reapplyServerState()
{
    for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
        applyProxy(it.key());
}

} // namespace chaoslab::ui
