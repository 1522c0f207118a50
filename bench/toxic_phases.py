"""Accuracy of the latency and bandwidth toxics, and engine memory with idle connections."""
import statistics

import measurements

DIRECT_ROUND_TRIPS_PER_SAMPLE = 10
WARM_UP_ROUND_TRIPS = 50


def latency_added_ms(toxic_port, direct_port, samples):
    """Time 64-byte echoes through a proxy with a latency toxic, minus the direct time.

    Each toxic sample follows a few direct round trips, and the median of all direct
    round trips of the phase is the baseline. Returns (added ms per sample, baseline ms).
    """
    toxic_ms = []
    direct_ms = []
    with measurements.open_connection(toxic_port) as toxic, measurements.open_connection(
        direct_port
    ) as direct:
        measurements.round_trips_ms(direct, WARM_UP_ROUND_TRIPS)
        measurements.round_trips_ms(toxic, 1)
        for _ in range(samples):
            direct_ms += measurements.round_trips_ms(direct, DIRECT_ROUND_TRIPS_PER_SAMPLE)
            toxic_ms += measurements.round_trips_ms(toxic, 1)
    baseline = statistics.median(direct_ms)
    return [sample - baseline for sample in toxic_ms], baseline


def bandwidth_result(port, rate_kb_s, seconds):
    """Download rate_kb_s * seconds worth of bytes through a bandwidth toxic.

    Rates are in KB/s with 1 KB = 1000 B, as the toxic's `rate` attribute.
    """
    size = int(rate_kb_s * 1000 * seconds)
    elapsed, steady_bytes_s = measurements.paced_download(port, size)
    return {
        "rate_kb_s": rate_kb_s,
        "bytes": size,
        "seconds": elapsed,
        "measured_kb_s": size / elapsed / 1000,
        "steady_kb_s": steady_bytes_s / 1000 if steady_bytes_s else None,
    }


def rss_with_idle_connections_kib(engine, port, count):
    """Open `count` connections through one proxy and return the engine's VmRSS in KiB."""
    sockets = measurements.open_idle_connections(port, count)
    try:
        return engine.memory_kib("VmRSS")
    finally:
        measurements.close_all(sockets)
