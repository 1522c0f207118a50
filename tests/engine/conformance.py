#!/usr/bin/env python3
"""Replay the recorded Toxiproxy 2.12.0 API calls against `chaoslab serve` and require
every call to match.

Usage: conformance.py CHAOSLAB_BINARY SHARED_DIR

SHARED_DIR contains tools/toxiproxy_transcript.py, tools/toxiproxy_compare.py and
fixtures/toxiproxy/transcript-2.12.0.json. Exits 77 (skipped) when they are absent.
Everything listens on 127.0.0.1.
"""
import os
import random
import re
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time

SKIPPED = 77


def port_free(port):
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def free_port_base():
    """A base B whose ports B+1..B+9, used by the transcript's proxies, are free now."""
    for _ in range(200):
        base = random.randrange(20000, 30000, 10)
        if all(port_free(base + offset) for offset in range(1, 10)):
            return base
    sys.exit("conformance: found no 9 free consecutive ports between 20000 and 30000")


def read_api_url(server, timeout_s=10.0):
    deadline = time.monotonic() + timeout_s
    line = b""
    while time.monotonic() < deadline and not line.endswith(b"\n"):
        ready, _, _ = select.select([server.stdout], [], [], 0.1)
        if ready:
            chunk = os.read(server.stdout.fileno(), 1)
            if not chunk:
                break
            line += chunk
    match = re.search(rb"listening on (http://\S+)", line)
    if not match:
        sys.exit("conformance: chaoslab serve did not report its address within %.0f s; "
                 "it printed %r" % (timeout_s, line))
    return match.group(1).decode()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, shared = sys.argv[1], sys.argv[2]
    tools = os.path.join(shared, "tools")
    reference = os.path.join(shared, "fixtures", "toxiproxy", "transcript-2.12.0.json")
    needed = [os.path.join(tools, "toxiproxy_transcript.py"),
              os.path.join(tools, "toxiproxy_compare.py"), reference]
    missing = [path for path in needed if not os.path.exists(path)]
    if missing:
        print("conformance: skipped, the Toxiproxy recordings are missing: %s" % ", ".join(missing))
        return SKIPPED

    base = free_port_base()
    server = subprocess.Popen([binary, "serve", "-host", "127.0.0.1", "-port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    try:
        url = read_api_url(server)
        with tempfile.TemporaryDirectory() as folder:
            recording = os.path.join(folder, "transcript.json")
            subprocess.run([sys.executable, needed[0], url, "--out", recording,
                            "--port-base", str(base)],
                           check=True, stderr=subprocess.DEVNULL, timeout=120)
            return subprocess.run([sys.executable, needed[1], reference, recording],
                                  timeout=60).returncode
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=5)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


if __name__ == "__main__":
    sys.exit(main())
