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

        bool operator==(const State&) const = default;
    };

    explicit ClientNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    void setState(const State& state);
    qreal width() const { return m_width; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    qreal measureWidth() const;

    const TopologyLook* m_look;
    State m_state;
    qreal m_width = 0;
};

} // namespace chaoslab::ui
