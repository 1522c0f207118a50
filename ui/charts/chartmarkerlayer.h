// The change markers of one chart: places a ChartMarkerItem for every marker inside the
// visible time range and hides the rest. Labels that would overlap are stacked in up to
// four rows at the top of the plot area.
#pragma once

#include "chartlook.h"

#include <QList>
#include <QRectF>
#include <QString>

#include <deque>
#include <optional>

class QChart;

namespace chaoslab::ui {

class ChartMarkerItem;

struct ChartMarker
{
    // Milliseconds since the epoch.
    qint64 timeMs = 0;
    QString label;

    friend bool operator==(const ChartMarker&, const ChartMarker&) = default;
};

class ChartMarkerLayer
{
public:
    // The items are children of `chart` and die with it.
    ChartMarkerLayer(QChart* chart, bool showLabels);

    void setLook(const ChartLook& look);
    // Shows the markers that fall in [startMs, endMs] over the chart's current plot area.
    void update(const std::deque<ChartMarker>& markers, qint64 startMs, qint64 endMs);
    // The items shown now, oldest first.
    QList<ChartMarkerItem*> visibleItems() const;

private:
    // The range, plot area and markers the items were last placed for.
    struct Placement
    {
        qint64 startMs = 0;
        qint64 endMs = -1;
        QRectF plot;
        QList<ChartMarker> markers;

        friend bool operator==(const Placement&, const Placement&) = default;
    };

    ChartMarkerItem* itemAt(int index);
    std::optional<qreal> labelTopFor(
        ChartMarkerItem* item, qreal x, bool flip, QList<qreal>& rowEnds) const;

    QChart* m_chart;
    bool m_showLabels;
    ChartLook m_look;
    QList<ChartMarkerItem*> m_items;
    int m_visible = 0;
    Placement m_placed;
};

} // namespace chaoslab::ui
