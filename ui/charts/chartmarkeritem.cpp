#include "chartmarkeritem.h"

#include <QDateTime>
#include <QFontMetricsF>
#include <QHash>
#include <QPainter>

namespace chaoslab::ui {

namespace {

// Labels longer than this many average characters are elided; the tooltip has the rest.
constexpr int MaxLabelChars = 32;
constexpr qreal Padding = 4;
// Distinct labels kept measured; a lab has a few dozen.
constexpr qsizetype MaxCachedLabels = 1000;

struct LabelMetrics
{
    QString shown;
    QSizeF size;
};

// Text measurement is the costly part of placing markers, and the same labels are placed
// again on every refresh, so each label is measured once per font.
const LabelMetrics& labelMetrics(const QFont& font, const QString& label)
{
    static QHash<QString, LabelMetrics> cache;
    const QString key = font.key() + QChar(0) + label;
    const auto found = cache.constFind(key);
    if (found != cache.cend())
        return *found;
    if (cache.size() >= MaxCachedLabels)
        cache.clear();
    const QFontMetricsF metrics(font);
    LabelMetrics measured;
    measured.shown
        = metrics.elidedText(label, Qt::ElideRight, metrics.averageCharWidth() * MaxLabelChars);
    if (!measured.shown.isEmpty())
        measured.size = { metrics.horizontalAdvance(measured.shown) + 2 * Padding,
            metrics.height() + Padding };
    return *cache.insert(key, measured);
}

} // namespace

ChartMarkerItem::ChartMarkerItem(QGraphicsItem* parent) : QGraphicsItem(parent)
{
    // Above the series and the axes' grid.
    setZValue(20);
    setAcceptHoverEvents(true);
}

void ChartMarkerItem::setMarker(qint64 timeMs, const QString& label)
{
    if (timeMs == m_timeMs && label == m_label)
        return;
    prepareGeometryChange();
    m_timeMs = timeMs;
    m_label = label;
    updateShownLabel();
    const QString time
        = QDateTime::fromMSecsSinceEpoch(timeMs).toString(QStringLiteral("HH:mm:ss"));
    setToolTip(time + u' ' + label);
    update();
}

void ChartMarkerItem::setLook(const ChartLook& look, bool showLabel)
{
    prepareGeometryChange();
    m_look = look;
    m_showLabel = showLabel;
    updateShownLabel();
    update();
}

void ChartMarkerItem::updateShownLabel()
{
    const LabelMetrics& metrics = labelMetrics(m_look.markerFont, m_label);
    m_shownLabel = metrics.shown;
    m_labelSize = metrics.size;
}

void ChartMarkerItem::place(qreal x, qreal top, qreal bottom, qreal labelTop, bool flipLabel)
{
    if (pos() == QPointF(x, 0) && top == m_top && bottom == m_bottom && labelTop == m_labelTop
        && flipLabel == m_flipLabel)
        return;
    prepareGeometryChange();
    setPos(x, 0);
    m_top = top;
    m_bottom = bottom;
    m_labelTop = labelTop;
    m_flipLabel = flipLabel;
}

QSizeF ChartMarkerItem::labelSize() const
{
    if (!m_showLabel || m_shownLabel.isEmpty())
        return {};
    return m_labelSize;
}

void ChartMarkerItem::setLabelCrowded(bool crowded)
{
    if (crowded == m_crowded)
        return;
    prepareGeometryChange();
    m_crowded = crowded;
}

QRectF ChartMarkerItem::shownLabelRect() const
{
    const QRectF box = labelRect();
    return box.isEmpty() ? QRectF() : mapRectToParent(box);
}

QRectF ChartMarkerItem::labelRect() const
{
    if (m_crowded)
        return {};
    const QSizeF size = labelSize();
    const qreal left = m_flipLabel ? -size.width() - 1 : 1;
    return { QPointF(left, m_labelTop), size };
}

QRectF ChartMarkerItem::boundingRect() const
{
    const qreal pen = m_look.lineWidth;
    return QRectF(-pen, m_top, 2 * pen, m_bottom - m_top).united(labelRect());
}

void ChartMarkerItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    QPen line(m_look.markerLine, m_look.lineWidth * 0.75, Qt::DashLine);
    painter->setPen(line);
    painter->drawLine(QPointF(0, m_top), QPointF(0, m_bottom));
    const QRectF box = labelRect();
    if (box.isEmpty())
        return;
    painter->save();
    // The chart views draw without antialiasing, which would leave the corners jagged.
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(m_look.markerLine, 1));
    QColor background = m_look.markerLabelBackground;
    background.setAlphaF(0.92f);
    painter->setBrush(background);
    painter->drawRoundedRect(box, 3, 3);
    painter->setFont(m_look.markerFont);
    painter->setPen(m_look.colors.text);
    painter->drawText(box, Qt::AlignCenter, m_shownLabel);
    painter->restore();
}

} // namespace chaoslab::ui
