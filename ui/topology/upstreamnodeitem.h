// The upstream server of a proxy's row in the topology, labelled with its host:port.
#pragma once

#include "topologylook.h"

#include <QGraphicsItem>

namespace chaoslab::ui {

class UpstreamNodeItem : public QGraphicsItem
{
public:
    struct State
    {
        QString address;
        bool enabled = true;
    };

    explicit UpstreamNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    void setState(const State& state);
    qreal width() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    const TopologyLook* m_look;
    State m_state;
};

} // namespace chaoslab::ui
