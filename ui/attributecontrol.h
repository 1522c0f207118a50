// One toxic attribute as a slider and a spin box with its unit, on one row of a grid.
//
// The slider may be logarithmic; the spin box takes any exact value in range. User edits
// leave through valueEdited(), throttled to at most ten a second while dragging, with the
// final value always sent on release. Server values arrive through showServerValue(),
// which follows the server unless the user is editing this control (see LiveValue).
#pragma once

#include "livevalue.h"
#include "sliderscale.h"
#include "toxiccatalog.h"
#include "valuethrottle.h"

#include <QObject>
#include <QTimer>

class QGridLayout;
class QLabel;
class QSlider;
class QSpinBox;
class QWidget;

namespace chaoslab::ui {

class AttributeControl : public QObject
{
    Q_OBJECT

public:
    // Creates the widgets as children of `parent`; addToGrid() places them.
    AttributeControl(const AttributeSpec& spec, QWidget* parent);

    const AttributeSpec& spec() const { return m_spec; }
    qint64 value() const { return m_value; }
    bool isBusy() const { return m_live.isBusy(); }
    QSlider* slider() const { return m_slider; }
    QSpinBox* spinBox() const { return m_spinBox; }

    // Label, slider and spin box on `row`; a conflict note, when shown, on `row + 1`.
    void addToGrid(QGridLayout* grid, int row);

    // Lowers or raises the largest accepted value, clamping the shown value.
    void setMaximum(qint64 maximum);
    // Shows `value` without emitting valueEdited(), for values the console derives itself.
    void setValue(qint64 value);
    void showServerValue(qint64 value);
    // Ends the wait after a final value: the owner calls it once the server has
    // acknowledged the value and a server state requested after that has been shown.
    void settle();

signals:
    void valueEdited(qint64 value, bool final);
    // The server has `serverValue`, set elsewhere, while the user sets this control.
    void conflictSeen(qint64 serverValue);

private:
    void handleSliderMoved(int position);
    void handleSliderReleased();
    void handleSpinBoxChanged(int value);
    void editTo(qint64 value);
    void finishEdit();
    void handleThrottled(qint64 value, bool final);
    void updateSlider();
    void showConflict(qint64 serverValue);

    AttributeSpec m_spec;
    SliderScale m_scale;
    qint64 m_value;
    LiveValue m_live;
    ValueThrottle m_throttle;
    // Ends keyboard and spin box edits, which have no release, after a pause.
    QTimer m_quietTimer;

    QLabel* m_label;
    QSlider* m_slider;
    QSpinBox* m_spinBox;
    QLabel* m_conflictNote;
};

} // namespace chaoslab::ui
