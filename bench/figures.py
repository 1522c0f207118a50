"""Turn benchmark results into figures with targets, and print them one per line.

The targets are set against Toxiproxy 2.12.0, measured on 2-core Debian 12 VMs. It moves
~500 MiB/s in bulk (18% of direct loopback) and opens 1.6-2.0k new connections/s. It adds
0.1 ms to a round trip at p50, adds 100.5 ms with a 100 ms latency toxic, and delivers
99.6% of a bandwidth toxic's rate.
"""
import dataclasses
import statistics

from phases import median_or_none

# Twice Toxiproxy's 18% of direct.
THROUGHPUT_SHARE = 0.35
# 1.5 times Toxiproxy's 1.6-2.0k/s.
CONNECTION_RATE = 3000
ADDED_RTT_P50_MS = 0.1
LATENCY_TOLERANCE_MS = 0.5
BANDWIDTH_TOLERANCE = 0.01
RSS_LIMIT_MIB = 64


@dataclasses.dataclass
class Figure:
    name: str
    engine: str = "-"
    direct: str = "-"
    measured: str = "-"
    target: str = "-"
    # "PASS", "MISS", "-" without a target, or "ERROR" when the phase failed.
    result: str = "-"


def verdict(passed):
    return "PASS" if passed else "MISS"


def spread(values, digits):
    """Format the median with [min-max] when there are several values."""
    values = [value for value in values if value is not None]
    if not values:
        return "n/a"
    middle = f"{statistics.median(values):.{digits}f}"
    if len(values) == 1:
        return middle
    return f"{middle} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


def paired(engine, direct, combine):
    """Median over rounds of combine(engine sample, direct sample) from the same round.

    Pairing by round cancels the drift of machine load between rounds.
    """
    values = [combine(e, d) for e, d in zip(engine, direct) if e is not None and d is not None]
    return median_or_none(values)


def throughput_figure(title, engine, direct):
    share = paired(engine, direct, lambda e, d: e / d)
    figure = Figure(f"{title} MiB/s", spread(engine, 0), spread(direct, 0))
    figure.target = f">= {THROUGHPUT_SHARE:.0%} of direct"
    if share is None:
        figure.result = "ERROR"
        return figure
    figure.measured = f"{share:.1%} of direct"
    figure.result = verdict(share >= THROUGHPUT_SHARE)
    return figure


def connection_figure(engine, direct):
    rate = median_or_none(engine)
    share = paired(engine, direct, lambda e, d: e / d)
    figure = Figure("new connections/s", spread(engine, 0), spread(direct, 0))
    figure.target = f">= {CONNECTION_RATE}/s"
    if rate is None or share is None:
        figure.result = "ERROR"
        return figure
    figure.measured = f"{share:.1%} of direct"
    figure.result = verdict(rate >= CONNECTION_RATE)
    return figure


def round_trip_figures(engine_samples, direct_samples):
    figures = []
    for rank, target in (("p50", ADDED_RTT_P50_MS), ("p99", None)):
        engine = engine_samples[f"rtt_{rank}"]
        direct = direct_samples[f"rtt_{rank}"]
        added = paired(engine, direct, lambda e, d: e - d)
        figure = Figure(f"64 B round trip {rank} ms", spread(engine, 3), spread(direct, 3))
        if added is not None:
            figure.measured = f"+{added:.3f} ms"
        if target is not None:
            figure.target = f"added <= {target} ms"
            figure.result = "ERROR" if added is None else verdict(added <= target)
        figures.append(figure)
    return figures


def latency_figure(latency):
    set_ms = latency["set_ms"]
    figure = Figure(f"latency toxic {set_ms} ms, added ms")
    figure.target = f"{set_ms} +/- {LATENCY_TOLERANCE_MS} ms"
    added = latency.get("added_ms")
    if not added:
        figure.result = "ERROR"
        return figure
    middle = statistics.median(added)
    figure.engine = f"{middle:.2f} [{min(added):.2f}-{max(added):.2f}]"
    figure.direct = f"{latency['baseline_ms']:.3f}"
    figure.measured = f"p50 {middle - set_ms:+.2f} ms"
    figure.result = verdict(abs(middle - set_ms) <= LATENCY_TOLERANCE_MS)
    return figure


def bandwidth_figure(result):
    rate = result["rate_kb_s"]
    share = result["measured_kb_s"] / rate
    figure = Figure(f"bandwidth toxic {rate} KB/s", f"{result['measured_kb_s']:.1f} KB/s")
    figure.measured = f"{share:.2%} of rate"
    if result.get("steady_kb_s"):
        figure.measured += f", steady {result['steady_kb_s'] / rate:.2%}"
    figure.target = f"within {BANDWIDTH_TOLERANCE:.0%} of rate"
    figure.result = verdict(abs(share - 1) <= BANDWIDTH_TOLERANCE)
    return figure


def memory_figures(memory):
    figures = [Figure("engine RSS idle MiB", mib(memory.get("idle_kib")))]
    count = memory.get("connections")
    loaded = memory.get("with_connections_kib")
    figure = Figure(f"engine RSS, {count} idle connections MiB", mib(loaded))
    figure.target = f"<= {RSS_LIMIT_MIB} MiB"
    figure.result = "ERROR" if loaded is None else verdict(loaded / 1024 <= RSS_LIMIT_MIB)
    figures.append(figure)
    figures.append(Figure("engine RSS idle after the run MiB", mib(memory.get("after_run_kib"))))
    figures.append(Figure("engine peak RSS (VmHWM) MiB", mib(memory.get("peak_kib"))))
    return figures


def cpu_figures(cpu):
    figures = []
    if cpu.bulk_bytes:
        per_gib = cpu.bulk_seconds / (cpu.bulk_bytes / (1 << 30))
        figures.append(Figure("engine CPU s per GiB moved", f"{per_gib:.2f}"))
    if cpu.connections:
        per_thousand = cpu.connection_seconds * 1000 / (cpu.connections / 1000)
        figures.append(Figure("engine CPU ms per 1000 connections", f"{per_thousand:.0f}"))
    return figures


def direct_only_figures(direct):
    """Figures of a --direct-only run, which checks the client and upstreams alone."""
    return [
        Figure("download MiB/s", direct=spread(direct["download"], 0)),
        Figure("upload MiB/s", direct=spread(direct["upload"], 0)),
        Figure("new connections/s", direct=spread(direct["connrate"], 0)),
        Figure("64 B round trip p50 ms", direct=spread(direct["rtt_p50"], 3)),
        Figure("64 B round trip p99 ms", direct=spread(direct["rtt_p99"], 3)),
    ]


def mib(kib):
    return "n/a" if kib is None else f"{kib / 1024:.1f}"


COLUMNS = (("figure", 40), ("chaoslab", 24), ("direct", 22), ("measured", 32), ("target", 20))


def print_figures(figures):
    print("".join(title.ljust(width) for title, width in COLUMNS) + "result")
    for figure in figures:
        cells = (figure.name, figure.engine, figure.direct, figure.measured, figure.target)
        line = "".join(cell.ljust(width - 1) + " " for cell, (_, width) in zip(cells, COLUMNS))
        print(line + figure.result, flush=True)
