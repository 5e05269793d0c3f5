"""Notebooks and the docs site as a person sees them: headless Chromium at 1280x800.

The executed tutorial, a notebook of these tests' own and the built docs site's tutorial page are
opened in Debian's Chromium, driven by Selenium through the system's chromedriver (never a browser
or driver download). Each page must fit the window: no result table wider than the page, the
searched phrase marked and on screen, the timeline drawn. Screenshots are saved under
``build/screenshots/`` for a person to look at.

The module is skipped without ``/usr/bin/chromium``, ``/usr/bin/chromedriver``, Selenium or the
notebook tools; with ``BLUEBOOK_REQUIRE_BROWSER=1`` (as CI sets) a missing piece fails instead.
"""

from __future__ import annotations

import base64
import importlib
import importlib.util
import ipaddress
import os
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from selenium.webdriver.remote.webdriver import WebDriver

pytestmark = pytest.mark.browser

PROJECT = Path(__file__).resolve().parent.parent
SCREENSHOTS = PROJECT / "build" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
WIDTH, HEIGHT = 1280, 800
NBCONVERT = (sys.executable, "-m", "nbconvert", "--execute", "--to", "html")
SPHINX = (sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html")

#: The notebook's own cells: the edition, a list of engagements, one record, a search, the
#: timeline.
OWN_CELLS = (
    "import bluebook_data as bb",
    "bb.load()",
    'bb.engagements(country="Russia")',
    'bb.engagement("2015-11-15-summit-antalya")',
    'bb.search("peace treaty")',
    "ax = bb.plot_timeline()",
)

#: Each table in a cell's output: its edges, how far its content spills out of it, and how far it
#: reaches past the right edge of any box around it that clips or scrolls sideways (an output area
#: with a scroll bar hides what is off to the right just as the page does).
TABLES_JS = """
const page = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll(arguments[0])).map((table) => {
  const box = table.getBoundingClientRect();
  let hidden = 0;
  for (let up = table.parentElement; up; up = up.parentElement) {
    if (getComputedStyle(up).overflowX === "visible") continue;
    const inner = up.getBoundingClientRect().left + up.clientLeft + up.clientWidth;
    hidden = Math.max(hidden, box.right - inner);
  }
  const caption = table.caption ? table.caption.textContent : table.textContent.slice(0, 60);
  const spill = table.scrollWidth - table.clientWidth;
  return {caption, page, left: box.left, right: box.right, spill, hidden};
});
"""

#: Each image in a cell's output, once loaded: its natural and its drawn size.
IMAGES_JS = """
return Array.from(document.querySelectorAll(arguments[0])).map((image) => ({
  complete: image.complete, natural: [image.naturalWidth, image.naturalHeight],
  right: image.getBoundingClientRect().right, page: document.documentElement.clientWidth,
}));
"""

#: Each marked phrase: its words and whether it is drawn within the page's width.
MARKS_JS = """
const page = document.documentElement.clientWidth;
return Array.from(document.querySelectorAll("mark")).map((mark) => {
  const box = mark.getBoundingClientRect();
  return {text: mark.textContent, shown: box.width > 0 && box.left >= 0 && box.right <= page};
});
"""

#: How far to the right of its table each suggestion of the edition's display starts.
SUGGESTIONS_JS = """
const table = Array.from(document.querySelectorAll("table"))
  .find((table) => table.caption && table.caption.textContent === "Bluebook");
const left = table.getBoundingClientRect().left;
return Array.from(table.querySelectorAll("li code"))
  .map((code) => code.getBoundingClientRect().left - left);
"""


def _missing(what: str) -> None:
    """Skip the module for a missing piece, or fail where CI says the browser must be there."""
    if os.environ.get("BLUEBOOK_REQUIRE_BROWSER"):
        pytest.fail(f"the browser tests need {what}", pytrace=False)
    pytest.skip(f"the browser tests need {what}", allow_module_level=True)


for _path in (CHROMIUM, CHROMEDRIVER):
    if not _path.is_file():
        _missing(f"{_path} (apt-get install chromium chromium-driver)")
for _module in ("selenium", "nbconvert", "nbformat", "ipykernel", "matplotlib", "myst_nb"):
    if importlib.util.find_spec(_module) is None:
        _missing(f"the {_module} module (the test, notebook and docs extras)")

_LOOPBACK_NAMES = frozenset({"localhost", "ip6-localhost"})


def _is_loopback(address: object) -> bool:
    host = address[0] if isinstance(address, tuple) else address
    if not isinstance(host, str):
        return False
    if host in _LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Refuse every connection but to this machine's loopback, where chromedriver listens."""
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex
    create_connection, getaddrinfo = socket.create_connection, socket.getaddrinfo

    def guarded(original: Callable[..., Any], which: int) -> Callable[..., Any]:
        def call(*args: Any, **kwargs: Any) -> Any:
            if not _is_loopback(args[which]):
                raise AssertionError(f"network use attempted with {args!r}")
            return original(*args, **kwargs)

        return call

    monkeypatch.setattr(socket.socket, "connect", guarded(connect, 1))
    monkeypatch.setattr(socket.socket, "connect_ex", guarded(connect_ex, 1))
    monkeypatch.setattr(socket, "create_connection", guarded(create_connection, 0))
    monkeypatch.setattr(socket, "getaddrinfo", guarded(getaddrinfo, 0))


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    """Start headless Chromium at 1280x800 with a fresh profile, through the system driver."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.selenium_manager import SeleniumManager

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
        # Offline, like the tests: a page's links to a CDN fail at once instead of waiting.
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    with pytest.MonkeyPatch.context() as patch:
        # Selenium Manager would download a driver or a browser: it must never be asked.
        patch.setattr(SeleniumManager, "binary_paths", _refuse_selenium_manager)
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
    try:
        # The window's size includes what the browser draws around a page: grow it by that much,
        # so that the page itself gets 1280x800.
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(2 * WIDTH - inner[0], 2 * HEIGHT - inner[1])
        yield driver
    finally:
        driver.quit()


def _refuse_selenium_manager(*args: object) -> dict[str, str]:
    raise AssertionError(f"Selenium Manager was asked for a driver or browser: {args!r}")


def _notebook_html(notebook: Path, folder: Path) -> Path:
    """Run a notebook in a Jupyter kernel and convert it to HTML, as `jupyter nbconvert` does."""
    done = subprocess.run(
        [*NBCONVERT, "--output-dir", str(folder), str(notebook)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder / f"{notebook.stem}.html"


@pytest.fixture(scope="module")
def tutorial_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return the tutorial notebook, executed and converted to HTML."""
    return _notebook_html(PROJECT / "docs" / "tutorial.ipynb", tmp_path_factory.mktemp("tutorial"))


@pytest.fixture(scope="module")
def own_page(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return this module's own notebook, executed and converted to HTML."""
    # Imported by name: nbformat has only partial annotations, and the core install lacks it.
    nbformat: Any = importlib.import_module("nbformat")
    folder = tmp_path_factory.mktemp("own")
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell(source) for source in OWN_CELLS],
        metadata={"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    )
    path = folder / "what_a_person_sees.ipynb"
    nbformat.write(notebook, path)
    return _notebook_html(path, folder)


@pytest.fixture(scope="module")
def docs_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the docs site (myst-nb runs the tutorial into its page) and return its folder."""
    folder = tmp_path_factory.mktemp("docs")
    done = subprocess.run(
        [*SPHINX, "-d", str(folder / "doctrees"), str(PROJECT / "docs"), str(folder / "html")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder / "html"


def _open(browser: WebDriver, page: Path, name: str) -> None:
    """Open a page and save what the window shows, and the whole page, as screenshots."""
    browser.get(page.as_uri())
    browser.execute_script("return document.fonts.ready")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(SCREENSHOTS / f"{name}.png"))
    size = browser.execute_cdp_cmd("Page.getLayoutMetrics", {})["cssContentSize"]
    clip = {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}
    full = browser.execute_cdp_cmd(
        "Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "clip": clip}
    )
    (SCREENSHOTS / f"{name}-full.png").write_bytes(base64.b64decode(full["data"]))


def _tables(browser: WebDriver, selector: str) -> list[dict[str, Any]]:
    tables: list[dict[str, Any]] = browser.execute_script(TABLES_JS, selector)
    return tables


def _too_wide(tables: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Return the tables that stick out of the page or scroll sideways inside it."""
    return [
        table
        for table in tables
        if table["left"] < 0
        or table["right"] > table["page"] + 1
        or table["spill"] > 1
        or table["hidden"] > 1
    ]


def _timeline_images(browser: WebDriver, selector: str) -> list[dict[str, Any]]:
    images: list[dict[str, Any]] = browser.execute_script(IMAGES_JS, selector)
    return [image for image in images if image["complete"] and min(image["natural"]) > 0]


NOTEBOOK_OUTPUT = ".jp-OutputArea-output"
SITE_OUTPUT = ".cell_output"


def test_browser_window_is_1280_by_800(browser: WebDriver, own_page: Path) -> None:
    """The pages are measured in a window of the size the issue names."""
    browser.get(own_page.as_uri())
    assert browser.execute_script("return [window.innerWidth, window.innerHeight]") == [
        WIDTH,
        HEIGHT,
    ]


def test_own_notebook_tables_fit_the_page(browser: WebDriver, own_page: Path) -> None:
    """The list of engagements, the record and the search results all fit the page's width."""
    _open(browser, own_page, "own-notebook")
    tables = _tables(browser, f"{NOTEBOOK_OUTPUT} table")
    captions = [table["caption"] for table in tables]
    assert any(caption.endswith("Engagement records") for caption in captions), captions
    assert "Engagement" in captions  # the one record, in full
    assert any("peace treaty" in caption for caption in captions), captions
    assert _too_wide(tables) == []


def test_own_notebook_edition_reads_from_the_left(browser: WebDriver, own_page: Path) -> None:
    """The edition's calls to try start at its table's left, where JupyterLab's CSS would not."""
    browser.get(own_page.as_uri())
    offsets = browser.execute_script(SUGGESTIONS_JS)
    assert len(offsets) == 5
    assert max(offsets) < 60, offsets


def test_own_notebook_marks_the_searched_phrase(browser: WebDriver, own_page: Path) -> None:
    """Every sentence found shows the phrase searched for inside a <mark>, within the page."""
    browser.get(own_page.as_uri())
    marks = browser.execute_script(MARKS_JS)
    found = [mark for mark in marks if mark["text"].lower() == "peace treaty"]
    assert len(found) == 2  # the two sentences bb.search("peace treaty") finds
    assert all(mark["shown"] for mark in found), found


def test_own_notebook_shows_the_timeline(browser: WebDriver, own_page: Path) -> None:
    """The timeline is an image that loaded and is drawn within the page's width."""
    browser.get(own_page.as_uri())
    images = _timeline_images(browser, f"{NOTEBOOK_OUTPUT} img")
    assert len(images) == 1, images
    assert images[0]["right"] <= images[0]["page"]


def test_tutorial_fits_the_page(browser: WebDriver, tutorial_page: Path) -> None:
    """The executed tutorial shows its tables within the page, a marked search and the timeline."""
    _open(browser, tutorial_page, "tutorial-notebook")
    tables = _tables(browser, f"{NOTEBOOK_OUTPUT} table")
    assert len(tables) >= 5, [table["caption"] for table in tables]
    assert _too_wide(tables) == []
    marks = browser.execute_script(MARKS_JS)
    assert any(mark["text"].lower() == "peace treaty" and mark["shown"] for mark in marks)
    assert len(_timeline_images(browser, f"{NOTEBOOK_OUTPUT} img")) == 1


def test_docs_site_tutorial_shows_output(browser: WebDriver, docs_site: Path) -> None:
    """The docs site's tutorial page shows the cells' output: tables that fit and the timeline."""
    _open(browser, docs_site / "tutorial.html", "docs-tutorial")
    tables = _tables(browser, f"{SITE_OUTPUT} table")
    assert any(table["caption"].endswith("Engagement records") for table in tables), tables
    assert _too_wide(tables) == []
    marks = browser.execute_script(MARKS_JS)
    assert any(mark["text"].lower() == "peace treaty" and mark["shown"] for mark in marks)
    assert len(_timeline_images(browser, f"{SITE_OUTPUT} img")) == 1
    assert (docs_site / "tutorial.ipynb").is_file()  # the page's download link


#: How many lines each id and date in a cell's output tables is drawn on, and how far it reaches
#: past the right edge of its cell (over the next column).
UNBROKEN_JS = """
return Array.from(document.querySelectorAll(arguments[0])).map((element) => ({
  text: element.textContent, lines: element.getClientRects().length,
  spill: element.getBoundingClientRect().right
    - element.closest("td").getBoundingClientRect().right,
}));
"""

#: Each console block: how wide its text is, and how wide the box that shows it.
CONSOLE_JS = """
return Array.from(document.querySelectorAll("div.highlight-console pre")).map((pre) => ({
  text: pre.textContent.slice(0, 60), needed: pre.scrollWidth, shown: pre.clientWidth,
}));
"""


def test_own_notebook_never_breaks_an_id_or_a_date(browser: WebDriver, own_page: Path) -> None:
    """Every id and date is drawn on one line, hyphens and all, inside its own cell."""
    browser.get(own_page.as_uri())
    selector = f"{NOTEBOOK_OUTPUT} td code, {NOTEBOOK_OUTPUT} td span"
    drawn: list[dict[str, Any]] = browser.execute_script(UNBROKEN_JS, selector)
    ids = [item for item in drawn if "2015-" in item["text"]]
    assert len(ids) > 10, drawn
    assert [item for item in ids if item["lines"] != 1 or item["spill"] > 0.5] == []


def test_docs_console_blocks_fit_their_box(browser: WebDriver, docs_site: Path) -> None:
    """A shell session recorded 100 columns wide fits its box on every page: nothing clipped."""
    pages = [docs_site / "quickstart.html", docs_site / "cli.html"]
    pages += sorted((docs_site / "guide").glob("*.html"))
    blocks = []
    for page in pages:
        _open(browser, page, f"docs-{page.stem}")
        blocks += [{**block, "page": page.name} for block in browser.execute_script(CONSOLE_JS)]
    assert len(blocks) >= 5
    assert [block for block in blocks if block["needed"] > block["shown"] + 1] == []


def test_docs_timeline_labels_are_at_least_nine_pixels(browser: WebDriver, docs_site: Path) -> None:
    """The timeline on the tutorial page is shrunk so little that its 9 pt labels stay 9 px."""
    browser.get((docs_site / "tutorial.html").as_uri())
    (image,) = _timeline_images(browser, f"{SITE_OUTPUT} img")
    drawn = browser.execute_script(
        "return document.querySelector(arguments[0]).getBoundingClientRect().width",
        f"{SITE_OUTPUT} img",
    )
    # The kernel draws at matplotlib's 100 dots per inch: a 9 pt label is 12.5 px in the image.
    label = 9 / 72 * 100 * drawn / image["natural"][0]
    assert label >= 9, (drawn, image)
