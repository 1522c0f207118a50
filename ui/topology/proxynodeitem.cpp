#include "proxynodeitem.h"

#include <QCoreApplication>
#include <QPainter>

namespace chaoslab::ui {

ProxyNodeItem::ProxyNodeItem(const TopologyLook* look, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_look(look)
    , m_width(measureWidth())
{ }

void ProxyNodeItem::setState(const State& state)
{
    if (state == m_state)
        return;
    const bool textChanged = state.name != m_state.name || state.listen != m_state.listen
        || state.enabled != m_state.enabled;
    m_state = state;
    const qreal width = textChanged ? measureWidth() : m_width;
    if (width != m_width) {
        prepareGeometryChange();
        m_width = width;
    } else {
        update();
    }
}

QString ProxyNodeItem::statusText() const
{
    if (m_state.enabled)
        return m_state.listen;
    return QCoreApplication::translate("ProxyNodeItem", "disabled");
}

qreal ProxyNodeItem::measureWidth() const
{
    const QFontMetricsF bold(m_look->boldFont);
    const QFontMetricsF small(m_look->smallFont);
    const qreal text
        = std::max(bold.horizontalAdvance(m_state.name), small.horizontalAdvance(statusText()));
    return std::max(m_look->unit * 7, text + m_look->unit * 2);
}

QRectF ProxyNodeItem::boundingRect() const
{
    const qreal margin = m_look->lineWidth * 2;
    return QRectF(0, 0, width(), m_look->nodeHeight()).adjusted(-margin, -margin, margin, margin);
}

void ProxyNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const auto& colors = m_look->colors;
    const QRectF box(0, 0, width(), m_look->nodeHeight());
    const qreal radius = m_look->unit * 0.5;
    const QColor edge = m_state.selected ? colors.accent
        : m_state.enabled                ? colors.text
                                         : colors.disabled;

    painter->setRenderHint(QPainter::Antialiasing);
    QPen pen(edge, m_look->lineWidth * (m_state.selected ? 2.0 : 1.0));
    if (!m_state.enabled)
        pen.setStyle(Qt::DashLine);
    painter->setPen(pen);
    painter->setBrush(m_state.selected ? blend(colors.accent, colors.base, 0.10) : colors.base);
    painter->drawRoundedRect(box, radius, radius);

    const qreal padding = m_look->unit;
    const QRectF nameBox(box.left() + padding, box.top() + m_look->unit * 0.45,
        box.width() - 2 * padding, m_look->unit * 1.3);
    painter->setFont(m_look->boldFont);
    painter->setPen(m_state.enabled ? colors.text : colors.disabled);
    painter->drawText(nameBox, Qt::AlignLeft | Qt::AlignVCenter, m_state.name);

    const QRectF statusBox(nameBox.left(), nameBox.bottom() + m_look->unit * 0.15, nameBox.width(),
        m_look->unit * 1.2);
    painter->setFont(m_look->smallFont);
    painter->setPen(m_state.enabled ? colors.mutedText : colors.danger);
    painter->drawText(statusBox, Qt::AlignLeft | Qt::AlignVCenter, statusText());
}

} // namespace chaoslab::ui
