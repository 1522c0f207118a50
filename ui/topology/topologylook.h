// Colours, fonts, line widths and sizes shared by the topology items, derived from the
// theme and the application font so that presenter mode scales the whole drawing.
#pragma once

#include "theme.h"

#include <QFont>
#include <QFontMetricsF>

namespace chaoslab::ui {

struct TopologyLook
{
    ThemeColors colors;
    qreal lineWidth = 1.6;
    QFont font;
    QFont boldFont;
    QFont smallFont;
    // Height of a line of `font`; every size in the drawing is a multiple of it.
    qreal unit = 16;

    static TopologyLook fromTheme(const Theme& theme, const QFont& font)
    {
        TopologyLook look;
        look.colors = theme.colors();
        look.lineWidth = theme.lineWidth();
        look.font = font;
        look.boldFont = font;
        look.boldFont.setBold(true);
        look.smallFont = font;
        look.smallFont.setPointSizeF(font.pointSizeF() * 0.9);
        look.unit = QFontMetricsF(font).height();
        return look;
    }

    qreal nodeHeight() const { return unit * 3.4; }
    qreal badgeHeight() const { return unit * 1.45; }
    // Distance of each lane from the middle of a link.
    qreal laneOffset() const { return unit * 0.85; }
};

} // namespace chaoslab::ui
