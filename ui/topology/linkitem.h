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

        bool operator==(const State&) const = default;
    };

    explicit LinkItem(const TopologyLook* look, QGraphicsItem* parent = nullptr);

    const State& state() const { return m_state; }
    // Repaints only when the state differs, and measures text only when the badges change.
    void setState(const State& state);
    // The length both lanes need to show their badges with room for the arrows.
    qreal neededLength() const { return m_neededLength; }

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    void paintLane(QPainter* painter, qreal y, bool rightwards, const QColor& color) const;
    void paintBadges(QPainter* painter, qreal y, const QStringList& badges,
        const QList<qreal>& widths, const QColor& color) const;
    void measureBadges();
    void paintBreak(QPainter* painter) const;

    const TopologyLook* m_look;
    State m_state;
    QList<qreal> m_upstreamWidths;
    QList<qreal> m_downstreamWidths;
    qreal m_neededLength = 0;
};

} // namespace chaoslab::ui
