// The data lines of one chart, drawn by one graphics item over the chart's plot area in
// place of Qt Charts' line items. Points are in axis units, with x in ms since the epoch.
// When it paints, the item maps them to pixels and rasterizes every line by pixel columns
// (ColumnRaster) into an image of the plot area. It keeps that image until the lines, the
// range or the plot change, so a repaint without new data only copies it.
//
//   auto* lines = new PlotLinesItem(chart);
//   lines->setLines({ { points, QColor(0, 96, 168), 2.0 } });
//   lines->setRange(QRectF(QPointF(fromMs, 0), QPointF(toMs, 100)));
#pragma once

#include "columnraster.h"

#include <QColor>
#include <QGraphicsItem>
#include <QImage>
#include <QList>
#include <QPointF>
#include <QtNumeric>

#include <vector>

class QChart;

namespace chaoslab::ui {

// A point of a PlotLine that ends one piece of the line; the next point starts another.
inline QPointF lineBreak()
{
    return { qQNaN(), qQNaN() };
}

inline bool isLineBreak(QPointF point)
{
    return qIsNaN(point.y());
}

struct PlotLine
{
    // In ascending x, in axis units, with lineBreak() between pieces.
    QList<QPointF> points;
    QColor color;
    // Pen width in device-independent pixels.
    qreal width = 2;
};

class PlotLinesItem : public QGraphicsItem
{
public:
    // Above the grid and the axes, below the change markers.
    static constexpr qreal ZValue = 10;

    // The item is a child of `chart`, follows its plot area and dies with it.
    explicit PlotLinesItem(QChart* chart);

    void setLines(std::vector<PlotLine> lines);
    const std::vector<PlotLine>& lines() const { return m_lines; }
    // The axis ranges the plot area shows: x from left to right, y from bottom to top.
    void setRange(const QRectF& range);
    // Follows the chart's plot area; the page calls it when the area changed.
    void updateGeometry();

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
        QWidget* widget = nullptr) override;

private:
    void render(qreal pixelRatio);

    QChart* m_chart;
    QRectF m_plot;
    QRectF m_range;
    std::vector<PlotLine> m_lines;
    // The lines over the plot area at the painter's device pixel ratio. The buffer is kept
    // for the next render while its size stays the same.
    QImage m_image;
    bool m_imageStale = true;
    // Kept between renders, so that its memory is not allocated and cleared whole each time.
    ColumnRaster m_raster;
};

} // namespace chaoslab::ui
