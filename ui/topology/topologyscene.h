// The proxies as a diagram, one row per proxy of the ProxyListModel:
//
//   [Clients] ==> [proxy: name, listen] ==> toxic badges ==> [upstream host:port]
//
// Rows follow the model, and the items draw the state the scene gives them. A changed proxy
// updates the items of its row in place, so a poll that changes one toxic repaints one
// link. Rows are built anew only when proxies are added, removed or reordered. Clicking a
// row reports its proxy, and the selected proxy's row is highlighted.
#pragma once

#include "topologylook.h"

#include "toxiproxy/proxy.h"

#include <QGraphicsScene>
#include <QPointer>

namespace chaoslab::ui {

class ClientNodeItem;
class LinkItem;
class ProxyListModel;
class ProxyNodeItem;
class UpstreamNodeItem;

class TopologyScene : public QGraphicsScene
{
    Q_OBJECT

public:
    explicit TopologyScene(ProxyListModel* model, QObject* parent = nullptr);
    ~TopologyScene() override;

    void setLook(const TopologyLook& look);
    void setSelectedProxy(const QString& name);
    QString selectedProxy() const { return m_selected; }

    int rowCount() const { return int(m_rows.size()); }
    // Returns the proxy whose row contains `point`, or an empty string.
    QString proxyAt(const QPointF& point) const;
    QRectF rowRect(const QString& name) const;
    // Returns the badge texts of the proxy's upstream or downstream lane, for tests.
    QStringList badges(const QString& name, bool upstream) const;

signals:
    void proxyClicked(const QString& name);
    void proxyActivated(const QString& name);
    void proxyContextMenuRequested(const QString& name, const QPoint& screenPosition);

protected:
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent* event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent* event) override;

private:
    struct Row
    {
        QString name;
        QRectF rect;
        ClientNodeItem* client;
        LinkItem* clientLink;
        ProxyNodeItem* proxy;
        LinkItem* upstreamLink;
        UpstreamNodeItem* upstream;
    };

    void rebuild();
    void updateRows(const QModelIndex& first, const QModelIndex& last);
    Row createRow(const toxiproxy::Proxy& proxy);
    void applyProxy(Row& row, const toxiproxy::Proxy& proxy);
    void layoutRows();
    void updateSelection();
    const Row* findRow(const QString& name) const;

    QPointer<ProxyListModel> m_model;
    TopologyLook m_look;
    std::vector<Row> m_rows;
    QString m_selected;
};

} // namespace chaoslab::ui
