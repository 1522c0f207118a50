"""The child process that runs upstreams.py, and its ports."""
import json
import os
import select
import subprocess
import sys

import upstreams

READY_TIMEOUT_S = 10.0
STOP_TIMEOUT_S = 3.0


class UpstreamProcess:
    """Starts upstreams.py and reads the ports it bound. The child serves until stop()."""

    def __init__(self):
        self.process = subprocess.Popen(
            [sys.executable, os.path.abspath(upstreams.__file__)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        ready, _, _ = select.select([self.process.stdout], [], [], READY_TIMEOUT_S)
        line = self.process.stdout.readline() if ready else ""
        if not line:
            self.kill()
            raise OSError(f"the upstream servers did not report their ports within"
                          f" {READY_TIMEOUT_S:.0f} s (exit code {self.process.poll()})")
        self.ports = json.loads(line)

    def stop(self):
        """Close the child's standard input, which ends its loop, and kill it if it lingers."""
        if self.process.poll() is not None:
            return
        self.process.stdin.close()
        try:
            self.process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            self.kill()

    def kill(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
