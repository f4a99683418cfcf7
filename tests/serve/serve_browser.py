"""Helpers of the browser tests: the app under uvicorn on loopback, and an offline chromium page.

Chromium is Debian's, driven by Playwright; a test that needs them is skipped, with the
reason, when either is absent. Screenshots go to test-artifacts/serve/ (gitignored).
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Flags that keep the browser off the network and away from the machine's profile.
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "serve"


@contextlib.contextmanager
def serve(store_path: Path) -> Iterator[str]:
    """The app serving ``store_path`` under uvicorn on a free loopback port, in a thread; yields its URL."""
    uvicorn = pytest.importorskip("uvicorn")
    from chronique.serve import create_app

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(create_app(str(store_path)), log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert srv.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(5)
        sock.close()


@contextlib.contextmanager
def browser_page(server: str, profile: Path) -> Iterator[Any]:
    """A chromium page whose every request off ``server`` is refused and recorded (``outside_requests``);
    Content-Security-Policy violations the page reports are recorded too (``csp_violations``)."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    outside: list[str] = []
    violations: list[str] = []
    with sync_api.sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS,
            headless=True, accept_downloads=True, viewport={"width": 1280, "height": 1000})
        host = urlsplit(server).netloc

        def guard(route: Any) -> None:
            if urlsplit(route.request.url).netloc == host:
                route.continue_()
            else:
                outside.append(route.request.url)
                route.abort()

        context.route("**/*", guard)
        pg = context.new_page()
        pg.on("console", lambda msg: violations.append(msg.text)
              if "Content Security Policy" in msg.text else None)
        pg.outside_requests = outside
        pg.csp_violations = violations
        yield pg
        context.close()


def shot(page: Any, name: str, full_page: bool = True) -> None:
    """A screenshot of the page (whole, or what the 1280x1000 window shows), test-artifacts/serve/NAME.png."""
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)
