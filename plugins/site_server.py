"""Serve a built site from localhost the way a static host does: a missing
address gets the site's own 404.html, with status 404, instead of Python's
default error page. `invoke serve` and the browser tests use it.

Knows nothing of Pelican: it serves a folder of files."""
from __future__ import annotations

import contextlib
import functools
import http.server
import threading
from pathlib import Path

#: The page a static host serves for a missing address (pelicanconf.NOT_FOUND_SAVE_AS).
NOT_FOUND = "404.html"


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Python's file handler, answering a missing address with the site's
    own not-found page when the site has one."""

    not_found = NOT_FOUND
    quiet = False

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / self.not_found
        if code != 404 or not page.is_file():
            super().send_error(code, message, explain)
            return
        self.log_error("code %d, message %s", code, message)
        body = page.read_bytes()
        self.send_response(code, message)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def log_message(self, *args):
        if not self.quiet:
            super().log_message(*args)


def site_server(folder: Path, port: int = 0, host: str = "127.0.0.1", quiet: bool = False,
                not_found: str = NOT_FOUND) -> http.server.ThreadingHTTPServer:
    """A server for `folder` on host:port (0: any free port); the caller runs and closes it."""
    handler = type("Handler", (SiteHandler,), {"quiet": quiet, "not_found": not_found})
    return http.server.ThreadingHTTPServer((host, int(port)), functools.partial(handler, directory=str(folder)))


@contextlib.contextmanager
def serving(folder: Path, quiet: bool = True):
    """Serve `folder` on a free localhost port in a thread; yield its base address."""
    server = site_server(folder, quiet=quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
