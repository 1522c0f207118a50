#include "toggleswitch.h"

#include <QPainter>

namespace chaoslab::ui {

ToggleSwitch::ToggleSwitch(QWidget* parent) : QAbstractButton(parent)
{
    setCheckable(true);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
}

QSize ToggleSwitch::sizeHint() const
{
    const int height = fontMetrics().height() + 6;
    return QSize(height * 2 - 2, height);
}

bool ToggleSwitch::hitButton(const QPoint& position) const
{
    return rect().contains(position);
}

void ToggleSwitch::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);

    const QRectF track = QRectF(rect()).adjusted(1, 1, -1, -1);
    const qreal radius = track.height() / 2;
    const QColor on = palette().color(QPalette::Highlight);
    const QColor off = palette().color(QPalette::Mid);
    QColor trackColor = isChecked() ? on : off;
    if (!isEnabled())
        trackColor.setAlphaF(0.45);

    painter.setPen(Qt::NoPen);
    painter.setBrush(trackColor);
    painter.drawRoundedRect(track, radius, radius);

    const qreal knobMargin = 3;
    const qreal knobSize = track.height() - 2 * knobMargin;
    const qreal knobX
        = isChecked() ? track.right() - knobMargin - knobSize : track.left() + knobMargin;
    painter.setBrush(isChecked() ? palette().color(QPalette::HighlightedText) : QColor(Qt::white));
    painter.drawEllipse(QRectF(knobX, track.top() + knobMargin, knobSize, knobSize));

    if (hasFocus()) {
        QPen focusPen(palette().color(QPalette::Text), 1.5, Qt::DotLine);
        painter.setPen(focusPen);
        painter.setBrush(Qt::NoBrush);
        painter.drawRoundedRect(track.adjusted(-0.5, -0.5, 0.5, 0.5), radius, radius);
    }
}

} // namespace chaoslab::ui
