"""Serve the built fixture site on 127.0.0.1 and drive Debian's Chromium with Playwright.

No network is needed: map tile requests are answered with a local 1×1 PNG, and any
other request leaving 127.0.0.1 is refused (and recorded, so a test can fail on it).
"""
from __future__ import annotations

import base64
import functools
import http.server
import os
import threading
from pathlib import Path
from typing import Iterator

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-output" / "screenshots"
# A 1×1 light grey PNG, the colour of an empty map, so screenshots stay legible.
TILE_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48ewhAAVpArB44nOfAAAAAElFTkSuQmCC")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "browser: drives a real Chromium against the built site")


MISSING = f"{CHROMIUM} is not installed (apt-get install chromium chromium-driver)"


def require_chromium() -> None:
    """Every browser test needs Chromium. Without it the test is skipped, and the reason
    is printed in the summary (`-rs`); where CI is set it fails instead, so a CI run that
    lost its browser cannot pass with these tests unrun."""
    if CHROMIUM.exists():
        return
    if os.environ.get("CI"):
        pytest.fail(f"{MISSING}; CI is set, so a missing browser is a failure")
    pytest.skip(MISSING)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        """Keep test output clean; failures show in the browser's console instead."""


@pytest.fixture(scope="session")
def site_url(render_site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(render_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture(scope="session")
def browser():
    require_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageLog:
    """What a page did that a reader should never see: console errors, page errors,
    dialogs (an injected `alert`), and requests that tried to leave the machine."""

    def __init__(self) -> None:
        self.errors: list[str] = []
        self.dialogs: list[str] = []
        self.outside: list[str] = []


@pytest.fixture
def page(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    log = PageLog()
    page.on("console", lambda message: log.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: log.errors.append(str(error)))

    def on_dialog(dialog) -> None:
        log.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.route("**/tile.openstreetmap.org/**",
               lambda route: route.fulfill(status=200, content_type="image/png", body=TILE_PNG))

    def local_only(route) -> None:
        if route.request.url.startswith(site_url) or "tile.openstreetmap.org" in route.request.url:
            route.fallback()
        else:
            log.outside.append(route.request.url)
            route.abort()

    page.route(lambda url: not url.startswith(site_url) and "tile.openstreetmap.org" not in url, local_only)
    page.log = log
    page.base = site_url
    yield page
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
