#include "chartlook.h"

#include <QAbstractAxis>
#include <QLegend>

namespace chaoslab::ui {

namespace {

// Colour-blind-safe hues (after Okabe and Ito), darker on light backgrounds and lighter on
// dark ones so that each keeps its contrast.
QList<QColor> lightProbeColors()
{
    return { QColor::fromRgb(0x0060a8), QColor::fromRgb(0xc25400), QColor::fromRgb(0x00805c),
        QColor::fromRgb(0xb0306f), QColor::fromRgb(0x5b3fb0), QColor::fromRgb(0x2a8fc7),
        QColor::fromRgb(0x8a6d00), QColor::fromRgb(0x444c56) };
}

QList<QColor> darkProbeColors()
{
    return { QColor::fromRgb(0x56b4e9), QColor::fromRgb(0xf0a030), QColor::fromRgb(0x3cc39a),
        QColor::fromRgb(0xe07bb0), QColor::fromRgb(0xb09cf5), QColor::fromRgb(0x9fd8ff),
        QColor::fromRgb(0xf0e442), QColor::fromRgb(0xc9d1d9) };
}

} // namespace

ChartLook ChartLook::fromTheme(const Theme& theme, const QFont& font)
{
    ChartLook look;
    look.colors = theme.colors();
    const bool dark = theme.name() == Theme::Name::Dark;
    look.grid = blend(look.colors.border, look.colors.base, dark ? 0.7 : 0.6);
    look.markerLine = look.colors.danger;
    look.markerLabelBackground = blend(look.colors.danger, look.colors.base, 0.14);
    look.font = font;
    look.titleFont = font;
    look.titleFont.setBold(true);
    look.markerFont = font;
    look.markerFont.setPointSizeF(font.pointSizeF() * 0.92);
    look.lineWidth = theme.isPresenter() ? 3.2 : 2.0;
    look.probeColors = dark ? darkProbeColors() : lightProbeColors();
    return look;
}

QColor ChartLook::probeColor(int index) const
{
    if (probeColors.isEmpty())
        return colors.accent;
    return probeColors.at(index % probeColors.size());
}

void ChartLook::apply(QChart* chart) const
{
    chart->setBackgroundBrush(colors.base);
    chart->setBackgroundPen(Qt::NoPen);
    chart->setPlotAreaBackgroundVisible(false);
    chart->setTitleBrush(colors.text);
    chart->setTitleFont(titleFont);
    chart->legend()->setLabelColor(colors.text);
    chart->legend()->setFont(font);
    for (auto* axis : chart->axes())
        apply(axis);
}

void ChartLook::apply(QAbstractAxis* axis) const
{
    axis->setLabelsColor(colors.text);
    axis->setLabelsFont(font);
    axis->setTitleBrush(colors.mutedText);
    axis->setTitleFont(font);
    axis->setLinePenColor(colors.border);
    axis->setGridLineColor(grid);
    axis->setMinorGridLineColor(grid);
}

} // namespace chaoslab::ui
