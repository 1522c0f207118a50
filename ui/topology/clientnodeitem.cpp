#include "clientnodeitem.h"

#include <QCoreApplication>
#include <QPainter>

namespace chaoslab::ui {

namespace {

QString label()
{
    return QCoreApplication::translate("ClientNodeItem", "Clients");
}

} // namespace

ClientNodeItem::ClientNodeItem(const TopologyLook* look, QGraphicsItem* parent)
    : QGraphicsItem(parent)
    , m_look(look)
    , m_width(measureWidth())
{ }

void ClientNodeItem::setState(const State& state)
{
    if (state == m_state)
        return;
    m_state = state;
    update();
}

qreal ClientNodeItem::measureWidth() const
{
    const QFontMetricsF metrics(m_look->font);
    return std::max(m_look->unit * 3.5, metrics.horizontalAdvance(label()) + m_look->unit * 1.2);
}

QRectF ClientNodeItem::boundingRect() const
{
    const qreal margin = m_look->lineWidth;
    return QRectF(0, 0, width(), m_look->nodeHeight()).adjusted(-margin, -margin, margin, margin);
}

void ClientNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const auto& colors = m_look->colors;
    const QRectF box(0, 0, width(), m_look->nodeHeight());
    const qreal radius = m_look->unit * 0.5;

    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(colors.border, m_look->lineWidth));
    painter->setBrush(colors.alternateBase);
    painter->drawRoundedRect(box, radius, radius);

    // Three small screens stand for "any number of clients".
    const qreal size = m_look->unit * 0.6;
    const qreal top = box.top() + m_look->unit * 0.55;
    const qreal left = box.center().x() - size * 1.8;
    painter->setPen(QPen(colors.mutedText, m_look->lineWidth * 0.8));
    painter->setBrush(Qt::NoBrush);
    for (int i = 0; i < 3; ++i)
        painter->drawRoundedRect(QRectF(left + i * size * 1.3, top, size, size * 0.75), 2, 2);

    painter->setFont(m_look->font);
    painter->setPen(colors.text);
    const QRectF labelBox(box.left(), top + size, box.width(), box.bottom() - top - size);
    painter->drawText(labelBox, Qt::AlignCenter, label());
}

} // namespace chaoslab::ui
