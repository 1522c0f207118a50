// A link between two nodes of a proxy's row, drawn as two lanes: upstream data (client to
// server) on the upper lane flowing right, downstream data (server to client) on the
// lower lane flowing left. Each lane carries a badge per toxic acting on it, in chain
// order. A disabled proxy's links are dashed and greyed; the client link is also cut.
//
// The item's origin is the middle of the link's left end.
#pragma once

#include "topologylook.h"

#include <QGraphicsItem>
#include <QStringList>

namespace chaoslab::ui {

class LinkItem : public QGraphicsItem
{
public:
    struct State
    {
        qreal length = 100;
        bool enabled = true;
        // Drawn with a break: no connection gets through.
        bool cut = false;
        QStringList upstreamBadges;
        QStringList downstreamBadges;
    };

    explicit LinkItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    // Returns the length a lane needs to show `badges` with room for its arrow.
    static qreal laneLengthFor(const TopologyLook& look, const QStringList& badges);

    const State& state() const { return m_state; }
    void setState(const State& state);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintLane(QPainter* painter, qreal y, bool rightwards, const QColor& color) const;
    void paintBadges(
        QPainter* painter, qreal y, const QStringList& badges, const QColor& color) const;
    void paintBreak(QPainter* painter) const;

    const TopologyLook* m_look;
    State m_state;
};

} // namespace chaoslab::ui
