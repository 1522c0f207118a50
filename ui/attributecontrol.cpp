#include "attributecontrol.h"

#include "toxicsummary.h"

#include <QEvent>
#include <QGridLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

#include <algorithm>

namespace chaoslab::ui {

namespace {

// Keyboard, wheel and spin box edits count as one edit until they pause this long.
constexpr std::chrono::milliseconds quietTime { 400 };

SliderScale scaleFor(const AttributeSpec& spec)
{
    return spec.logarithmic ? SliderScale::logarithmic(spec.minimum, spec.maximum)
                            : SliderScale::linear(spec.minimum, spec.maximum);
}

// Scrolling the toxic panel must not change the sliders it passes over: a wheel event
// reaches a slider or spin box only when it has focus, and goes to the scroll area
// otherwise.
class WheelGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        auto* widget = qobject_cast<QWidget*>(watched);
        if (event->type() == QEvent::Wheel && widget && !widget->hasFocus()) {
            event->ignore();
            return true;
        }
        return false;
    }
};

} // namespace

AttributeControl::AttributeControl(const AttributeSpec& spec, QWidget* parent)
    : QObject(parent)
    , m_spec(spec)
    , m_scale(scaleFor(spec))
    , m_value(spec.initialValue)
    , m_label(new QLabel(spec.label, parent))
    , m_slider(new QSlider(Qt::Horizontal, parent))
    , m_spinBox(new QSpinBox(parent))
    , m_conflictNote(new QLabel(parent))
{
    m_slider->setRange(0, m_scale.lastPosition());
    m_slider->setSingleStep(std::max(1, m_scale.lastPosition() / 100));
    m_slider->setPageStep(std::max(1, m_scale.lastPosition() / 10));
    m_slider->setFocusPolicy(Qt::StrongFocus);
    m_slider->setAccessibleName(tr("%1 slider").arg(spec.label));
    m_slider->setAccessibleDescription(tr("%1, in %2").arg(spec.description, spec.unit));
    m_slider->setToolTip(spec.description);

    m_spinBox->setRange(int(spec.minimum), int(spec.maximum));
    m_spinBox->setSuffix(u' ' + spec.unit);
    m_spinBox->setKeyboardTracking(false);
    m_spinBox->setGroupSeparatorShown(true);
    m_spinBox->setAccelerated(true);
    m_spinBox->setFocusPolicy(Qt::StrongFocus);
    m_spinBox->setAccessibleName(tr("%1 in %2").arg(spec.label, spec.unit));
    m_spinBox->setAccessibleDescription(spec.description);
    m_spinBox->setToolTip(spec.description);
    m_label->setBuddy(m_spinBox);

    m_conflictNote->setProperty("role", QStringLiteral("conflict"));
    m_conflictNote->setWordWrap(true);
    m_conflictNote->hide();

    auto* guard = new WheelGuard(this);
    m_slider->installEventFilter(guard);
    m_spinBox->installEventFilter(guard);

    m_quietTimer.setSingleShot(true);
    m_quietTimer.setInterval(quietTime);

    connect(m_slider, &QSlider::sliderPressed, this, [this] { m_live.beginEdit(m_value); });
    connect(m_slider, &QSlider::valueChanged, this, &AttributeControl::handleSliderMoved);
    connect(m_slider, &QSlider::sliderReleased, this, &AttributeControl::handleSliderReleased);
    connect(m_spinBox, &QSpinBox::valueChanged, this, &AttributeControl::handleSpinBoxChanged);
    connect(&m_throttle, &ValueThrottle::valueReady, this, &AttributeControl::handleThrottled);
    connect(&m_quietTimer, &QTimer::timeout, this, &AttributeControl::finishEdit);

    setValue(m_value);
}

void AttributeControl::addToGrid(QGridLayout* grid, int row)
{
    grid->addWidget(m_label, row, 0);
    grid->addWidget(m_slider, row, 1);
    grid->addWidget(m_spinBox, row, 2);
    grid->addWidget(m_conflictNote, row + 1, 1, 1, 2);
}

void AttributeControl::setMaximum(qint64 maximum)
{
    maximum = std::max(maximum, m_spec.minimum);
    if (maximum == m_spec.maximum)
        return;
    m_spec.maximum = maximum;
    m_scale = scaleFor(m_spec);
    const QSignalBlocker blockSpinBox(m_spinBox);
    m_spinBox->setMaximum(int(maximum));
    setValue(std::min(m_value, maximum));
}

void AttributeControl::setValue(qint64 value)
{
    m_value = std::clamp(value, m_spec.minimum, m_spec.maximum);
    const QSignalBlocker blockSpinBox(m_spinBox);
    m_spinBox->setValue(int(m_value));
    updateSlider();
}

void AttributeControl::updateSlider()
{
    const QSignalBlocker blockSlider(m_slider);
    m_slider->setValue(m_scale.positionFor(m_value));
}

void AttributeControl::handleSliderMoved(int position)
{
    const qint64 value = m_scale.valueAt(position);
    if (m_slider->isSliderDown()) {
        if (value == m_value)
            return;
        m_value = value;
        const QSignalBlocker blockSpinBox(m_spinBox);
        m_spinBox->setValue(int(value));
        m_throttle.submit(value);
        return;
    }
    editTo(value);
}

void AttributeControl::handleSliderReleased()
{
    m_quietTimer.stop();
    finishEdit();
}

void AttributeControl::handleSpinBoxChanged(int value)
{
    editTo(value);
    updateSlider();
}

void AttributeControl::editTo(qint64 value)
{
    if (m_live.state() != LiveValue::State::Editing)
        m_live.beginEdit(m_value);
    m_value = value;
    {
        const QSignalBlocker blockSpinBox(m_spinBox);
        m_spinBox->setValue(int(value));
    }
    m_throttle.submit(value);
    m_quietTimer.start();
}

void AttributeControl::finishEdit()
{
    if (m_live.state() != LiveValue::State::Editing)
        return;
    // Settling first, so that an owner with nothing left to wait for can settle at once.
    m_live.endEdit();
    m_throttle.finish(m_value);
}

void AttributeControl::handleThrottled(qint64 value, bool final)
{
    m_live.recordSent(value);
    emit valueEdited(value, final);
}

void AttributeControl::settle()
{
    if (m_live.state() != LiveValue::State::Settling)
        return;
    m_live.settle();
    m_conflictNote->hide();
}

void AttributeControl::showServerValue(qint64 value)
{
    switch (m_live.serverValueSeen(value)) {
    case LiveValue::Verdict::Follow:
        m_conflictNote->hide();
        if (value != m_value)
            setValue(value);
        break;
    case LiveValue::Verdict::Ignore:
        break;
    case LiveValue::Verdict::Conflict:
        showConflict(value);
        emit conflictSeen(value);
        break;
    }
}

void AttributeControl::showConflict(qint64 serverValue)
{
    m_conflictNote->setText(tr("Changed elsewhere to %1; your value is sent when you let go.")
                                .arg(ToxicSummary::formatValue(serverValue, m_spec.unit)));
    m_conflictNote->show();
}

} // namespace chaoslab::ui
