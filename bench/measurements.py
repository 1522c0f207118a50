"""Client side of each benchmark measurement, against the servers in upstreams.py.

Each function takes the port to connect to on 127.0.0.1, either an engine proxy or the
upstream itself, so the same code measures both paths. They raise MeasurementError when
the bytes that arrive are not the bytes expected, and OSError when a socket fails.
"""
import socket
import time

from upstreams import HOST, LENGTH

CHUNK = 1 << 20
IO_TIMEOUT_S = 30.0
CONNECT_TIMEOUT_S = 5.0


class MeasurementError(Exception):
    pass


def open_connection(port, timeout=IO_TIMEOUT_S):
    sock = socket.create_connection((HOST, port), timeout=timeout)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    return sock


def download_seconds(port, size):
    """Request `size` bytes from a sender and return the seconds from connect to EOF."""
    buffer = memoryview(bytearray(CHUNK))
    received = 0
    start = time.perf_counter()
    with open_connection(port) as sock:
        sock.sendall(LENGTH.pack(size))
        while count := sock.recv_into(buffer):
            received += count
    elapsed = time.perf_counter() - start
    if received != size:
        raise MeasurementError(f"download: received {received} of {size} bytes")
    return elapsed


def upload_seconds(port, size):
    """Send `size` bytes to a sink and return the seconds until it confirmed the count."""
    chunk = memoryview(b"u" * CHUNK)
    start = time.perf_counter()
    with open_connection(port) as sock:
        sock.sendall(LENGTH.pack(size))
        remaining = size
        while remaining:
            step = min(remaining, CHUNK)
            sock.sendall(chunk[:step])
            remaining -= step
        reply = receive_exactly(sock, LENGTH.size, "upload reply")
    elapsed = time.perf_counter() - start
    counted = LENGTH.unpack(reply)[0]
    if counted != size:
        raise MeasurementError(f"upload: the sink counted {counted} of {size} bytes")
    return elapsed


def receive_exactly(sock, size, context):
    data = b""
    while len(data) < size:
        part = sock.recv(size - len(data))
        if not part:
            raise MeasurementError(
                f"{context}: connection closed after {len(data)} of {size} bytes")
        data += part
    return data


def connections_seconds(port, count):
    """Open `count` connections in turn, echo 1 byte on each and close it. Return total seconds.

    Each socket connects to the numeric address, because `socket.create_connection`
    resolves the host on every call, which cost about 36 us per connection on both paths.
    """
    start = time.perf_counter()
    for index in range(count):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
            sock.settimeout(CONNECT_TIMEOUT_S)
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            sock.connect((HOST, port))
            sock.sendall(b"c")
            if sock.recv(1) != b"c":
                raise MeasurementError(f"connection {index + 1} of {count}: no echo")
    return time.perf_counter() - start


def round_trips_ms(sock, count, size=64):
    """Send `size` bytes and wait for their echo, `count` times. Return each time in ms."""
    message = b"p" * size
    samples = []
    for _ in range(count):
        start = time.perf_counter_ns()
        sock.sendall(message)
        receive_exactly(sock, size, "round trip")
        samples.append((time.perf_counter_ns() - start) / 1e6)
    return samples


def paced_download(port, size):
    """Download `size` bytes from a sender and return (seconds to EOF, steady bytes/s).

    The steady rate is the least-squares slope of received bytes over time, which a burst
    at the start or a short wait before the first byte hardly moves.
    """
    buffer = memoryview(bytearray(CHUNK))
    arrivals = []
    received = 0
    start = time.perf_counter()
    with open_connection(port) as sock:
        sock.sendall(LENGTH.pack(size))
        while count := sock.recv_into(buffer):
            received += count
            arrivals.append((time.perf_counter() - start, received))
    elapsed = time.perf_counter() - start
    if received != size:
        raise MeasurementError(f"rate-limited download: received {received} of {size} bytes")
    return elapsed, slope(arrivals)


def slope(points):
    """Least-squares slope of y over x, or None for fewer than two distinct x values."""
    if len(points) < 2:
        return None
    mean_x = sum(x for x, _ in points) / len(points)
    mean_y = sum(y for _, y in points) / len(points)
    spread_x = sum((x - mean_x) ** 2 for x, _ in points)
    if spread_x == 0:
        return None
    return sum((x - mean_x) * (y - mean_y) for x, y in points) / spread_x


def open_idle_connections(port, count):
    """Open `count` connections and echo 1 byte on each, so each reached the upstream.

    Returns the open sockets. The caller closes them.
    """
    sockets = []
    try:
        for index in range(count):
            sock = open_connection(port, CONNECT_TIMEOUT_S)
            sockets.append(sock)
            sock.sendall(b"i")
            if sock.recv(1) != b"i":
                raise MeasurementError(f"idle connection {index + 1} of {count}: no echo")
    except BaseException:
        close_all(sockets)
        raise
    return sockets


def close_all(sockets):
    for sock in sockets:
        sock.close()
