#include "sliderscale.h"

#include <algorithm>
#include <cmath>

namespace chaoslab::ui {

namespace {

// Enough steps that a 300-pixel slider moves by about 1% of the value per pixel.
constexpr int logarithmicSteps = 1000;

qint64 roundToTwoSignificantDigits(double value)
{
    if (value < 100.0)
        return qRound64(value);
    const double unit = std::pow(10.0, std::floor(std::log10(value)) - 1.0);
    return qRound64(std::round(value / unit) * unit);
}

} // namespace

SliderScale::SliderScale(Kind kind, qint64 minimum, qint64 maximum)
    : m_kind(kind)
    , m_minimum(minimum)
    , m_maximum(std::max(minimum, maximum))
{ }

SliderScale SliderScale::linear(qint64 minimum, qint64 maximum)
{
    return SliderScale(Kind::Linear, minimum, maximum);
}

SliderScale SliderScale::logarithmic(qint64 minimum, qint64 maximum)
{
    return SliderScale(Kind::Logarithmic, minimum, maximum);
}

int SliderScale::lastPosition() const
{
    if (m_kind == Kind::Logarithmic)
        return logarithmicSteps;
    // QSlider positions are ints; linear scales in this console stay far below that.
    return int(std::min<qint64>(m_maximum - m_minimum, logarithmicSteps * 1000));
}

double SliderScale::rawValueAt(int position) const
{
    const double fraction = double(position) / lastPosition();
    const double span = double(m_maximum - m_minimum);
    if (m_kind == Kind::Linear)
        return m_minimum + fraction * span;
    return m_minimum + std::expm1(fraction * std::log1p(span));
}

double SliderScale::rawPositionFor(qint64 value) const
{
    const double span = double(m_maximum - m_minimum);
    if (span <= 0)
        return 0;
    const double offset = double(value - m_minimum);
    if (m_kind == Kind::Linear)
        return offset / span * lastPosition();
    return std::log1p(offset) / std::log1p(span) * lastPosition();
}

qint64 SliderScale::valueAt(int position) const
{
    position = std::clamp(position, 0, lastPosition());
    if (position == 0)
        return m_minimum;
    if (position == lastPosition())
        return m_maximum;
    const double raw = rawValueAt(position);
    const qint64 value = m_kind == Kind::Linear ? qRound64(raw) : roundToTwoSignificantDigits(raw);
    return std::clamp(value, m_minimum, m_maximum);
}

int SliderScale::positionFor(qint64 value) const
{
    value = std::clamp(value, m_minimum, m_maximum);
    const int estimate = int(std::lround(rawPositionFor(value)));

    // Rounding to two digits makes neighbouring positions share values, so look around
    // the estimate for the position whose value is nearest, preferring the estimate.
    int best = std::clamp(estimate, 0, lastPosition());
    qint64 bestDistance = std::llabs(valueAt(best) - value);
    for (int delta = 1; delta <= 3 && bestDistance > 0; ++delta) {
        for (int candidate : { estimate - delta, estimate + delta }) {
            if (candidate < 0 || candidate > lastPosition())
                continue;
            const qint64 distance = std::llabs(valueAt(candidate) - value);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
    }
    return best;
}

} // namespace chaoslab::ui
