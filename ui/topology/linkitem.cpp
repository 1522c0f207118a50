#include "linkitem.h"

#include <QPainter>
#include <QPainterPath>

#include <algorithm>

namespace chaoslab::ui {

namespace {

QList<qreal> badgeWidths(const TopologyLook& look, const QStringList& badges)
{
    const QFontMetricsF metrics(look.smallFont);
    QList<qreal> widths;
    for (const auto& badge : badges)
        widths.append(metrics.horizontalAdvance(badge) + look.unit * 1.1);
    return widths;
}

qreal laneLength(const TopologyLook& look, const QList<qreal>& widths)
{
    qreal length = look.unit * 3;
    for (const qreal width : widths)
        length += width + look.unit * 0.5;
    return length;
}

// Black or white, whichever reads better on `background`.
QColor textColorOn(const QColor& background)
{
    const qreal luminance
        = 0.2126 * background.redF() + 0.7152 * background.greenF() + 0.0722 * background.blueF();
    return luminance > 0.55 ? QColor(Qt::black) : QColor(Qt::white);
}

} // namespace

LinkItem::LinkItem(const TopologyLook* look, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_look(look)
{
    measureBadges();
}

void LinkItem::setState(const State& state)
{
    if (state == m_state)
        return;
    if (state.length != m_state.length)
        prepareGeometryChange();
    else
        update();
    const bool badgesChanged = state.upstreamBadges != m_state.upstreamBadges
        || state.downstreamBadges != m_state.downstreamBadges;
    m_state = state;
    if (badgesChanged)
        measureBadges();
}

void LinkItem::measureBadges()
{
    m_upstreamWidths = badgeWidths(*m_look, m_state.upstreamBadges);
    m_downstreamWidths = badgeWidths(*m_look, m_state.downstreamBadges);
    m_neededLength
        = std::max(laneLength(*m_look, m_upstreamWidths), laneLength(*m_look, m_downstreamWidths));
}

QRectF LinkItem::boundingRect() const
{
    const qreal half = m_look->laneOffset() + m_look->badgeHeight() / 2 + m_look->lineWidth;
    return QRectF(0, -half, m_state.length, 2 * half);
}

void LinkItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const auto& colors = m_look->colors;
    painter->setRenderHint(QPainter::Antialiasing);

    const QColor upstream = m_state.enabled ? colors.upstream : colors.disabled;
    const QColor downstream = m_state.enabled ? colors.downstream : colors.disabled;
    paintLane(painter, -m_look->laneOffset(), true, upstream);
    paintLane(painter, m_look->laneOffset(), false, downstream);
    if (m_state.cut)
        paintBreak(painter);
    paintBadges(painter, -m_look->laneOffset(), m_state.upstreamBadges, m_upstreamWidths, upstream);
    paintBadges(
        painter, m_look->laneOffset(), m_state.downstreamBadges, m_downstreamWidths, downstream);
}

void LinkItem::paintLane(QPainter* painter, qreal y, bool rightwards, const QColor& color) const
{
    const qreal arrow = m_look->unit * 0.45;
    QPen pen(color, m_look->lineWidth, m_state.enabled ? Qt::SolidLine : Qt::DashLine);
    pen.setCapStyle(Qt::FlatCap);
    painter->setPen(pen);

    const qreal gap = m_state.cut ? m_look->unit * 0.8 : 0;
    const qreal middle = m_state.length / 2;
    const qreal start = rightwards ? 0 : arrow;
    const qreal end = rightwards ? m_state.length - arrow : m_state.length;
    if (gap > 0) {
        painter->drawLine(QPointF(start, y), QPointF(middle - gap, y));
        painter->drawLine(QPointF(middle + gap, y), QPointF(end, y));
    } else {
        painter->drawLine(QPointF(start, y), QPointF(end, y));
    }

    const qreal tip = rightwards ? m_state.length : 0;
    const qreal back = rightwards ? tip - arrow * 1.6 : tip + arrow * 1.6;
    QPainterPath head;
    head.moveTo(tip, y);
    head.lineTo(back, y - arrow);
    head.lineTo(back, y + arrow);
    head.closeSubpath();
    painter->setPen(Qt::NoPen);
    painter->setBrush(color);
    painter->drawPath(head);
}

void LinkItem::paintBreak(QPainter* painter) const
{
    const qreal middle = m_state.length / 2;
    const qreal gap = m_look->unit * 0.8;
    const qreal reach = m_look->laneOffset() + m_look->unit * 0.5;
    QPen pen(m_look->colors.danger, m_look->lineWidth * 1.5);
    pen.setCapStyle(Qt::RoundCap);
    painter->setPen(pen);
    for (qreal x : { middle - gap, middle + gap }) {
        painter->drawLine(
            QPointF(x - m_look->unit * 0.25, reach), QPointF(x + m_look->unit * 0.25, -reach));
    }
}

void LinkItem::paintBadges(QPainter* painter, qreal y, const QStringList& badges,
    const QList<qreal>& widths, const QColor& color) const
{
    const qreal height = m_look->badgeHeight();
    qreal x = m_look->unit * 1.5;
    painter->setFont(m_look->smallFont);
    for (qsizetype i = 0; i < badges.size(); ++i) {
        const QRectF box(x, y - height / 2, widths.at(i), height);
        painter->setPen(QPen(m_look->colors.base, m_look->lineWidth));
        painter->setBrush(color);
        painter->drawRoundedRect(box, height / 2, height / 2);
        painter->setPen(textColorOn(color));
        painter->drawText(box, Qt::AlignCenter, badges.at(i));
        x = box.right() + m_look->unit * 0.5;
    }
}

} // namespace chaoslab::ui
