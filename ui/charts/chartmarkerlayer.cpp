#include "chartmarkerlayer.h"

#include "chartmarkeritem.h"

#include <QChart>

#include <algorithm>

namespace chaoslab::ui {

namespace {

constexpr int LabelRows = 4;
constexpr qreal LabelGap = 6;

} // namespace

ChartMarkerLayer::ChartMarkerLayer(QChart* chart, bool showLabels)
    : m_chart(chart)
    , m_showLabels(showLabels)
{ }

void ChartMarkerLayer::setLook(const ChartLook& look)
{
    m_look = look;
    for (auto* item : m_items)
        item->setLook(look, m_showLabels);
    m_placed = {};
}

ChartMarkerItem* ChartMarkerLayer::itemAt(int index)
{
    while (m_items.size() <= index) {
        auto* item = new ChartMarkerItem(m_chart);
        item->setLook(m_look, m_showLabels);
        // Earlier markers stack higher, so that a label box covers the lines of the later
        // markers that run through it.
        item->setZValue(item->zValue() + 1.0 / (m_items.size() + 1));
        m_items.append(item);
    }
    return m_items.at(index);
}

void ChartMarkerLayer::update(const std::deque<ChartMarker>& markers, qint64 startMs, qint64 endMs)
{
    const QRectF plot = m_chart->plotArea();
    const double span = double(std::max<qint64>(1, endMs - startMs));
    const auto first = std::lower_bound(markers.begin(), markers.end(), startMs,
        [](const ChartMarker& marker, qint64 ms) { return marker.timeMs < ms; });
    const auto last = std::upper_bound(first, markers.end(), endMs,
        [](qint64 ms, const ChartMarker& marker) { return ms < marker.timeMs; });
    // Moving the items repaints the chart, so they move only when something they show did.
    Placement placement { startMs, endMs, plot, QList<ChartMarker>(first, last) };
    if (placement == m_placed)
        return;
    m_placed = std::move(placement);

    QList<qreal> rowEnds(LabelRows, plot.left() - LabelGap);
    int shown = 0;
    for (auto it = first; it != last; ++it) {
        auto* item = itemAt(shown++);
        item->setMarker(it->timeMs, it->label);
        const qreal x = plot.left() + plot.width() * double(it->timeMs - startMs) / span;
        const bool flip = x + item->labelSize().width() > plot.right();
        const auto labelTop = labelTopFor(item, x, flip, rowEnds);
        item->setLabelCrowded(!labelTop);
        item->place(x, plot.top(), plot.bottom(), labelTop.value_or(plot.top()), flip);
        item->show();
    }
    for (int i = shown; i < m_items.size(); ++i)
        m_items.at(i)->hide();
    m_visible = shown;
}

// Picks the first row whose last label ends before this one starts. When every row is
// taken there, the label is not drawn: overlapping boxes would hide each other's text.
std::optional<qreal> ChartMarkerLayer::labelTopFor(
    ChartMarkerItem* item, qreal x, bool flip, QList<qreal>& rowEnds) const
{
    const QSizeF size = item->labelSize();
    const qreal left = flip ? x - size.width() : x;
    for (int row = 0; row < rowEnds.size(); ++row) {
        if (rowEnds.at(row) + LabelGap <= left) {
            rowEnds[row] = left + size.width();
            return m_chart->plotArea().top() + 2 + row * (size.height() + 2);
        }
    }
    return std::nullopt;
}

QList<ChartMarkerItem*> ChartMarkerLayer::visibleItems() const
{
    return m_items.mid(0, m_visible);
}

} // namespace chaoslab::ui
