"""The SQLite export served by a real Datasette on 127.0.0.1, read through its JSON API.

One ``datasette serve`` process per module, on a free port of the loopback interface, stopped
when the module ends (and never left running longer than :data:`SERVER_LIFETIME`). The tests
read filtered rows, a full-text search and the metadata as JSON, and one headless Chromium opens
the engagements page for a screenshot under ``build/screenshots/`` (marked ``browser``: skipped
without Chromium, as in ``test_browser.py``).
"""

from __future__ import annotations

import http.client
import importlib.util
import json
import os
import socket
import subprocess
import sys
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb

if importlib.util.find_spec("datasette") is None:
    pytest.skip("these tests need datasette (the test extra)", allow_module_level=True)

PROJECT = Path(__file__).resolve().parent.parent
SCREENSHOTS = PROJECT / "build" / "screenshots"
HOST = "127.0.0.1"
#: How long the server may take to answer its first request, and how long it may live at most.
STARTUP, SERVER_LIFETIME = 60.0, 600.0

# Taken at import, before the suite's guard replaces them: the tests here may reach the server
# and chromedriver on the loopback interface, and nothing else.
_CREATE_CONNECTION = socket.create_connection
_GETADDRINFO = socket.getaddrinfo


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Allow connections to this machine (the server, chromedriver) only; others fail the test."""

    def loopback_only(original: Callable[..., Any]) -> Callable[..., Any]:
        def call(address: Any, *args: Any, **kwargs: Any) -> Any:
            host = address[0] if isinstance(address, tuple) else address
            if host not in (HOST, "localhost"):
                raise AssertionError(f"network use attempted with {address!r}")
            return original(address, *args, **kwargs)

        return call

    monkeypatch.setattr(socket, "create_connection", loopback_only(_CREATE_CONNECTION))
    monkeypatch.setattr(socket, "getaddrinfo", loopback_only(_GETADDRINFO))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def _get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=10)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def _json(port: int, path: str) -> Any:
    status, body = _get(port, path)
    assert status == 200, (path, body[:300])
    return json.loads(body)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """Write the database, serve it with Datasette on a free loopback port, yield the port."""
    folder = tmp_path_factory.mktemp("datasette")
    database = bb.write_sqlite(folder / "bluebook.db")
    log = folder / "datasette.log"
    port = _free_port()
    command = [
        sys.executable, "-m", "datasette", "serve", str(database),
        "--metadata", str(database.with_name("bluebook.metadata.json")),
        "--host", HOST, "--port", str(port),
    ]  # fmt: skip
    # `timeout` ends the server even if this process dies before its `finally` runs.
    with log.open("wb") as output:
        process = subprocess.Popen(
            ["timeout", str(int(SERVER_LIFETIME)), *command],
            stdout=output,
            stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        )
    try:
        deadline = time.monotonic() + STARTUP
        while True:
            assert process.poll() is None, log.read_text(errors="replace")
            try:
                if _get(port, "/-/versions.json")[0] == 200:
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_filtered_rows_come_back_typed(server: int) -> None:
    """A column filter gives the matching rows, with codes as strings and lists as JSON."""
    rows = _json(server, "/bluebook/engagements.json?kind=summit_meeting&_shape=array&_size=max")
    assert [row["id"] for row in rows] == [e.id for e in bb.engagements(kind="summit_meeting")]
    assert all(row["cameo"] in ("042", "044") for row in rows)
    assert all(json.loads(row["countries"])[0] == "JP" for row in rows)
    events = _json(server, "/bluebook/events.json?cameo_code=042&_shape=array&_size=max")
    assert events
    assert {row["cameo_code"] for row in events} == {"042"}


def test_a_link_table_filters_by_country(server: int) -> None:
    """The link table answers "which engagements involved Kazakhstan" with a plain filter."""
    rows = _json(server, "/bluebook/engagement_countries.json?country_code=KZ&_shape=array")
    assert sorted(row["engagement_id"] for row in rows) == sorted(
        e.id for e in bb.engagements(country="KZ")
    )


def test_full_text_search_over_the_sentences(server: int) -> None:
    """Datasette finds the FTS5 index by itself: ?_search= gives bb.search's sentences."""
    query = urllib.parse.quote('"peace treaty"')
    rows = _json(server, f"/bluebook/sentences.json?_search={query}&_shape=array")
    assert [row["id"] for row in rows] == [s.id for s in bb.search("peace treaty")]
    assert all("peace treaty" in row["text"].lower() for row in rows)


def test_the_layout_views_are_served(server: int) -> None:
    """The ICEWS view gives the layout's rows, Event ID an integer and Intensity a number."""
    rows = _json(server, "/bluebook/events_icews.json?_shape=array&_size=max")
    assert rows == bb.to_records("events", layout="icews")


def test_the_metadata_describes_the_data(server: int) -> None:
    """Titles, licence, source and every column's description reach Datasette's metadata."""
    metadata = _json(server, "/-/metadata.json")
    assert metadata["license"] == bb.citation().licence
    assert metadata["source_url"] == bb.load().url
    tables = metadata["databases"]["bluebook"]["tables"]
    assert tables["sentences"]["columns"]["span_start"].startswith("Offset of the first")
    status, page = _get(server, "/bluebook/engagements")
    assert status == 200
    assert "The diplomatic contacts the text reports" in page.decode()


@pytest.mark.browser
def test_a_person_sees_the_engagements_page(server: int, tmp_path: Path) -> None:
    """Chromium shows the engagements with their description, and a search of the sentences."""
    chromium, chromedriver = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")
    if not (chromium.is_file() and chromedriver.is_file()):
        if os.environ.get("BLUEBOOK_REQUIRE_BROWSER"):
            pytest.fail("the browser test needs chromium and chromium-driver")
        pytest.skip("the browser test needs /usr/bin/chromium and /usr/bin/chromedriver")
    webdriver = pytest.importorskip("selenium.webdriver")
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    options = webdriver.ChromeOptions()
    options.binary_location = str(chromium)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
        "--window-size=1280,800",
        f"--user-data-dir={tmp_path / 'profile'}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(str(chromedriver)))
    try:
        driver.get(f"http://{HOST}:{server}/bluebook/engagements")
        headers = [
            cell.text for cell in driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns th")
        ]
        assert "kind" in " ".join(headers)
        assert "The diplomatic contacts the text reports" in driver.page_source
        # Datasette lists the column descriptions above the table: bring the rows into view.
        table = driver.find_element(By.CSS_SELECTOR, "table.rows-and-columns")
        driver.execute_script("arguments[0].scrollIntoView()", table)
        cells = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td.col-id")
        # Datasette orders a table by its primary key.
        assert [cell.text for cell in cells] == sorted(e.id for e in bb.engagements())
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        assert driver.save_screenshot(str(SCREENSHOTS / "datasette-engagements.png"))
        # The sentences' page with a phrase typed into its search box, as a person searches.
        driver.get(f"http://{HOST}:{server}/bluebook/sentences")
        box = driver.find_element(By.CSS_SELECTOR, "input#_search")
        box.send_keys('"peace treaty"')
        box.submit()
        found = driver.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td.col-id")
        assert [cell.text for cell in found] == [s.id for s in bb.search("peace treaty")]
        assert driver.save_screenshot(str(SCREENSHOTS / "datasette-sentences-search.png"))
    finally:
        driver.quit()
