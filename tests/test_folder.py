"""A folder's files are read only if they are regular files inside it, each opened once."""

from __future__ import annotations

import hashlib
import json
import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data._loading import beneath
from bluebook_data._loading.beneath import MAX_LINKS
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, write_edition

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX file kinds")


def _refused(folder: Path, file: str, message: str, **options: int) -> bb.DataError:
    """Load ``folder`` in a thread that must end, and return the DataError it must raise."""
    outcome: list[BaseException | bb.Bluebook] = []

    def load() -> None:
        try:
            outcome.append(bb.load(folder, **options))
        except BaseException as error:  # handed to the test's thread
            outcome.append(error)

    worker = threading.Thread(target=load, daemon=True)
    worker.start()
    worker.join(timeout=30)
    assert not worker.is_alive(), "the load blocked"
    (error,) = outcome
    assert isinstance(error, bb.DataError), error
    assert error.file == file
    assert message in str(error), error
    return error


def _replace_text(folder: Path, make: Callable[[Path], object]) -> Path:
    (folder / TEXT_NAME).unlink()
    make(folder / TEXT_NAME)
    return folder


def _bound_socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays, with nothing listening


@pytest.mark.parametrize(
    ("make", "kind"),
    [
        (os.mkfifo, "a named pipe"),
        (_bound_socket, "a socket"),
        (os.mkdir, "a folder"),
    ],
    ids=["fifo", "socket", "folder"],
)
def test_a_text_that_is_not_a_regular_file_is_refused_without_blocking(
    tmp_path: Path, make: Callable[[Path], object], kind: str
) -> None:
    """A pipe, a socket or a folder where the text should be is refused at once, by its kind."""
    folder = _replace_text(write_edition(tmp_path), make)
    _refused(folder, TEXT_NAME, f"the file is {kind}, not a regular file")


def test_annotations_that_are_a_pipe_are_refused_without_blocking(tmp_path: Path) -> None:
    """A named pipe as the annotations file is refused, not waited on."""
    folder = write_edition(tmp_path)
    (folder / "annotations.json").unlink()
    os.mkfifo(folder / "annotations.json")
    _refused(folder, "annotations.json", "a named pipe")


def test_a_pipe_behind_a_link_is_refused_without_blocking(tmp_path: Path) -> None:
    """A link inside the folder to a pipe inside it is followed, and the pipe refused."""
    folder = write_edition(tmp_path)
    os.mkfifo(folder / "pipe")
    _replace_text(folder, lambda path: os.symlink("pipe", path))
    _refused(folder, TEXT_NAME, "a named pipe")


def test_a_device_behind_a_link_is_never_opened(tmp_path: Path) -> None:
    """A link to a device outside the folder leads out, and is refused before any open."""
    folder = _replace_text(write_edition(tmp_path), lambda path: os.symlink("/dev/zero", path))
    _refused(folder, TEXT_NAME, "is a link that leads out of the folder")


def test_a_loop_of_links_is_refused(tmp_path: Path) -> None:
    """Links leading to each other in a circle are refused as a loop, not followed for ever."""
    folder = write_edition(tmp_path)
    os.symlink("b", folder / "a")
    os.symlink("a", folder / "b")
    _replace_text(folder, lambda path: os.symlink("a", path))
    _refused(folder, TEXT_NAME, f"passes through more than {MAX_LINKS} links")


def test_a_self_link_is_refused(tmp_path: Path) -> None:
    """A link to itself is a loop of one."""
    folder = _replace_text(write_edition(tmp_path), lambda path: os.symlink(TEXT_NAME, path))
    _refused(folder, TEXT_NAME, "links (a loop?)")


def _text_under(folder: Path, name: str) -> None:
    document = harbour_annotations()
    document["source"]["text"] = name
    (folder / "annotations.json").write_text(json.dumps(document), encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "where", "link"),
    [
        ("linked.txt", "linked.txt", "sub/real.txt"),
        ("linked.txt", "linked.txt", "./sub/../sub/real.txt"),
        ("sub/up.txt", "sub/up.txt", "../sub/real.txt"),
        ("alias/real.txt", "alias", "sub"),
    ],
)
def test_links_that_stay_inside_the_folder_are_followed(
    tmp_path: Path, name: str, where: str, link: str
) -> None:
    """A relative link, or a folder link, that leads to a file inside the folder is read."""
    folder = write_edition(tmp_path)
    (folder / "sub").mkdir()
    (folder / TEXT_NAME).rename(folder / "sub" / "real.txt")
    os.symlink(link, folder / where)
    _text_under(folder, name)
    assert bb.load(folder).text() == TEXT


def test_an_absolute_link_into_the_folder_is_followed(tmp_path: Path) -> None:
    """An absolute link naming a file inside the folder is read like a relative one."""
    folder = write_edition(tmp_path)
    (folder / "sub").mkdir()
    (folder / TEXT_NAME).rename(folder / "sub" / "real.txt")
    os.symlink(folder.resolve() / "sub" / "real.txt", folder / TEXT_NAME)
    assert bb.load(folder).text() == TEXT


@pytest.mark.parametrize("link", ["../outside", "sub/../../outside"])
def test_a_folder_link_leading_out_is_refused(tmp_path: Path, link: str) -> None:
    """A link in the middle of the name that leads out is refused: nothing outside is read."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "real.txt").write_text(TEXT, encoding="utf-8")
    folder = write_edition(tmp_path / "edition")
    (folder / "sub").mkdir()
    os.symlink(link, folder / "alias")
    _text_under(folder, "alias/real.txt")
    _refused(folder, "alias/real.txt", "is a link that leads out of the folder")


def test_a_component_that_is_a_file_is_refused(tmp_path: Path) -> None:
    """A name passing through a file as if it were a folder cannot be read."""
    folder = write_edition(tmp_path)
    _text_under(folder, f"{TEXT_NAME}/more.txt")
    _refused(folder, f"{TEXT_NAME}/more.txt", "cannot read the file (Not a directory)")


def test_a_name_ending_in_a_slash_names_a_folder(tmp_path: Path) -> None:
    """``sub/`` is the folder ``sub``, which is not a text."""
    folder = write_edition(tmp_path)
    (folder / "sub").mkdir()
    _text_under(folder, "sub/")
    _refused(folder, "sub/", "the file is a folder")


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("harbour\x00.txt", "holds a NUL character"),
        ("harbour\ud800.txt", "holds a lone surrogate"),
        ("\udcff", "holds a lone surrogate"),
    ],
)
def test_names_no_file_can_have_are_refused(tmp_path: Path, name: str, message: str) -> None:
    """A NUL or a lone surrogate in the text's name is a DataError at the name's field."""
    folder = write_edition(tmp_path)
    _text_under(folder, name)
    error = _refused(folder, "annotations.json", message)
    assert error.problems[0].endswith("@ $.source.text")


def test_a_folder_swapped_for_a_link_mid_load_never_yields_a_file_outside(tmp_path: Path) -> None:
    """A component flipped between a folder and a link out, while loading, is never followed.

    The annotations' checksum is that of the file outside: a load that succeeded would have
    read it.
    """
    outside = tmp_path / "outside"
    outside.mkdir()
    planted = TEXT.replace("ferry", "bridge")
    (outside / "real.txt").write_text(planted, encoding="utf-8")
    folder = write_edition(tmp_path / "edition")
    (folder / "sub").mkdir()
    (folder / "sub" / "real.txt").write_text(TEXT, encoding="utf-8")
    document = harbour_annotations()
    document["source"]["text"] = "sub/real.txt"
    document["source"]["sha256"] = hashlib.sha256(planted.encode()).hexdigest()
    (folder / "annotations.json").write_text(json.dumps(document), encoding="utf-8")
    stop = threading.Event()

    def flip() -> None:
        while not stop.is_set():
            os.rename(folder / "sub", folder / "kept")
            os.symlink(outside, folder / "sub")
            os.unlink(folder / "sub")
            os.rename(folder / "kept", folder / "sub")

    flipper = threading.Thread(target=flip)
    flipper.start()
    try:
        for _ in range(400):
            with pytest.raises(bb.DataError):
                bb.load(folder)
    finally:
        stop.set()
        flipper.join()


def test_a_huge_limit_reads_as_no_limit(tmp_path: Path) -> None:
    """``max_bytes`` may be any size, far beyond any file."""
    assert bb.load(write_edition(tmp_path), max_bytes=10**30).year == 2031


@pytest.mark.parametrize(
    ("limit", "error"), [(-1, ValueError), ("1", TypeError), (True, TypeError), (1.5, TypeError)]
)
def test_a_limit_that_is_no_size_is_a_usage_error(
    tmp_path: Path, limit: object, error: type[Exception]
) -> None:
    """A negative or non-integer ``max_bytes`` is the caller's mistake, said as such."""
    with pytest.raises(error, match="max_bytes"):
        bb.load(write_edition(tmp_path), max_bytes=limit)  # type: ignore[arg-type]


def test_a_limit_of_zero_refuses_every_file(tmp_path: Path) -> None:
    """With ``max_bytes=0`` the annotations themselves are over the limit."""
    _refused(write_edition(tmp_path), "annotations.json", "over the limit of 0", max_bytes=0)


@pytest.mark.parametrize("path", ["missing", "file", "nul\x00"])
def test_a_path_that_is_no_folder_is_a_data_error(tmp_path: Path, path: str) -> None:
    """A missing path, a file or a name holding a NUL is refused as not a folder."""
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(bb.DataError, match="not a folder"):
        bb.load(tmp_path / path if "\x00" not in path else path)


def test_where_files_cannot_be_opened_relative_to_a_folder_the_rules_still_hold(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a system without relative opens (Windows), links out, loops and pipes are refused."""
    monkeypatch.setattr(beneath, "_RELATIVE_OPENS", False)
    assert bb.load(write_edition(tmp_path / "plain")).text() == TEXT
    outside = _replace_text(write_edition(tmp_path / "out"), lambda p: os.symlink("/dev/zero", p))
    _refused(outside, TEXT_NAME, "is a link that leads out of the folder")
    looped = _replace_text(write_edition(tmp_path / "loop"), lambda p: os.symlink(p.name, p))
    _refused(looped, TEXT_NAME, "links (a loop?)")
    piped = _replace_text(write_edition(tmp_path / "pipe"), os.mkfifo)
    _refused(piped, TEXT_NAME, "a named pipe")
    _refused(tmp_path / "plain" / TEXT_NAME, str(tmp_path / "plain" / TEXT_NAME), "not a folder")


@pytest.mark.parametrize(("limit", "read"), [(1000, True), (50, False)])
def test_a_file_longer_than_its_size_said_is_read_to_the_limit_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit: int, read: bool
) -> None:
    """A file that grows while read, or whose file system says no size, is read up to the limit."""
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 100)
    real_fstat = os.fstat

    def says_ten_bytes(fd: int) -> os.stat_result:
        found = real_fstat(fd)
        return os.stat_result((found.st_mode, *found[1:6], 10, *found[7:]))

    monkeypatch.setattr(os, "fstat", says_ten_bytes)
    with beneath.OpenFolder(tmp_path) as folder:
        if read:
            assert folder.read("growing.txt", limit) == b"x" * 100
        else:
            with pytest.raises(beneath.TooLargeError):
                folder.read("growing.txt", limit)
