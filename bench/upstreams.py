#!/usr/bin/env python3
"""Upstream servers for the engine benchmark, run in a child process.

All servers share one non-blocking event loop (selectors), so each connection costs the
same whether the client reaches it through the engine or directly, and no thread starts
per connection. Protocols, with 8-byte big-endian lengths:

  echo      sends back every byte it receives.
  sender    reads a length N, sends N bytes, then closes.
  sink      reads a length N and N bytes, replies with the number of bytes it read,
            then closes.

Run as a script, it binds every server to 127.0.0.1 on a free port, prints
{"name": port, ...} as one JSON line and serves until its standard input closes.
"""
import json
import selectors
import socket
import struct
import sys

HOST = "127.0.0.1"
LENGTH = struct.Struct(">Q")
CHUNK = 1 << 20
RECEIVE_SIZE = 64 * 1024
# Echo servers, one per client path, so that the TIME_WAIT sockets of one path never
# take local ports that another path needs.
ECHO_SERVERS = ("echo_direct", "echo_proxy", "echo_latency", "echo_idle")


class Handler:
    """One accepted connection registered with the selector."""

    def __init__(self, sock, selector, events):
        self.sock = sock
        self.selector = selector
        self.events = events
        selector.register(sock, events, self)

    def watch(self, events):
        if events != self.events:
            self.events = events
            self.selector.modify(self.sock, events, self)

    def close(self):
        self.selector.unregister(self.sock)
        self.sock.close()


class LengthReader:
    """Collects the 8-byte length that opens the sender and sink protocols."""

    def __init__(self):
        self.received = b""

    def feed(self, sock):
        """Read what is available and return the length once all 8 bytes are in, else None.

        Raises EOFError when the peer closes before sending the whole length.
        """
        data = sock.recv(LENGTH.size - len(self.received))
        if not data:
            raise EOFError
        self.received += data
        if len(self.received) < LENGTH.size:
            return None
        return LENGTH.unpack(self.received)[0]


class EchoHandler(Handler):
    def __init__(self, sock, selector):
        super().__init__(sock, selector, selectors.EVENT_READ)
        self.pending = b""

    def handle(self, mask):
        if not self.pending:
            self.pending = self.sock.recv(RECEIVE_SIZE)
            if not self.pending:
                self.close()
                return
        sent = self.sock.send(self.pending)
        self.pending = self.pending[sent:]
        self.watch(selectors.EVENT_WRITE if self.pending else selectors.EVENT_READ)


class SenderHandler(Handler):
    payload = memoryview(b"s" * CHUNK)

    def __init__(self, sock, selector):
        super().__init__(sock, selector, selectors.EVENT_READ)
        self.length = LengthReader()
        self.remaining = None

    def handle(self, mask):
        if self.remaining is None:
            self.remaining = self.length.feed(self.sock)
            if self.remaining is None:
                return
            self.watch(selectors.EVENT_WRITE)
        while self.remaining:
            self.remaining -= self.sock.send(self.payload[: min(self.remaining, CHUNK)])
        self.close()


class SinkHandler(Handler):
    def __init__(self, sock, selector):
        super().__init__(sock, selector, selectors.EVENT_READ)
        self.length = LengthReader()
        self.expected = None
        self.received = 0
        self.buffer = bytearray(CHUNK)

    def handle(self, mask):
        if self.expected is None:
            self.expected = self.length.feed(self.sock)
            if self.expected == 0:
                self.reply()
            return
        count = self.sock.recv_into(self.buffer, min(CHUNK, self.expected - self.received))
        self.received += count
        if count == 0 or self.received >= self.expected:
            self.reply()

    def reply(self):
        # Eight bytes always fit in an empty send buffer, so this blocks for no time.
        self.sock.setblocking(True)
        self.sock.sendall(LENGTH.pack(self.received))
        self.close()


def handle_event(handler, mask):
    try:
        handler.handle(mask)
    except BlockingIOError:
        pass
    except (EOFError, ConnectionError):
        handler.close()


def listen(selector, factory):
    listener = socket.socket()
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind((HOST, 0))
    listener.listen(4096)
    listener.setblocking(False)
    selector.register(listener, selectors.EVENT_READ, factory)
    return listener.getsockname()[1]


def accept_all(listener, selector, factory):
    while True:
        try:
            sock, _ = listener.accept()
        except BlockingIOError:
            return
        sock.setblocking(False)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        factory(sock, selector)


def serve():
    """Start every server, print their ports and serve until standard input closes."""
    selector = selectors.DefaultSelector()
    factories = {name: EchoHandler for name in ECHO_SERVERS}
    factories.update(sender=SenderHandler, sink=SinkHandler)
    ports = {name: listen(selector, factory) for name, factory in factories.items()}
    selector.register(sys.stdin, selectors.EVENT_READ, None)
    print(json.dumps(ports), flush=True)

    while True:
        for key, mask in selector.select():
            if key.data is None:
                return
            if isinstance(key.data, Handler):
                handle_event(key.data, mask)
            else:
                accept_all(key.fileobj, selector, key.data)


if __name__ == "__main__":
    serve()
