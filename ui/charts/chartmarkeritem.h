// One change marker on a chart: a dashed vertical line across the plot area and, on the
// chart that shows labels, a short label box at its top. The full text and the time are
// in the tooltip. The item draws what it is given; ChartMarkerLayer places it.
#pragma once

#include "chartlook.h"

#include <QGraphicsItem>
#include <QString>

namespace chaoslab::ui {

class ChartMarkerItem : public QGraphicsItem
{
public:
    explicit ChartMarkerItem(QGraphicsItem* parent = nullptr);

    void setMarker(qint64 timeMs, const QString& label);
    qint64 timeMs() const { return m_timeMs; }
    QString label() const { return m_label; }
    // The text drawn in the box: the label, elided to the maximum width.
    QString shownLabel() const { return m_shownLabel; }

    void setLook(const ChartLook& look, bool showLabel);
    // Places the line at x from top to bottom (item coordinates of the parent) and the
    // label box with its top at labelTop. With flipLabel the box sits left of the line.
    void place(qreal x, qreal top, qreal bottom, qreal labelTop, bool flipLabel);
    // Width and height of the label box; 0 without a label.
    QSizeF labelSize() const;
    // A crowded marker draws its line but no label box, so that labels never overlap. The
    // tooltip still has the text.
    void setLabelCrowded(bool crowded);
    // The label box as drawn, in the parent's coordinates; empty when none is drawn.
    QRectF shownLabelRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option,
        QWidget* widget = nullptr) override;

private:
    QRectF labelRect() const;
    void updateShownLabel();

    qint64 m_timeMs = 0;
    QString m_label;
    QString m_shownLabel;
    QSizeF m_labelSize;
    ChartLook m_look;
    bool m_showLabel = true;
    qreal m_top = 0;
    qreal m_bottom = 0;
    qreal m_labelTop = 0;
    bool m_flipLabel = false;
    bool m_crowded = false;
};

} // namespace chaoslab::ui
