"""nginx from Debian on a loopback port, serving one folder, with its configuration and logs in a temporary
folder (started and stopped by the caller; one worker)."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

CONFIG = """
worker_processes 1;
{user}
daemon off;
pid {tmp}/nginx.pid;
error_log {tmp}/error.log;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/body;
    proxy_temp_path {tmp}/proxy;
    fastcgi_temp_path {tmp}/fastcgi;
    uwsgi_temp_path {tmp}/uwsgi;
    scgi_temp_path {tmp}/scgi;
    types {{ text/html html; text/calendar ics; text/css css; application/json json; }}
    default_type application/octet-stream;
    charset utf-8;
    charset_types text/calendar text/css application/json;
    gzip_static on;
    gzip_vary on;
    sendfile on;
    keepalive_requests 100000;
    server {{
        listen 127.0.0.1:{port};
        {body}
    }}
}}
"""


JSON = "application/json"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Nginx:
    """`nginx` serving `root` at http://127.0.0.1:PORT until `stop`."""

    def __init__(
        self, binary: str, root: Path, tmp: Path, port: int | None = None, locations: str | None = None
    ) -> None:
        """`locations`: the server's own configuration instead of `root` served at `/`."""
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        tmp.mkdir(parents=True, exist_ok=True)
        user = "user root;" if os.geteuid() == 0 else ""  # workers must read the temporary folder
        conf = tmp / "nginx.conf"
        body = locations or f"root {root}; index index.html; location /api/ {{ default_type {JSON}; }}"
        conf.write_text(CONFIG.format(user=user, tmp=tmp, port=self.port, body=body), encoding="utf-8")
        self.log = tmp / "error.log"
        self.process = subprocess.Popen(
            [binary, "-p", str(tmp), "-e", str(self.log), "-c", str(conf)],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(
                    f"nginx stopped: {self.process.stderr.read().decode() if self.process.stderr else ''}"
                )
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise RuntimeError("nginx did not start listening within 10 s")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
