// A proxy in the topology: its name and listen address, drawn greyed and marked
// "disabled" in place of the address when the proxy is off, and outlined when it is the
// selected proxy.
#pragma once

#include "topologylook.h"

#include <QGraphicsItem>

namespace chaoslab::ui {

class ProxyNodeItem : public QGraphicsItem
{
public:
    struct State
    {
        QString name;
        QString listen;
        bool enabled = true;
        bool selected = false;

        bool operator==(const State&) const = default;
    };

    explicit ProxyNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    // Repaints only when the state differs, and measures text only when it changes.
    void setState(const State& state);
    qreal width() const { return m_width; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString statusText() const;
    qreal measureWidth() const;

    const TopologyLook* m_look;
    State m_state;
    qreal m_width = 0;
};

} // namespace chaoslab::ui
