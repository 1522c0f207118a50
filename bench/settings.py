"""Sizes and counts of one benchmark run, full or --quick."""
import dataclasses

GIB = 1 << 30


@dataclasses.dataclass
class Settings:
    runs: int
    # Bytes moved each way per round and path.
    bulk_bytes: int
    connections: int
    round_trips: int
    latency_samples: int
    # Rates in KB/s (1 KB = 1000 B), each downloaded for bandwidth_seconds at its set rate.
    bandwidth_rates: tuple
    bandwidth_seconds: float
    idle_connections: int
    latency_ms: int = 100

    @classmethod
    def from_options(cls, options):
        if options.quick:
            settings = cls(runs=1, bulk_bytes=GIB // 16, connections=200, round_trips=500,
                           latency_samples=5, bandwidth_rates=(1000, 10000),
                           bandwidth_seconds=0.3, idle_connections=100)
        else:
            settings = cls(runs=3, bulk_bytes=GIB, connections=2000, round_trips=5000,
                           latency_samples=50, bandwidth_rates=(1000, 10000),
                           bandwidth_seconds=3.0, idle_connections=1000)
        if options.runs is not None:
            settings.runs = options.runs
        if options.gib is not None:
            settings.bulk_bytes = max(1, int(options.gib * GIB))
        return settings

    def summary(self):
        rates = " and ".join(str(rate) for rate in self.bandwidth_rates)
        return (
            f"{self.runs} round{'' if self.runs == 1 else 's'}"
            f" of {self.bulk_bytes / GIB:g} GiB each way,"
            f" {self.connections} connections and {self.round_trips} round trips per path;"
            f" {self.latency_samples} samples of a {self.latency_ms} ms latency toxic;"
            f" bandwidth toxics of {rates} KB/s for {self.bandwidth_seconds:g} s each;"
            f" {self.idle_connections} idle connections"
        )
