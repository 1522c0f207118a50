#include "columnraster.h"

#include <QImage>

#include <algorithm>
#include <cmath>
#include <limits>

namespace chaoslab::ui {

namespace {

// Multiplies the four channels of a premultiplied pixel by `alpha` (0 to 255).
QRgb scaled(QRgb pixel, uint alpha)
{
    uint redBlue = (pixel & 0x00ff00ffu) * alpha;
    redBlue = ((redBlue + ((redBlue >> 8) & 0x00ff00ffu) + 0x00800080u) >> 8) & 0x00ff00ffu;
    uint alphaGreen = ((pixel >> 8) & 0x00ff00ffu) * alpha;
    alphaGreen = (alphaGreen + ((alphaGreen >> 8) & 0x00ff00ffu) + 0x00800080u) & 0xff00ff00u;
    return redBlue | alphaGreen;
}

// Source-over blending of premultiplied pixels.
QRgb blended(QRgb source, QRgb destination)
{
    return source + scaled(destination, 255 - qAlpha(source));
}

} // namespace

ColumnRaster::ColumnRaster(QSize size)
    : m_width(std::max(0, size.width()))
    , m_height(std::max(0, size.height()))
    , m_pixels(size_t(m_width) * size_t(m_height), 0)
    , m_low(size_t(m_width), std::numeric_limits<qreal>::max())
    , m_high(size_t(m_width), std::numeric_limits<qreal>::lowest())
{ }

void ColumnRaster::clear(QSize size)
{
    if (size != this->size()) {
        *this = ColumnRaster(size);
        return;
    }
    if (m_touchedFirst <= m_touchedLast) {
        std::fill(m_pixels.begin() + qsizetype(m_touchedFirst) * m_height,
            m_pixels.begin() + qsizetype(m_touchedLast + 1) * m_height, 0);
    }
    m_touchedFirst = std::numeric_limits<int>::max();
    m_touchedLast = -1;
}

// Copies the columns that lines touched tile by tile, so that both the columns read and
// the rows written stay in the cache, and clears the rest of the image.
void ColumnRaster::copyTo(QImage* image) const
{
    Q_ASSERT(image->size() == QSize(m_width, m_height));
    Q_ASSERT(image->format() == QImage::Format_ARGB32_Premultiplied);
    image->fill(Qt::transparent);
    constexpr int Tile = 32;
    uchar* const bits = image->bits();
    const qsizetype stride = image->bytesPerLine();
    for (int top = 0; top < m_height; top += Tile) {
        const int bottom = std::min(m_height, top + Tile);
        for (int left = m_touchedFirst; left <= m_touchedLast; left += Tile) {
            const int right = std::min(m_touchedLast + 1, left + Tile);
            for (int row = top; row < bottom; ++row) {
                auto* line = reinterpret_cast<QRgb*>(bits + row * stride);
                for (int column = left; column < right; ++column)
                    line[column] = m_pixels[size_t(column) * size_t(m_height) + size_t(row)];
            }
        }
    }
}

void ColumnRaster::drawPolyline(std::span<const QPointF> points, const QColor& color, qreal width)
{
    if (points.empty() || m_width == 0)
        return;
    m_firstColumn = m_width;
    m_lastColumn = -1;
    if (points.size() == 1)
        traceSegment(points.front(), points.front());
    for (size_t i = 1; i < points.size(); ++i)
        traceSegment(points[i - 1], points[i]);

    // A steep part covers one column per pixel of height, so the pen width also spreads
    // each column's span sideways: over `before` columns to the left and `after` to the
    // right, one column in all for widths below 2.
    const int columns = std::max(1, int(width));
    const int before = columns / 2;
    const int after = (columns - 1) / 2;
    const QRgb premultiplied = color.rgba64().premultiplied().toArgb32();
    const qreal half = width / 2;
    const int first = std::max(0, m_firstColumn - after);
    const int last = std::min(m_width - 1, m_lastColumn + before);
    for (int column = first; column <= last; ++column) {
        qreal top = std::numeric_limits<qreal>::max();
        qreal bottom = std::numeric_limits<qreal>::lowest();
        const int from = std::max(m_firstColumn, column - before);
        const int to = std::min(m_lastColumn, column + after);
        for (int source = from; source <= to; ++source) {
            top = std::min(top, m_low[size_t(source)]);
            bottom = std::max(bottom, m_high[size_t(source)]);
        }
        if (top <= bottom)
            fillColumn(column, top - half, bottom + half, premultiplied);
    }
    m_touchedFirst = std::min(m_touchedFirst, first);
    m_touchedLast = std::max(m_touchedLast, last);
    std::fill(m_low.begin() + m_firstColumn, m_low.begin() + m_lastColumn + 1,
        std::numeric_limits<qreal>::max());
    std::fill(m_high.begin() + m_firstColumn, m_high.begin() + m_lastColumn + 1,
        std::numeric_limits<qreal>::lowest());
}

// Records the y range of the segment over every column it crosses, at the column's edges.
void ColumnRaster::traceSegment(QPointF from, QPointF to)
{
    if (to.x() < from.x())
        std::swap(from, to);
    const qreal dx = to.x() - from.x();
    const int firstColumn = std::max(0, int(std::floor(from.x())));
    const int lastColumn = std::min(m_width - 1, int(std::floor(to.x())));
    if (dx <= 0) {
        include(int(std::floor(from.x())), from.y(), to.y());
        return;
    }
    const qreal slope = (to.y() - from.y()) / dx;
    const auto yAt = [&](qreal x) { return from.y() + (x - from.x()) * slope; };
    for (int column = firstColumn; column <= lastColumn; ++column) {
        const qreal left = std::max<qreal>(column, from.x());
        const qreal right = std::min<qreal>(column + 1, to.x());
        include(column, yAt(left), yAt(right));
    }
}

void ColumnRaster::include(int column, qreal y1, qreal y2)
{
    if (column < 0 || column >= m_width)
        return;
    m_low[size_t(column)] = std::min({ m_low[size_t(column)], y1, y2 });
    m_high[size_t(column)] = std::max({ m_high[size_t(column)], y1, y2 });
    m_firstColumn = std::min(m_firstColumn, column);
    m_lastColumn = std::max(m_lastColumn, column);
}

// Blends the colour over rows [top, bottom) of the column. The first and last row are
// weighted by the share of them that the span covers, the rows between are covered whole.
void ColumnRaster::fillColumn(int column, qreal top, qreal bottom, QRgb color)
{
    const int firstRow = std::max(0, int(std::floor(top)));
    const int lastRow = std::min(m_height - 1, int(std::ceil(bottom)) - 1);
    if (firstRow > lastRow)
        return;
    QRgb* const columnPixels = m_pixels.data() + size_t(column) * size_t(m_height);
    const auto pixelAt = [&](int row) { return columnPixels + row; };
    const auto blendPartial = [&](int row) {
        const qreal covered = std::min<qreal>(row + 1, bottom) - std::max<qreal>(row, top);
        QRgb* pixel = pixelAt(row);
        *pixel = blended(scaled(color, uint(std::clamp<qreal>(covered, 0, 1) * 255 + 0.5)), *pixel);
    };

    blendPartial(firstRow);
    if (lastRow == firstRow)
        return;
    const uint inverseAlpha = 255 - qAlpha(color);
    if (inverseAlpha == 0) {
        std::fill(pixelAt(firstRow + 1), pixelAt(lastRow), color);
    } else {
        for (int row = firstRow + 1; row < lastRow; ++row) {
            QRgb* pixel = pixelAt(row);
            *pixel = color + scaled(*pixel, inverseAlpha);
        }
    }
    blendPartial(lastRow);
}

} // namespace chaoslab::ui
