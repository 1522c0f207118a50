#include "topologyscene.h"

#include "clientnodeitem.h"
#include "linkitem.h"
#include "proxylistmodel.h"
#include "proxynodeitem.h"
#include "toxicsummary.h"
#include "upstreamnodeitem.h"

#include <QGraphicsSceneMouseEvent>
#include <QPainter>

namespace chaoslab::ui {

using toxiproxy::ToxicStream;

TopologyScene::TopologyScene(ProxyListModel* model, QObject* parent)
    : QGraphicsScene(parent)
    , m_model(model)
    , m_look(TopologyLook::fromTheme(Theme::make(Theme::Name::Light, false), font()))
{
    // Polls move and resize items often, and a row has only five items, so searching them
    // linearly costs less than keeping a BSP tree up to date.
    setItemIndexMethod(QGraphicsScene::NoIndex);
    const auto rebuildLater = [this] { rebuild(); };
    connect(model, &QAbstractItemModel::modelReset, this, rebuildLater);
    connect(model, &QAbstractItemModel::rowsInserted, this, rebuildLater);
    connect(model, &QAbstractItemModel::rowsRemoved, this, rebuildLater);
    connect(model, &QAbstractItemModel::rowsMoved, this, rebuildLater);
    connect(model, &QAbstractItemModel::dataChanged, this, &TopologyScene::updateRows);
    connect(model, &QAbstractItemModel::layoutChanged, this, rebuildLater);
    rebuild();
}

TopologyScene::~TopologyScene() = default;

void TopologyScene::setLook(const TopologyLook& look)
{
    m_look = look;
    rebuild();
}

void TopologyScene::setSelectedProxy(const QString& name)
{
    if (name == m_selected)
        return;
    m_selected = name;
    updateSelection();
}

void TopologyScene::rebuild()
{
    clear();
    m_rows.clear();
    if (!m_model)
        return;
    for (const auto& proxy : m_model->proxies())
        m_rows.push_back(createRow(proxy));
    layoutRows();
    updateSelection();
}

void TopologyScene::updateRows(const QModelIndex& first, const QModelIndex& last)
{
    if (!m_model)
        return;
    const auto& proxies = m_model->proxies();
    for (int index = first.row(); index <= last.row(); ++index) {
        if (index >= int(m_rows.size()) || m_rows[size_t(index)].name != proxies.at(index).name) {
            rebuild();
            return;
        }
        applyProxy(m_rows[size_t(index)], proxies.at(index));
    }
    layoutRows();
}

TopologyScene::Row TopologyScene::createRow(const toxiproxy::Proxy& proxy)
{
    Row row { proxy.name, {}, new ClientNodeItem(&m_look), new LinkItem(&m_look),
        new ProxyNodeItem(&m_look), new LinkItem(&m_look), new UpstreamNodeItem(&m_look) };
    applyProxy(row, proxy);
    for (QGraphicsItem* item : std::initializer_list<QGraphicsItem*> {
             row.client, row.clientLink, row.proxy, row.upstreamLink, row.upstream }) {
        item->setData(0, proxy.name);
        addItem(item);
    }
    return row;
}

// Sets the row's items from `proxy`. The lengths of the links are left to layoutRows().
void TopologyScene::applyProxy(Row& row, const toxiproxy::Proxy& proxy)
{
    auto upstreamLink = row.upstreamLink->state();
    upstreamLink.enabled = proxy.enabled;
    upstreamLink.upstreamBadges.clear();
    upstreamLink.downstreamBadges.clear();
    for (const auto& toxic : proxy.toxics) {
        auto& badges = toxic.stream == ToxicStream::Upstream ? upstreamLink.upstreamBadges
                                                             : upstreamLink.downstreamBadges;
        badges.append(ToxicSummary::describe(toxic));
    }
    row.upstreamLink->setState(upstreamLink);

    auto clientLink = row.clientLink->state();
    clientLink.enabled = proxy.enabled;
    clientLink.cut = !proxy.enabled;
    row.clientLink->setState(clientLink);

    row.client->setState({ proxy.enabled });
    row.proxy->setState({ proxy.name, proxy.listen, proxy.enabled, proxy.name == m_selected });
    row.upstream->setState({ proxy.upstream, proxy.enabled });
}

// Columns line up across rows, so the eye can scan every proxy's toxics at once.
void TopologyScene::layoutRows()
{
    const qreal unit = m_look.unit;
    qreal clientWidth = 0;
    qreal proxyWidth = 0;
    qreal laneLength = unit * 10;
    for (const auto& row : m_rows) {
        clientWidth = std::max(clientWidth, row.client->width());
        proxyWidth = std::max(proxyWidth, row.proxy->width());
        laneLength = std::max(laneLength, row.upstreamLink->neededLength());
    }

    const qreal clientLinkLength = unit * 3.5;
    const qreal proxyX = clientWidth + clientLinkLength;
    const qreal upstreamX = proxyX + proxyWidth + laneLength;
    const qreal rowHeight = m_look.nodeHeight() + unit * 1.6;
    qreal upstreamWidth = 0;

    for (size_t i = 0; i < m_rows.size(); ++i) {
        auto& row = m_rows[i];
        const qreal top = unit + qreal(i) * rowHeight;
        const qreal middle = top + m_look.nodeHeight() / 2;
        row.client->setPos(clientWidth - row.client->width(), top);
        row.proxy->setPos(proxyX, top);
        row.upstream->setPos(upstreamX, top);

        auto clientLink = row.clientLink->state();
        clientLink.length = clientLinkLength;
        row.clientLink->setPos(clientWidth, middle);
        row.clientLink->setState(clientLink);

        auto upstreamLink = row.upstreamLink->state();
        upstreamLink.length = upstreamX - proxyX - row.proxy->width();
        row.upstreamLink->setPos(proxyX + row.proxy->width(), middle);
        row.upstreamLink->setState(upstreamLink);
        upstreamWidth = std::max(upstreamWidth, row.upstream->width());
        row.rect = QRectF(-unit * 0.6, top - unit * 0.6, 0, m_look.nodeHeight() + unit * 1.2);
    }
    const qreal totalWidth = upstreamX + upstreamWidth + unit * 1.2;
    for (auto& row : m_rows)
        row.rect.setWidth(totalWidth + unit * 0.6);
    setSceneRect(QRectF(-unit, 0, totalWidth + unit, unit + m_rows.size() * rowHeight));
}

void TopologyScene::updateSelection()
{
    for (auto& row : m_rows) {
        const auto* proxy = m_model ? m_model->proxy(row.name) : nullptr;
        if (!proxy)
            continue;
        row.proxy->setState({ proxy->name, proxy->listen, proxy->enabled, row.name == m_selected });
    }
    update();
}

const TopologyScene::Row* TopologyScene::findRow(const QString& name) const
{
    for (const auto& row : m_rows) {
        if (row.name == name)
            return &row;
    }
    return nullptr;
}

QString TopologyScene::proxyAt(const QPointF& point) const
{
    for (const auto& row : m_rows) {
        if (row.rect.contains(point))
            return row.name;
    }
    return {};
}

QRectF TopologyScene::rowRect(const QString& name) const
{
    const auto* row = findRow(name);
    return row ? row->rect : QRectF();
}

QStringList TopologyScene::badges(const QString& name, bool upstream) const
{
    const auto* proxy = m_model ? m_model->proxy(name) : nullptr;
    if (!proxy)
        return {};
    QStringList texts;
    for (const auto& toxic : proxy->toxics) {
        if ((toxic.stream == ToxicStream::Upstream) == upstream)
            texts.append(ToxicSummary::describe(toxic));
    }
    return texts;
}

void TopologyScene::drawBackground(QPainter* painter, const QRectF& rect)
{
    painter->fillRect(rect, m_look.colors.base);
    const auto* row = findRow(m_selected);
    if (!row)
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(Qt::NoPen);
    painter->setBrush(blend(m_look.colors.accent, m_look.colors.base, 0.10));
    const qreal radius = m_look.unit * 0.6;
    painter->drawRoundedRect(row->rect, radius, radius);
}

void TopologyScene::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    const QString name = proxyAt(event->scenePos());
    if (!name.isEmpty() && event->button() == Qt::LeftButton)
        emit proxyClicked(name);
    QGraphicsScene::mousePressEvent(event);
}

void TopologyScene::mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event)
{
    const QString name = proxyAt(event->scenePos());
    if (!name.isEmpty())
        emit proxyActivated(name);
    QGraphicsScene::mouseDoubleClickEvent(event);
}

void TopologyScene::contextMenuEvent(QGraphicsSceneContextMenuEvent* event)
{
    const QString name = proxyAt(event->scenePos());
    if (name.isEmpty())
        return;
    emit proxyClicked(name);
    emit proxyContextMenuRequested(name, event->screenPos());
}

} // namespace chaoslab::ui
