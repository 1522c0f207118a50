// An on/off switch: a checkable button drawn as a track with a sliding knob, sized from
// the font so that presenter mode enlarges it. Space toggles it like any button.
#pragma once

#include <QAbstractButton>

namespace chaoslab::ui {

class ToggleSwitch : public QAbstractButton
{
    Q_OBJECT

public:
    explicit ToggleSwitch(QWidget* parent = nullptr);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool hitButton(const QPoint& position) const override;
};

} // namespace chaoslab::ui
