"""Interleaved measurement phases: bulk transfers, connection rate and round trips.

The paths (direct and through the engine) take turns in small blocks, and which path
goes first alternates from block to block and round to round. On a 2-core machine the
load changes by 10-20% from one second to the next, so this is what lets a proxy figure
be compared with the direct one taken in the same round.
"""
import statistics

import measurements

MIB = 1 << 20
TRANSFER_BLOCK = 64 * MIB
CONNECTION_BLOCK = 50
ROUND_TRIP_BLOCK = 250
WARM_UP_ROUND_TRIPS = 200
WARM_UP_CONNECTIONS = 200
METRICS = ("download", "upload", "connrate", "rtt_p50", "rtt_p99")


class Path:
    """One way to reach the upstreams, with its per-round samples of each metric.

    `ports` maps "download", "upload" and "echo" to the port to connect to.
    """

    def __init__(self, label, ports):
        self.label = label
        self.ports = ports
        self.samples = {metric: [] for metric in METRICS}


class EngineCpu:
    """Engine CPU seconds spent in the bulk and connection phases, with their volume."""

    def __init__(self, engine):
        self.engine = engine
        self.bulk_seconds = 0.0
        self.bulk_bytes = 0
        self.connection_seconds = 0.0
        self.connections = 0

    def read(self):
        return self.engine.cpu_seconds() if self.engine else 0.0


def in_turns(paths, block_index, round_index):
    if (block_index + round_index) % 2 == 0:
        return list(paths)
    return list(reversed(paths))


def blocks(total, block):
    full, rest = divmod(total, block)
    return [block] * full + ([rest] if rest else [])


def warm_up(paths, settings):
    """Run each path once so no counted sample pays for first-use costs."""
    for path in paths:
        size = min(TRANSFER_BLOCK, settings.bulk_bytes)
        measurements.download_seconds(path.ports["download"], size)
        measurements.upload_seconds(path.ports["upload"], size)
        measurements.connections_seconds(path.ports["echo"], WARM_UP_CONNECTIONS)


def run_bulk(paths, settings, round_index, metric, cpu):
    """Move settings.bulk_bytes through each path in blocks and record MiB/s."""
    transfer = {"download": measurements.download_seconds, "upload": measurements.upload_seconds}
    elapsed = {path.label: 0.0 for path in paths}
    cpu_before = cpu.read()
    for index, size in enumerate(blocks(settings.bulk_bytes, TRANSFER_BLOCK)):
        for path in in_turns(paths, index, round_index):
            elapsed[path.label] += transfer[metric](path.ports[metric], size)
    cpu.bulk_seconds += cpu.read() - cpu_before
    cpu.bulk_bytes += settings.bulk_bytes
    for path in paths:
        path.samples[metric].append(settings.bulk_bytes / MIB / elapsed[path.label])


def run_connections(paths, settings, round_index, cpu):
    """Open settings.connections connections per path in blocks and record connections/s."""
    elapsed = {path.label: 0.0 for path in paths}
    cpu_before = cpu.read()
    for index, count in enumerate(blocks(settings.connections, CONNECTION_BLOCK)):
        for path in in_turns(paths, index, round_index):
            elapsed[path.label] += measurements.connections_seconds(path.ports["echo"], count)
    cpu.connection_seconds += cpu.read() - cpu_before
    cpu.connections += settings.connections
    for path in paths:
        path.samples["connrate"].append(settings.connections / elapsed[path.label])


def run_round_trips(paths, settings, round_index):
    """Time settings.round_trips 64-byte echoes per path in blocks, and record p50 and p99 in ms."""
    samples = {path.label: [] for path in paths}
    sockets = {}
    try:
        for path in paths:
            sockets[path.label] = measurements.open_connection(path.ports["echo"])
            measurements.round_trips_ms(sockets[path.label], WARM_UP_ROUND_TRIPS)
        for index, count in enumerate(blocks(settings.round_trips, ROUND_TRIP_BLOCK)):
            for path in in_turns(paths, index, round_index):
                samples[path.label] += measurements.round_trips_ms(sockets[path.label], count)
    finally:
        measurements.close_all(sockets.values())
    for path in paths:
        path.samples["rtt_p50"].append(percentile(samples[path.label], 50))
        path.samples["rtt_p99"].append(percentile(samples[path.label], 99))


def percentile(values, rank):
    """Nearest-rank percentile: the smallest value with at least rank% of values at or below."""
    ordered = sorted(values)
    index = max(0, -(-len(ordered) * rank // 100) - 1)
    return ordered[index]


def median_or_none(values):
    values = [value for value in values if value is not None]
    return statistics.median(values) if values else None
