#include "plotlinesitem.h"

#include <QChart>
#include <QPaintDevice>
#include <QPainter>

namespace chaoslab::ui {

PlotLinesItem::PlotLinesItem(QChart* chart) : QGraphicsItem(chart), m_chart(chart)
{
    setZValue(ZValue);
    setFlag(QGraphicsItem::ItemHasNoContents, false);
    updateGeometry();
}

void PlotLinesItem::setLines(std::vector<PlotLine> lines)
{
    m_lines = std::move(lines);
    m_imageStale = true;
    update();
}

void PlotLinesItem::setRange(const QRectF& range)
{
    if (range == m_range)
        return;
    m_range = range;
    m_imageStale = true;
    update();
}

void PlotLinesItem::updateGeometry()
{
    const QRectF plot = m_chart->plotArea();
    if (plot == m_plot)
        return;
    prepareGeometryChange();
    m_plot = plot;
    m_imageStale = true;
}

QRectF PlotLinesItem::boundingRect() const
{
    return m_plot;
}

void PlotLinesItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    if (m_plot.isEmpty() || m_range.width() <= 0 || m_range.height() <= 0)
        return;
    const qreal ratio = painter->device() ? painter->device()->devicePixelRatioF() : 1.0;
    if (m_imageStale || m_image.devicePixelRatio() != ratio)
        render(ratio);
    painter->drawImage(m_plot.topLeft(), m_image);
}

void PlotLinesItem::render(qreal pixelRatio)
{
    const QSize size = (m_plot.size() * pixelRatio).toSize();
    if (m_image.size() != size)
        m_image = QImage(size, QImage::Format_ARGB32_Premultiplied);
    m_image.setDevicePixelRatio(pixelRatio);
    m_imageStale = false;
    m_raster.clear(size);

    const qreal xScale = size.width() / m_range.width();
    const qreal yScale = size.height() / m_range.height();
    std::vector<QPointF> pixels;
    for (const PlotLine& line : m_lines) {
        pixels.clear();
        pixels.reserve(size_t(line.points.size()));
        for (const QPointF& point : line.points) {
            if (isLineBreak(point)) {
                m_raster.drawPolyline(pixels, line.color, line.width * pixelRatio);
                pixels.clear();
                continue;
            }
            pixels.emplace_back(
                (point.x() - m_range.left()) * xScale, (m_range.bottom() - point.y()) * yScale);
        }
        m_raster.drawPolyline(pixels, line.color, line.width * pixelRatio);
    }
    m_raster.copyTo(&m_image);
}

} // namespace chaoslab::ui
