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

        bool operator==(const State&) const = default;
    };

    explicit UpstreamNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    // Repaints only when the state differs, and measures text only when it changes.
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
