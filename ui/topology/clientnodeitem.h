// The client side of a proxy's row in the topology: whatever connects to the proxy's
// listen address.
#pragma once

#include "topologylook.h"

#include <QGraphicsItem>

namespace chaoslab::ui {

class ClientNodeItem : public QGraphicsItem
{
public:
    struct State
    {
        bool enabled = true;
    };

    explicit ClientNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    void setState(const State& state);
    qreal width() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const TopologyLook* m_look;
    State m_state;
};

} // namespace chaoslab::ui
