"""One small HTTP server for ``/metrics``, ``/livez`` and ``/readyz`` (daemon thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable
from typing import Any
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from prometheus_client import CollectorRegistry, make_wsgi_app

from worker.runtime.health import Health

StartResponse = Callable[..., Any]


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        return


class _ThreadingWSGIServer(WSGIServer):
    daemon_threads = True


class ProbeServer:
    """Serves the registry and the health probes; ``port=0`` picks a free port."""

    def __init__(self, registry: CollectorRegistry, health: Health, host: str, port: int) -> None:
        self._metrics_app = make_wsgi_app(registry)
        self.health = health
        self._server = make_server(host, port, self._app, WSGIServer, handler_class=_QuietHandler)
        self.host, self.port = host, self._server.server_port
        self._thread = threading.Thread(target=self._server.serve_forever, name="probes", daemon=True)

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self) -> ProbeServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _app(self, environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "/")
        if path in ("/livez", "/readyz"):
            ok, why = self.health.live() if path == "/livez" else self.health.ready()
            status = "200 OK" if ok else "503 Service Unavailable"
            body = f"{'ok' if ok else 'fail'}: {why}\n".encode()
            start_response(status, [("Content-Type", "text/plain; charset=utf-8")])
            return [body]
        if path == "/metrics":
            result: Iterable[bytes] = self._metrics_app(environ, start_response)
            return result
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found: try /metrics, /livez or /readyz\n"]
