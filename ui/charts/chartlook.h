// Colours, fonts and line widths of the probe charts, derived from the console theme so
// that both themes and presenter mode apply to the charts as to the rest of the window.
#pragma once

#include "theme.h"

#include <QChart>
#include <QColor>
#include <QFont>
#include <QList>

class QAbstractAxis;

namespace chaoslab::ui {

struct ChartLook
{
    ThemeColors colors;
    QColor grid;
    QColor markerLine;
    QColor markerLabelBackground;
    QFont font;
    QFont titleFont;
    QFont markerFont;
    // Pen width of the probe lines, in device-independent pixels.
    qreal lineWidth = 2;
    // One colour per probe, in order; probes beyond the list reuse it from the start.
    QList<QColor> probeColors;

    static ChartLook fromTheme(const Theme& theme, const QFont& font);

    QColor probeColor(int index) const;
    void apply(QChart* chart) const;
    void apply(QAbstractAxis* axis) const;
};

} // namespace chaoslab::ui
