"""Start, observe and stop one `chaoslab serve` process on a free 127.0.0.1 port."""
import os
import resource
import signal
import socket
import subprocess
import tempfile
import time

from toxiproxy_api import ApiError, ToxiproxyApi
from upstreams import HOST

START_ATTEMPTS = 3
READY_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 5.0
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


class EngineError(Exception):
    pass


def free_port():
    """Return a 127.0.0.1 port that was free a moment ago. The caller retries on a race."""
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


class EngineProcess:
    """A `chaoslab serve` child process and its Toxiproxy API.

    `file_limit` is the RLIMIT_NOFILE soft limit the engine starts with, so it gets the
    limit a user's shell would give it rather than the one the benchmark raised for itself.
    """

    def __init__(self, executable, file_limit):
        self.executable = executable
        self.file_limit = file_limit
        self.process = None
        self.api = None
        self.log = tempfile.TemporaryFile()

    @property
    def pid(self):
        return self.process.pid

    def start(self):
        for _ in range(START_ATTEMPTS):
            port = free_port()
            self.process = subprocess.Popen(
                [self.executable, "serve", "--host", HOST, "--port", str(port)],
                stdin=subprocess.DEVNULL,
                stdout=self.log,
                stderr=subprocess.STDOUT,
                preexec_fn=self.apply_file_limit,
            )
            self.api = ToxiproxyApi(port)
            if self.wait_until_ready():
                return
        raise EngineError(
            f"{self.executable} serve exited {START_ATTEMPTS} times before its API responded,"
            f" last exit code {self.process.returncode}, output:\n{self.log_tail()}"
        )

    def apply_file_limit(self):
        _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (self.file_limit, hard))

    def wait_until_ready(self):
        """Poll GET /version, and return False if the process exits first (port taken)."""
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                self.api.version()
                return True
            except ApiError:
                time.sleep(0.02)
        self.stop()
        raise EngineError(
            f"{self.api.url}/version did not respond within {READY_TIMEOUT_S:.0f} s after"
            f" starting {self.executable} serve; output:\n{self.log_tail()}"
        )

    def stop(self):
        """Stop the engine with SIGTERM, or SIGKILL after STOP_TIMEOUT_S. Safe to repeat."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def kill(self):
        """Kill the engine at once, for the watchdog, which must not wait."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()

    def log_tail(self, size=2000):
        self.log.seek(0, os.SEEK_END)
        self.log.seek(max(0, self.log.tell() - size))
        return self.log.read().decode("utf-8", "replace")

    def memory_kib(self, field="VmRSS"):
        """Return a /proc/PID/status memory field (VmRSS, VmHWM) in KiB."""
        with open(f"/proc/{self.pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        raise EngineError(f"/proc/{self.pid}/status has no {field} line")

    def cpu_seconds(self):
        """User plus system CPU seconds of the engine, from /proc/PID/stat."""
        with open(f"/proc/{self.pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLOCK_TICKS
