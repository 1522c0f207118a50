#!/usr/bin/env python3
"""Benchmark Chaos Lab's built-in engine (`chaoslab serve`) next to direct loopback.

One run on this machine measures the bulk throughput both ways through a proxy without
toxics, new connections per second, and the round trip a proxy adds to 64-byte messages.
It also measures the accuracy of a 100 ms latency toxic and of bandwidth toxics, and the
engine's RSS idle and with many idle connections. Each figure is printed next to its
target with PASS or MISS. The exit code is non-zero only when something failed, never
for a missed target.

The script starts the engine on a free 127.0.0.1 port, drives it through its Toxiproxy
HTTP API and stops it at the end. A watchdog kills it and the upstreams after
--max-seconds. Nothing leaves 127.0.0.1.
"""
import argparse
import json
import os
import resource
import signal
import sys
import threading
import time

import figures
import phases
import toxic_phases
from engine_process import EngineError, EngineProcess
from machine import describe_machine
from measurements import MeasurementError
from phases import Path
from settings import Settings
from toxiproxy_api import ApiError
from upstream_process import UpstreamProcess

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CHAOSLAB = os.path.join(REPO_ROOT, "build", "app", "chaoslab")
# Descriptors needed beyond the idle connections, for listeners, the API client and the
# transfer and round-trip sockets.
SPARE_FILES = 256
WATCHDOG_EXIT_CODE = 3


def parse_options(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chaoslab", default=DEFAULT_CHAOSLAB, metavar="PATH",
                        help="chaoslab executable (default: build/app/chaoslab in the repository)")
    parser.add_argument("--gib", type=float,
                        help="GiB moved each way per round and path"
                        " (default 1, or 1/16 with --quick)")
    parser.add_argument("--runs", type=int,
                        help="rounds of the bulk, connection and round-trip phases, whose medians"
                        " are reported (default 3, or 1 with --quick)")
    parser.add_argument("--json", metavar="OUT", help="also write every sample and figure to OUT")
    parser.add_argument("--quick", action="store_true",
                        help="small sizes for a smoke run of a few seconds, with rough figures")
    parser.add_argument("--direct-only", action="store_true",
                        help="measure direct loopback only, without starting the engine")
    parser.add_argument("--max-seconds", type=float, default=600,
                        help="kill the engine and stop after this many seconds (default 600)")
    options = parser.parse_args(argv)
    if options.gib is not None and options.gib <= 0:
        parser.error(f"invalid --gib {options.gib}: expected a size above 0, for example 0.5")
    if options.runs is not None and options.runs < 1:
        parser.error(f"invalid --runs {options.runs}: expected 1 or more")
    if not options.direct_only and not os.access(options.chaoslab, os.X_OK):
        parser.error(f"chaoslab executable not found at {options.chaoslab}: build it with"
                     " scripts/setup.sh or pass --chaoslab PATH")
    return options


def raise_file_limit(needed):
    """Raise this process's RLIMIT_NOFILE soft limit to `needed` if the hard limit allows.

    Returns the soft limit it had before, which the engine gets, as from a shell.
    """
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < needed:
        wanted = needed if hard == resource.RLIM_INFINITY else min(needed, hard)
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    return soft


class Benchmark:
    """One benchmark run: the upstreams, the engine, the paths and everything measured."""

    def __init__(self, options, settings):
        self.options = options
        self.settings = settings
        self.upstreams = None
        self.engine = None
        self.engine_version = None
        self.paths = []
        self.proxy_ports = {}
        self.cpu = phases.EngineCpu(None)
        self.latency = {"set_ms": settings.latency_ms}
        self.bandwidth = []
        self.memory = {"connections": settings.idle_connections}
        self.errors = []

    def step(self, name, function, *args):
        """Run one measurement, and record and print its error instead of raising it."""
        try:
            return function(*args)
        except (OSError, MeasurementError, ApiError, EngineError) as error:
            self.errors.append(f"{name}: {error}")
            print(f"error: {name}: {error}", file=sys.stderr, flush=True)
            return None

    def start(self, engine_file_limit):
        self.upstreams = UpstreamProcess()
        ports = self.upstreams.ports
        self.paths.append(Path("direct", {
            "download": ports["sender"], "upload": ports["sink"], "echo": ports["echo_direct"]}))
        if self.options.direct_only:
            return
        self.engine = EngineProcess(self.options.chaoslab, engine_file_limit)
        self.engine.start()
        self.engine_version = self.engine.api.version()
        self.cpu = phases.EngineCpu(self.engine)
        self.create_proxies(ports)

    def create_proxies(self, ports):
        api = self.engine.api
        created = {
            "download": api.create_proxy("bench_download", ports["sender"]),
            "upload": api.create_proxy("bench_upload", ports["sink"]),
            "echo": api.create_proxy("bench_echo", ports["echo_proxy"]),
        }
        self.paths.append(Path("chaoslab", created))
        self.proxy_ports["latency"] = api.create_proxy("bench_latency", ports["echo_latency"])
        latency = {"latency": self.settings.latency_ms, "jitter": 0}
        api.add_toxic("bench_latency", "latency", latency)
        for rate in self.settings.bandwidth_rates:
            name = f"bench_bandwidth_{rate}"
            self.proxy_ports[name] = api.create_proxy(name, ports["sender"])
            api.add_toxic(name, "bandwidth", {"rate": rate})
        self.proxy_ports["idle"] = api.create_proxy("bench_idle", ports["echo_idle"])

    def run(self):
        if self.engine:
            self.measure_memory()
        self.step("warm-up", phases.warm_up, self.paths, self.settings)
        for round_index in range(self.settings.runs):
            started = time.perf_counter()
            self.run_round(round_index)
            print(f"round {round_index + 1}/{self.settings.runs} took"
                  f" {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        if self.engine:
            self.measure_toxics()
            self.memory["after_run_kib"] = self.step("memory", self.engine.memory_kib, "VmRSS")
            self.memory["peak_kib"] = self.step("memory", self.engine.memory_kib, "VmHWM")

    def run_round(self, round_index):
        for metric in ("download", "upload"):
            self.step(metric, phases.run_bulk, self.paths, self.settings, round_index, metric,
                      self.cpu)
        self.step("connections", phases.run_connections, self.paths, self.settings,
                  round_index, self.cpu)
        self.step("round trips", phases.run_round_trips, self.paths, self.settings, round_index)

    def measure_memory(self):
        self.memory["idle_kib"] = self.step("memory", self.engine.memory_kib, "VmRSS")
        self.memory["with_connections_kib"] = self.step(
            "idle connections", toxic_phases.rss_with_idle_connections_kib, self.engine,
            self.proxy_ports["idle"], self.settings.idle_connections)

    def measure_toxics(self):
        direct_echo = self.paths[0].ports["echo"]
        measured = self.step("latency toxic", toxic_phases.latency_added_ms,
                             self.proxy_ports["latency"], direct_echo,
                             self.settings.latency_samples)
        if measured:
            self.latency["added_ms"], self.latency["baseline_ms"] = measured
        for rate in self.settings.bandwidth_rates:
            result = self.step("bandwidth toxic", toxic_phases.bandwidth_result,
                               self.proxy_ports[f"bench_bandwidth_{rate}"], rate,
                               self.settings.bandwidth_seconds)
            if result:
                self.bandwidth.append(result)

    def stop(self):
        if self.engine:
            self.engine.stop()
        if self.upstreams:
            self.upstreams.stop()

    def kill(self):
        if self.engine:
            self.engine.kill()
        if self.upstreams:
            self.upstreams.kill()

    def figure_table(self):
        direct = self.paths[0].samples
        if len(self.paths) < 2:
            return figures.direct_only_figures(direct)
        engine = self.paths[1].samples
        return [
            figures.throughput_figure("download", engine["download"], direct["download"]),
            figures.throughput_figure("upload", engine["upload"], direct["upload"]),
            figures.connection_figure(engine["connrate"], direct["connrate"]),
            *figures.round_trip_figures(engine, direct),
            figures.latency_figure(self.latency),
            *[figures.bandwidth_figure(measured) for measured in self.bandwidth],
            *figures.memory_figures(self.memory),
            *figures.cpu_figures(self.cpu),
        ]

    def record(self, machine, table):
        return {
            "machine": machine,
            "settings": vars(self.settings),
            "engine_version": self.engine_version,
            "samples": {path.label: path.samples for path in self.paths},
            "latency": self.latency,
            "bandwidth": self.bandwidth,
            "memory": self.memory,
            "engine_cpu": {key: value for key, value in vars(self.cpu).items() if key != "engine"},
            "figures": [vars(figure) for figure in table],
            "errors": self.errors,
        }


def start_watchdog(benchmark, seconds):
    def expire():
        print(f"error: the run exceeded --max-seconds {seconds:.0f}; killing the engine and"
              " the upstreams", file=sys.stderr, flush=True)
        benchmark.kill()
        os._exit(WATCHDOG_EXIT_CODE)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def stop_on_signal(signum, frame):
    raise SystemExit(128 + signum)


def main(argv):
    options = parse_options(argv)
    settings = Settings.from_options(options)
    engine_file_limit = raise_file_limit(2 * settings.idle_connections + SPARE_FILES)
    signal.signal(signal.SIGTERM, stop_on_signal)
    machine = describe_machine()
    print(f"machine: {machine['summary']}", flush=True)
    print(f"settings: {settings.summary()}", flush=True)

    benchmark = Benchmark(options, settings)
    watchdog = start_watchdog(benchmark, options.max_seconds)
    try:
        benchmark.start(engine_file_limit)
        if benchmark.engine_version:
            print(f"engine: {options.chaoslab} serve, version {benchmark.engine_version},"
                  f" pid {benchmark.engine.pid}", flush=True)
        benchmark.run()
    except (OSError, EngineError, ApiError, MeasurementError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    finally:
        benchmark.stop()
        watchdog.cancel()

    machine["load_average_end"] = os.getloadavg()
    table = benchmark.figure_table()
    figures.print_figures(table)
    if options.json:
        with open(options.json, "w", encoding="utf-8") as out:
            json.dump(benchmark.record(machine, table), out, indent=2)
    return 1 if benchmark.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
