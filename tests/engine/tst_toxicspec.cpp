// Toxic type table and the values the engine rejects because they crash or stall
// Toxiproxy 2.12.
#include "toxicspec.h"

#include <QTest>

using namespace chaoslab::engine;

Q_DECLARE_METATYPE(ToxicSpec)

class TestToxicSpec : public QObject
{
    Q_OBJECT

private slots:
    void knowsTheSevenTypes();
    void noopIsUnknown();
    void defaultsAreZero();
    void rejectsInvalidValues_data();
    void rejectsInvalidValues();
    void acceptsValidValues_data();
    void acceptsValidValues();
    void acceptsSlicerWithoutAttributes();
};

namespace {

ToxicSpec makeToxic(const char* type, std::vector<ToxicAttribute> values, double toxicity = 1.0)
{
    auto toxic = defaultToxic(*findToxicType(type));
    for (const auto& value : values)
        toxic.setAttribute(value.name, value.value);
    toxic.toxicity = toxicity;
    return toxic;
}

std::vector<std::string> namesOf(const ToxicSpec& toxic)
{
    std::vector<std::string> names;
    for (const auto& attribute : toxic.attributes)
        names.push_back(attribute.name);
    return names;
}

} // namespace

void TestToxicSpec::knowsTheSevenTypes()
{
    for (auto name :
        { "latency", "bandwidth", "slow_close", "timeout", "reset_peer", "slicer", "limit_data" })
        QVERIFY2(findToxicType(name) != nullptr, name);
    QCOMPARE(toxicTypes().size(), size_t(7));
}

void TestToxicSpec::noopIsUnknown()
{
    QCOMPARE(findToxicType("noop"), nullptr);
    QCOMPARE(findToxicType("explode"), nullptr);
}

void TestToxicSpec::defaultsAreZero()
{
    const auto slicer = defaultToxic(*findToxicType("slicer"));
    QCOMPARE(slicer.attributes.size(), size_t(3));
    QCOMPARE(slicer.attributes[0].name, std::string("average_size"));
    QCOMPARE(slicer.attribute("delay"), 0);
    QCOMPARE(slicer.stream, Stream::Downstream);
    QCOMPARE(slicer.toxicity, 1.0);
}

void TestToxicSpec::rejectsInvalidValues_data()
{
    QTest::addColumn<ToxicSpec>("toxic");
    QTest::addColumn<QString>("named");

    QTest::newRow("negative latency") << makeToxic("latency", { { "latency", -100 } }) << "latency";
    QTest::newRow("negative jitter") << makeToxic("latency", { { "jitter", -5 } }) << "jitter";
    QTest::newRow("negative rate") << makeToxic("bandwidth", { { "rate", -1 } }) << "rate";
    QTest::newRow("negative close delay")
        << makeToxic("slow_close", { { "delay", -1 } }) << "delay";
    QTest::newRow("negative timeout") << makeToxic("timeout", { { "timeout", -1 } }) << "timeout";
    QTest::newRow("negative reset timeout")
        << makeToxic("reset_peer", { { "timeout", -3 } }) << "timeout";
    QTest::newRow("negative byte limit") << makeToxic("limit_data", { { "bytes", -5 } }) << "bytes";
    QTest::newRow("slicer average size zero")
        << makeToxic("slicer", { { "average_size", 0 } }) << "average_size";
    QTest::newRow("slicer variation equal to average")
        << makeToxic("slicer", { { "average_size", 10 }, { "size_variation", 10 } })
        << "size_variation";
    QTest::newRow("toxicity above one") << makeToxic("latency", {}, 2.0) << "toxicity";
    QTest::newRow("toxicity below zero") << makeToxic("latency", {}, -1.0) << "toxicity";
}

void TestToxicSpec::rejectsInvalidValues()
{
    QFETCH(ToxicSpec, toxic);
    QFETCH(QString, named);

    const auto error = validateToxic(toxic, namesOf(toxic));
    QVERIFY(error.has_value());
    QVERIFY2(QString::fromStdString(*error).contains(named), error->c_str());
}

void TestToxicSpec::acceptsValidValues_data()
{
    QTest::addColumn<ToxicSpec>("toxic");

    QTest::newRow("latency with jitter")
        << makeToxic("latency", { { "latency", 100 }, { "jitter", 50 } });
    QTest::newRow("bandwidth zero") << makeToxic("bandwidth", { { "rate", 0 } });
    QTest::newRow("slicer") << makeToxic(
        "slicer", { { "average_size", 10 }, { "size_variation", 5 }, { "delay", 1000 } });
    QTest::newRow("toxicity zero") << makeToxic("timeout", {}, 0.0);
    QTest::newRow("toxicity half") << makeToxic("limit_data", { { "bytes", 1000 } }, 0.5);
}

void TestToxicSpec::acceptsValidValues()
{
    QFETCH(ToxicSpec, toxic);
    const auto error = validateToxic(toxic, namesOf(toxic));
    QVERIFY2(!error.has_value(), error ? error->c_str() : "");
}

void TestToxicSpec::acceptsSlicerWithoutAttributes()
{
    const auto slicer = defaultToxic(*findToxicType("slicer"));
    QVERIFY(!validateToxic(slicer, {}).has_value());
}

QTEST_GUILESS_MAIN(TestToxicSpec)
#include "tst_toxicspec.moc"
