#include "upstreamnodeitem.h"

#include <QCoreApplication>
#include <QPainter>

namespace chaoslab::ui {

namespace {

QString caption()
{
    return QCoreApplication::translate("UpstreamNodeItem", "Upstream");
}

} // namespace

UpstreamNodeItem::UpstreamNodeItem(const TopologyLook* look, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_look(look)
    , m_width(measureWidth())
{ }

void UpstreamNodeItem::setState(const State& state)
{
    if (state == m_state)
        return;
    const bool addressChanged = state.address != m_state.address;
    m_state = state;
    const qreal width = addressChanged ? measureWidth() : m_width;
    if (width != m_width) {
        prepareGeometryChange();
        m_width = width;
    } else {
        update();
    }
}

qreal UpstreamNodeItem::measureWidth() const
{
    const QFontMetricsF metrics(m_look->font);
    return std::max(
        m_look->unit * 7, metrics.horizontalAdvance(m_state.address) + m_look->unit * 2);
}

QRectF UpstreamNodeItem::boundingRect() const
{
    const qreal margin = m_look->lineWidth;
    return QRectF(0, 0, width(), m_look->nodeHeight()).adjusted(-margin, -margin, margin, margin);
}

void UpstreamNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const auto& colors = m_look->colors;
    const QRectF box(0, 0, width(), m_look->nodeHeight());
    const qreal radius = m_look->unit * 0.5;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_state.enabled ? colors.border : colors.disabled, m_look->lineWidth));
    painter->setBrush(colors.alternateBase);
    painter->drawRoundedRect(box, radius, radius);

    const qreal padding = m_look->unit;
    const QRectF captionBox(box.left() + padding, box.top() + m_look->unit * 0.45,
        box.width() - 2 * padding, m_look->unit * 1.2);
    painter->setFont(m_look->smallFont);
    painter->setPen(colors.mutedText);
    painter->drawText(captionBox, Qt::AlignLeft | Qt::AlignVCenter, caption());

    const QRectF addressBox(captionBox.left(), captionBox.bottom() + m_look->unit * 0.15,
        captionBox.width(), m_look->unit * 1.3);
    painter->setFont(m_look->font);
    painter->setPen(m_state.enabled ? colors.text : colors.disabled);
    painter->drawText(addressBox, Qt::AlignLeft | Qt::AlignVCenter, m_state.address);
}

} // namespace chaoslab::ui
