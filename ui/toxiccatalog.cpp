#include "toxiccatalog.h"

namespace chaoslab::ui {

namespace {

constexpr qint64 maxDelayMs = 30'000;
// Timeouts up to ten minutes, for lessons about long-hanging connections.
constexpr qint64 maxTimeoutMs = 600'000;
constexpr qint64 maxRateKBps = 1'000'000;
constexpr qint64 maxSliceBytes = 65'536;
constexpr qint64 maxSliceDelayUs = 1'000'000;
constexpr qint64 maxLimitBytes = 1'073'741'824;

AttributeSpec milliseconds(
    QString key, QString label, QString description, qint64 initial, qint64 maximum = maxDelayMs)
{
    return { std::move(key), std::move(label), QStringLiteral("ms"), std::move(description), 0,
        maximum, initial, true };
}

} // namespace

const AttributeSpec* ToxicTypeSpec::attribute(const QString& key) const
{
    for (const auto& spec : attributes) {
        if (spec.key == key)
            return &spec;
    }
    return nullptr;
}

QList<ToxicTypeSpec> ToxicCatalog::makeTypes()
{
    const QString bytes = tr("bytes");
    return {
        { QStringLiteral("latency"), tr("Latency"),
            tr("Delays every chunk of data by the latency, plus or minus a random jitter."),
            { milliseconds(QStringLiteral("latency"), tr("Latency"),
                  tr("Delay added to each chunk of data"), 500),
                milliseconds(QStringLiteral("jitter"), tr("Jitter"),
                    tr("Random variation of the delay, up to this much either way"), 0) } },
        { QStringLiteral("bandwidth"), tr("Bandwidth"),
            tr("Limits the transfer rate (1 KB/s is 1000 bytes per second)."),
            { { QStringLiteral("rate"), tr("Rate"), QStringLiteral("KB/s"),
                tr("Maximum transfer rate in kilobytes per second"), 1, maxRateKBps, 100,
                true } } },
        { QStringLiteral("slow_close"), tr("Slow close"),
            tr("Passes data at once but delays closing the connection."),
            { milliseconds(
                QStringLiteral("delay"), tr("Delay"), tr("Time the close is held back"), 2000) } },
        { QStringLiteral("timeout"), tr("Timeout"),
            tr("Drops all data and closes the connection after the timeout (0: never closes). "
               "Removing it closes the connections it held."),
            { milliseconds(QStringLiteral("timeout"), tr("Timeout"),
                tr("Time until the connection is closed; 0 keeps it open"), 5000, maxTimeoutMs) } },
        { QStringLiteral("reset_peer"), tr("Reset peer"),
            tr("Resets the connection (TCP RST) after the timeout, counted from the first "
               "data."),
            { milliseconds(QStringLiteral("timeout"), tr("Timeout"),
                tr("Time from the first data to the reset"), 2000, maxTimeoutMs) } },
        { QStringLiteral("slicer"), tr("Slicer"),
            tr("Splits data into small writes of about the average size, spaced by a delay."),
            { { QStringLiteral("average_size"), tr("Average size"), bytes,
                  tr("Average size of each write"), 1, maxSliceBytes, 64, true },
                { QStringLiteral("size_variation"), tr("Variation"), bytes,
                    tr("Random variation of the size; less than the average size"), 0,
                    maxSliceBytes - 1, 16, true },
                { QStringLiteral("delay"), tr("Delay"), QStringLiteral("µs"),
                    tr("Pause between writes in microseconds"), 0, maxSliceDelayUs, 1000,
                    true } } },
        { QStringLiteral("limit_data"), tr("Limit data"),
            tr("Closes the connection after this many bytes have passed in its direction."),
            { { QStringLiteral("bytes"), tr("Bytes"), bytes,
                tr("Bytes passed before the connection is closed"), 0, maxLimitBytes, 100'000,
                true } } },
    };
}

const QList<ToxicTypeSpec>& ToxicCatalog::types()
{
    // Built on first use, after main() has installed the translation.
    static const QList<ToxicTypeSpec> types = makeTypes();
    return types;
}

const ToxicTypeSpec* ToxicCatalog::find(const QString& type)
{
    for (const auto& spec : types()) {
        if (spec.type == type)
            return &spec;
    }
    return nullptr;
}

const AttributeSpec& ToxicCatalog::toxicity()
{
    static const AttributeSpec spec { QStringLiteral("toxicity"), tr("Toxicity"),
        QStringLiteral("%"), tr("Share of connections the toxic applies to"), 0, 100, 100, false };
    return spec;
}

} // namespace chaoslab::ui
