#include "proxytoxicspage.h"

#include "toxiccatalog.h"
#include "toxiceditor.h"
#include "toxictypepanel.h"

#include <QMap>
#include <QVBoxLayout>

namespace chaoslab::ui {

using toxiproxy::Toxic;
using toxiproxy::ToxicStream;

namespace {

struct GroupKey
{
    QString type;
    QString name;
    bool paired = true;

    bool operator<(const GroupKey& other) const
    {
        return std::tie(type, name, paired) < std::tie(other.type, other.name, other.paired);
    }
};

// "latency_downstream" on the downstream is the downstream half of console toxic
// "latency"; any other name is a console toxic of its own.
GroupKey groupKeyOf(const Toxic& toxic)
{
    const QString suffix = u'_' + toxiproxy::streamName(toxic.stream);
    if (toxic.name.endsWith(suffix) && toxic.name.size() > suffix.size())
        return { toxic.type, toxic.name.chopped(suffix.size()), true };
    return { toxic.type, toxic.name, false };
}

} // namespace

ProxyToxicsPage::ProxyToxicsPage(
    toxiproxy::ToxiproxyClient* client, const QString& proxy, EventLogModel* log, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_proxy(proxy)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(10);
    for (const auto& spec : ToxicCatalog::types()) {
        auto* panel = new ToxicTypePanel(client, proxy, spec, log, this);
        connect(panel, &ToxicTypePanel::addAnotherRequested, this,
            [this, panel] { panel->addAnother(m_serverToxicNames); });
        layout->addWidget(panel);
        m_panels.push_back(panel);
    }
    layout->addStretch(1);
}

ToxicTypePanel* ProxyToxicsPage::panel(const QString& type) const
{
    for (auto* panel : m_panels) {
        if (panel->type() == type)
            return panel;
    }
    return nullptr;
}

ToxicEditor* ProxyToxicsPage::editor(const QString& type, const QString& name) const
{
    auto* typePanel = panel(type);
    if (!typePanel)
        return nullptr;
    if (auto* found = typePanel->find(name, true))
        return found;
    return typePanel->find(name, false);
}

void ProxyToxicsPage::applyServerState(
    const toxiproxy::Proxy& proxy, ToxicSync::Clock::time_point requestedAt)
{
    QMap<GroupKey, ToxicSync::ServerPair> groups;
    m_serverToxicNames.clear();
    for (const auto& toxic : proxy.toxics) {
        m_serverToxicNames.append(toxic.name);
        if (!ToxicCatalog::find(toxic.type))
            continue;
        const int index = toxic.stream == ToxicStream::Upstream ? 0 : 1;
        groups[groupKeyOf(toxic)][index] = toxic;
    }

    for (auto* typePanel : m_panels) {
        for (auto* editor : typePanel->editors()) {
            const auto& identity = editor->identity();
            editor->applyServerState(
                groups.take({ identity.type, identity.name, identity.paired }), requestedAt);
        }
    }
    for (auto it = groups.begin(); it != groups.end(); ++it) {
        auto* typePanel = panel(it.key().type);
        auto* added = typePanel->addEditor({ it.key().type, it.key().name, it.key().paired });
        added->applyServerState(it.value(), requestedAt);
    }
}

void ProxyToxicsPage::forgetServerState()
{
    for (auto* typePanel : m_panels) {
        for (auto* editor : typePanel->editors())
            editor->forgetServerState();
    }
}

void ProxyToxicsPage::finishReset(bool confirmed)
{
    for (auto* typePanel : m_panels) {
        for (auto* editor : typePanel->editors())
            editor->finishReset(confirmed);
    }
}

} // namespace chaoslab::ui
