// Maps a slider's integer positions to attribute values, linearly or on a logarithmic
// scale, so that one slider can set both 5 ms and 20,000 ms with useful precision.
//
// The logarithmic scale runs over value - minimum + 1, so it includes the minimum itself
// (often 0). Its values are rounded to two significant digits (1, 2, ..., 99, 100, 110,
// ..., 990, 1000, 1100, ...) so that a dragged slider lands on numbers a room can read.
// A spin box next to the slider sets any exact value.
#pragma once

#include <QtGlobal>

namespace chaoslab::ui {

class SliderScale
{
public:
    enum class Kind { Linear, Logarithmic };

    // A scale with the single value 0.
    SliderScale() = default;

    static SliderScale linear(qint64 minimum, qint64 maximum);
    static SliderScale logarithmic(qint64 minimum, qint64 maximum);

    Kind kind() const { return m_kind; }
    qint64 minimum() const { return m_minimum; }
    qint64 maximum() const { return m_maximum; }

    // Number of the last position; positions run from 0 to lastPosition().
    int lastPosition() const;

    // Returns the value at `position`, clamped to the positions of the scale.
    qint64 valueAt(int position) const;

    // Returns the position whose value is nearest to `value`. The value at the returned
    // position equals `value` whenever some position has exactly that value.
    int positionFor(qint64 value) const;

private:
    SliderScale(Kind kind, qint64 minimum, qint64 maximum);

    double rawValueAt(int position) const;
    double rawPositionFor(qint64 value) const;

    Kind m_kind = Kind::Linear;
    qint64 m_minimum = 0;
    qint64 m_maximum = 0;
};

} // namespace chaoslab::ui
