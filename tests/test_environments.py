"""The package behaves the same wherever and however it runs."""

from __future__ import annotations

import json
import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data._loading import loader

PROJECT = Path(__file__).resolve().parent.parent

#: Prints everything whose order could depend on hashing: every listing, and the whole edition.
DUMP_EVERYTHING = """
import json, bluebook_data as bb
from bluebook_data.cli import main
for command in (["engagements"], ["statements"], ["countries"], ["people"], ["topics"]):
    main(command)
print(json.dumps(bb.converter.unstructure(bb.load()), sort_keys=False))
print([e.id for e in bb.engagements(topic="economy")], [s.id for s in bb.search("japan")])
"""


def _python(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=120,
        check=False,
    )


def test_hash_seed_does_not_change_any_output() -> None:
    """Listings and the serialised edition are identical under different PYTHONHASHSEED values."""
    outputs = set()
    for seed in ("0", "1", "4242", "random"):
        done = _python("-c", DUMP_EVERYTHING, env={"PYTHONHASHSEED": seed})
        assert done.returncode == 0, done.stderr
        outputs.add(done.stdout)
    assert len(outputs) == 1


def _race_first_load(threads: int) -> list[bb.Bluebook]:
    loader.clear_cache()
    start = threading.Barrier(threads)
    received: list[bb.Bluebook] = []

    def first_call() -> None:
        start.wait()
        received.append(bb.load())

    workers = [threading.Thread(target=first_call) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return received


def test_32_threads_racing_the_first_load_get_one_object() -> None:
    """However 32 threads interleave their first call, they all receive the same Bluebook."""
    for _ in range(5):
        received = _race_first_load(32)
        assert len(received) == 32
        assert all(book is received[0] for book in received)


def test_optimised_bytecode_and_warnings_as_errors() -> None:
    """Under ``-OO`` (no asserts, no docstrings) and ``-W error`` every helper still works."""
    script = """
import bluebook_data as bb
assert False, "asserts are stripped under -OO, so this line must not fail"
print(len(bb.engagements(country="Russia")), bb.country("KGZ").name, len(bb.search("treaty")))
print(bb.converter.structure(bb.converter.unstructure(bb.chapter()), bb.Chapter) == bb.chapter())
try:
    bb.country("Rusia")
except bb.UnknownCountryError as error:
    print(error)
"""
    done = _python("-OO", "-W", "error", "-c", script)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"{len(bb.engagements(country='Russia'))} Kyrgyzstan {len(bb.search('treaty'))}",
        "True",
        "unknown country 'Rusia'; did you mean 'Russia'?",
    ]


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {
        str(path.relative_to(root)): (path.stat().st_size, path.stat().st_mtime_ns)
        for path in root.rglob("*")
    }


@pytest.mark.slow
def test_a_read_only_install_works_and_is_left_untouched(tmp_path: Path) -> None:
    """Installed into a read-only directory, the package loads and writes nothing there."""
    target = tmp_path / "site"
    install = _python(
        "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
        "--target", str(target), str(PROJECT),
    )  # fmt: skip
    assert install.returncode == 0, install.stderr
    for path in [target, *target.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _snapshot(target)
    script = (
        "import bluebook_data as bb; "
        f"assert bb.__file__.startswith({str(target)!r}), bb.__file__; "
        "print(bb.load().data_version, len(bb.engagements()))"
    )
    done = _python("-c", script, env={"PYTHONPATH": str(target), "PYTHONDONTWRITEBYTECODE": "1"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [bb.DATA_VERSION, str(len(bb.engagements()))]
    assert _snapshot(target) == before


def test_the_network_guard_is_active_and_loading_needs_no_network() -> None:
    """The suite-wide guard refuses connections, and a fresh load succeeds under it."""
    with pytest.raises(AssertionError, match="network use attempted"):
        socket.create_connection(("192.0.2.1", 80), timeout=1)
    book = loader.load_bluebook()
    assert book.text() == bb.text()


@pytest.mark.skipif(
    "BLUEBOOK_EXPECT_ZIPPED_WHEEL" not in os.environ,
    reason="only when CI runs the suite against the wheel on sys.path",
)
def test_the_suite_is_running_from_the_zipped_wheel() -> None:
    """When CI points PYTHONPATH at the built wheel, the package is imported from inside it."""
    wheel = os.environ["BLUEBOOK_EXPECT_ZIPPED_WHEEL"]
    assert bb.__file__ is not None
    assert bb.__file__.startswith(wheel)
    assert json.loads(json.dumps(bb.converter.unstructure(bb.load())))["year"] == 2016
