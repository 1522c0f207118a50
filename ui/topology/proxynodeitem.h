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
    };

    explicit ProxyNodeItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    void setState(const State& state);
    qreal width() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QString statusText() const;

    const TopologyLook* m_look;
    State m_state;
};

} // namespace chaoslab::ui
