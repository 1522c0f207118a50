"""Minimal client of the Toxiproxy HTTP API, as served by `chaoslab serve` on 127.0.0.1."""
import http.client
import json

from upstreams import HOST

# Toxiproxy responds 403 to a User-Agent that starts with "Mozilla/", so send another one.
USER_AGENT = "chaoslab-bench/1"
REQUEST_TIMEOUT_S = 10.0


class ApiError(Exception):
    pass


class ToxiproxyApi:
    def __init__(self, port):
        self.port = port
        self.url = f"http://{HOST}:{port}"

    def request(self, method, path, body=None):
        """Send one request and return (HTTP status, decoded JSON body or text)."""
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        payload = None
        if body is not None:
            payload = json.dumps(body)
            headers["Content-Type"] = "application/json"
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT_S)
        try:
            connection.request(method, path, body=payload, headers=headers)
            response = connection.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException) as error:
            raise ApiError(f"{method} {self.url}{path} failed: {error}") from error
        finally:
            connection.close()
        try:
            return response.status, json.loads(text)
        except ValueError:
            return response.status, text

    def expect(self, method, path, body=None, statuses=(200,)):
        """Send one request and return its body, or raise ApiError on any other status."""
        status, reply = self.request(method, path, body)
        if status not in statuses:
            raise ApiError(f"{method} {self.url}{path} returned HTTP {status}: {reply!r}")
        return reply

    def version(self):
        reply = self.expect("GET", "/version")
        return reply.get("version", "?") if isinstance(reply, dict) else str(reply).strip()

    def create_proxy(self, name, upstream_port):
        """Create a proxy on a free 127.0.0.1 port and return the port the engine chose."""
        body = {
            "name": name,
            "listen": f"{HOST}:0",
            "upstream": f"{HOST}:{upstream_port}",
            "enabled": True,
        }
        reply = self.expect("POST", "/proxies", body, statuses=(200, 201))
        listen = reply.get("listen", "") if isinstance(reply, dict) else ""
        port = listen.rpartition(":")[2]
        if not port.isdigit() or port == "0":
            raise ApiError(f"POST {self.url}/proxies for {name}: no chosen port in {reply!r}")
        return int(port)

    def add_toxic(self, proxy, toxic_type, attributes, stream="downstream"):
        body = {"type": toxic_type, "stream": stream, "toxicity": 1.0, "attributes": attributes}
        return self.expect("POST", f"/proxies/{proxy}/toxics", body)
