// Slider positions to attribute values and back, linear and logarithmic.
#include "sliderscale.h"

#include <QTest>

using chaoslab::ui::SliderScale;

Q_DECLARE_METATYPE(SliderScale)

class TestSliderScale : public QObject
{
    Q_OBJECT

private slots:
    void endsMapToRange_data();
    void endsMapToRange();
    void positionsRoundTrip_data();
    void positionsRoundTrip();
    void valuesRoundTripClosely_data();
    void valuesRoundTripClosely();
    void valuesNeverDecrease();
    void logarithmicGivesSmallValuesRoom();
    void outOfRangeValuesClamp();
};

namespace {

void addScales()
{
    QTest::addColumn<SliderScale>("scale");
    QTest::newRow("latency 0 to 30,000 ms, logarithmic") << SliderScale::logarithmic(0, 30'000);
    QTest::newRow("bandwidth 1 to 1,000,000 KB/s, logarithmic")
        << SliderScale::logarithmic(1, 1'000'000);
    QTest::newRow("limit 0 to 1 GiB, logarithmic") << SliderScale::logarithmic(0, 1'073'741'824);
    QTest::newRow("toxicity 0 to 100 %, linear") << SliderScale::linear(0, 100);
}

} // namespace

void TestSliderScale::endsMapToRange_data()
{
    addScales();
}

void TestSliderScale::endsMapToRange()
{
    QFETCH(SliderScale, scale);
    QCOMPARE(scale.valueAt(0), scale.minimum());
    QCOMPARE(scale.valueAt(scale.lastPosition()), scale.maximum());
    QCOMPARE(scale.positionFor(scale.minimum()), 0);
    QCOMPARE(scale.positionFor(scale.maximum()), scale.lastPosition());
}

void TestSliderScale::positionsRoundTrip_data()
{
    addScales();
}

// A value a slider produced maps back to a position with that same value, so setting the
// shown value from the server never moves the slider to a different number.
void TestSliderScale::positionsRoundTrip()
{
    QFETCH(SliderScale, scale);
    for (int position = 0; position <= scale.lastPosition(); ++position) {
        const qint64 value = scale.valueAt(position);
        const int back = scale.positionFor(value);
        QVERIFY2(scale.valueAt(back) == value,
            qPrintable(QStringLiteral("position %1 -> %2 -> position %3 -> %4")
                           .arg(position)
                           .arg(value)
                           .arg(back)
                           .arg(scale.valueAt(back))));
    }
}

void TestSliderScale::valuesRoundTripClosely_data()
{
    QTest::addColumn<SliderScale>("scale");
    QTest::addColumn<qint64>("value");
    const auto latency = SliderScale::logarithmic(0, 30'000);
    QTest::newRow("latency 0 ms") << latency << qint64(0);
    QTest::newRow("latency 1 ms") << latency << qint64(1);
    QTest::newRow("latency 7 ms") << latency << qint64(7);
    QTest::newRow("latency 100 ms") << latency << qint64(100);
    QTest::newRow("latency 333 ms") << latency << qint64(333);
    QTest::newRow("latency 2,500 ms") << latency << qint64(2'500);
    QTest::newRow("latency 29,999 ms") << latency << qint64(29'999);
    const auto rate = SliderScale::logarithmic(1, 1'000'000);
    QTest::newRow("rate 1 KB/s") << rate << qint64(1);
    QTest::newRow("rate 64 KB/s") << rate << qint64(64);
    QTest::newRow("rate 12,345 KB/s") << rate << qint64(12'345);
    QTest::newRow("rate 999,000 KB/s") << rate << qint64(999'000);
}

// Any value, including ones typed into the spin box, puts the slider within a few
// percent of it.
void TestSliderScale::valuesRoundTripClosely()
{
    QFETCH(SliderScale, scale);
    QFETCH(qint64, value);
    const qint64 shown = scale.valueAt(scale.positionFor(value));
    const qint64 tolerance = std::max<qint64>(1, value * 6 / 100);
    QVERIFY2(std::llabs(shown - value) <= tolerance,
        qPrintable(QStringLiteral("%1 is shown as %2").arg(value).arg(shown)));
}

void TestSliderScale::valuesNeverDecrease()
{
    const auto scale = SliderScale::logarithmic(0, 30'000);
    for (int position = 1; position <= scale.lastPosition(); ++position)
        QVERIFY(scale.valueAt(position) >= scale.valueAt(position - 1));
}

// On a linear 0 to 30,000 ms slider 300 pixels wide, one pixel would be 100 ms.
void TestSliderScale::logarithmicGivesSmallValuesRoom()
{
    const auto scale = SliderScale::logarithmic(0, 30'000);
    QVERIFY(scale.positionFor(10) > scale.lastPosition() / 5);
    QVERIFY(scale.positionFor(1000) > scale.lastPosition() / 2);
    QVERIFY(scale.positionFor(1000) < scale.lastPosition() * 3 / 4);
}

void TestSliderScale::outOfRangeValuesClamp()
{
    const auto scale = SliderScale::logarithmic(1, 1'000'000);
    QCOMPARE(scale.positionFor(0), 0);
    QCOMPARE(scale.positionFor(5'000'000), scale.lastPosition());
    QCOMPARE(scale.valueAt(-5), qint64(1));
    QCOMPARE(scale.valueAt(scale.lastPosition() + 10), qint64(1'000'000));
}

QTEST_GUILESS_MAIN(TestSliderScale)
#include "tst_sliderscale.moc"
