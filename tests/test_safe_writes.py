"""Writes that lose nothing: new and check --fix in folders that hold other people's files."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data import cli
from bluebook_data._authoring import check, safe_write
from bluebook_data._authoring.check import check_folder
from bluebook_data._authoring.scaffold import new_edition
from bluebook_data._loading.quotes import resolve_quotes
from tests.editions import TEXT, TEXT_NAME, harbour_annotations, quote, write_edition

_OPTIONS = ["--title", "T", "--year", "2031", "--url", "https://example.org/t", "--publisher", "P"]
_OPTIONS += ["--accessed", "2031-06-01", "--heading-lines", "5"]


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _text(tmp_path: Path) -> Path:
    source = tmp_path / "source" / TEXT_NAME
    source.parent.mkdir(exist_ok=True)
    source.write_text(TEXT, encoding="utf-8")
    return source


def _temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob("*") if p.name.endswith(safe_write.TEMPORARY_SUFFIX))


def _snapshot(folder: Path) -> dict[str, bytes | str]:
    """Every entry under ``folder``: a file's bytes, or where a link leads."""
    return {
        str(path.relative_to(folder)): (
            f"-> {os.readlink(path)}" if path.is_symlink() else path.read_bytes()
        )
        for path in sorted(folder.rglob("*"))
        if path.is_symlink() or path.is_file()
    }


# --- new ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("name", ["annotations.json", "annotations.schema.json", TEXT_NAME])
def test_new_writes_through_no_link_in_the_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, force: bool
) -> None:
    """A link at a name new writes, leading outside, is refused, even with --force."""
    outside = tmp_path / "outside.txt"
    outside.write_text("someone else's file\n", encoding="utf-8")
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / name).symlink_to(outside)
    source = _text(tmp_path)
    before = _snapshot(tmp_path)
    argv = ["new", str(source), str(folder), *_OPTIONS, *(["--force"] * force)]
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert f"{folder / name} is a symbolic link" in err
    assert "remove it" in err
    assert _snapshot(tmp_path) == before  # nothing written: not outside, not the other files
    assert outside.read_text(encoding="utf-8") == "someone else's file\n"


@pytest.mark.parametrize("force", [False, True])
@pytest.mark.parametrize("below", ["", "sub"])
def test_new_follows_no_linked_folder_on_the_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], below: str, force: bool
) -> None:
    """DIR, or a folder on the way to it, that is a link is refused and named, with its target."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = tmp_path / "edition"
    link.symlink_to(elsewhere, target_is_directory=True)
    folder = link / below if below else link
    argv = ["new", str(_text(tmp_path)), str(folder), *_OPTIONS, *(["--force"] * force)]
    status, _, err = _run(capsys, *argv)
    assert status == 2
    assert err.count("\n") == 1
    assert f"{link} is a symbolic link" in err
    assert f"give the folder it leads to ({elsewhere})" in err
    assert list(elsewhere.iterdir()) == []


def test_new_replaces_no_different_file_without_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A different file of a name new writes is refused, before anything is written."""
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / TEXT_NAME).write_text("another text\n", encoding="utf-8")
    (folder / "annotations.schema.json").write_text("{}\n", encoding="utf-8")
    status, _, err = _run(capsys, "new", str(_text(tmp_path)), str(folder), *_OPTIONS)
    assert status == 2
    assert err.count("\n") == 1
    assert f"{folder / TEXT_NAME}, {folder / 'annotations.schema.json'} already exist" in err
    assert "pass --force to replace them" in err
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.schema.json", TEXT_NAME]
    assert (folder / TEXT_NAME).read_text(encoding="utf-8") == "another text\n"
    assert (folder / "annotations.schema.json").read_text(encoding="utf-8") == "{}\n"


def test_new_with_force_replaces_keeping_the_mode(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--force replaces a different file; the file keeps its mode, and the edition checks clean."""
    folder = tmp_path / "edition"
    folder.mkdir()
    old = folder / "annotations.json"
    old.write_text('{"mine": true}\n', encoding="utf-8")
    old.chmod(0o640)
    status, _, _ = _run(capsys, "new", str(_text(tmp_path)), str(folder), *_OPTIONS, "--force")
    assert status == 0
    assert json.loads(old.read_text(encoding="utf-8"))["source"]["text"] == TEXT_NAME
    assert stat.S_IMODE(old.stat().st_mode) == 0o640
    assert check_folder(folder).problems == ()
    assert _temporary_files(folder) == []


def test_new_twice_with_the_same_content_is_fine(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files already holding what new would write are left as they are, and new succeeds."""
    source = _text(tmp_path)
    folder = tmp_path / "edition"
    assert _run(capsys, "new", str(source), str(folder), *_OPTIONS)[0] == 0
    before = {p.name: p.stat().st_ino for p in folder.iterdir()}
    assert _run(capsys, "new", str(source), str(folder), *_OPTIONS)[0] == 0
    assert {p.name: p.stat().st_ino for p in folder.iterdir()} == before


def test_new_files_take_the_mode_the_umask_gives(tmp_path: Path) -> None:
    """New files are 0666 less the umask, like any file a program creates; not 0600."""
    previous = os.umask(0o027)
    try:
        path = new_edition(
            _text(tmp_path), tmp_path / "edition", title="T", year=1, url="u", publisher="p",
            accessed="2031-06-01",
        )  # fmt: skip
    finally:
        os.umask(previous)
    assert {stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir()} == {0o640}


def test_new_refuses_a_pipe_without_waiting(tmp_path: Path) -> None:
    """A named pipe at a name new writes is refused at once, not opened and waited on."""
    folder = tmp_path / "edition"
    folder.mkdir()
    os.mkfifo(folder / "annotations.schema.json")
    with pytest.raises(FileExistsError, match="is not a regular file; move it away"):
        new_edition(
            _text(tmp_path), folder, title="T", year=1, url="u", publisher="p", accessed="x"
        )
    assert sorted(p.name for p in folder.iterdir()) == ["annotations.schema.json"]


def test_new_refuses_a_text_named_as_a_file_it_writes(tmp_path: Path) -> None:
    """A text called annotations.json would be written over by its own annotations."""
    source = tmp_path / "annotations.json"
    source.write_text(TEXT, encoding="utf-8")
    with pytest.raises(FileExistsError, match=r"may not be named annotations\.json"):
        new_edition(source, tmp_path / "e", title="T", year=1, url="u", publisher="p", accessed="x")
    assert not (tmp_path / "e").exists()


# --- check --fix -------------------------------------------------------------------------------


def _quoted(folder: Path, extra: str = "") -> Path:
    """Write the edition citing by quote, with ``extra`` JSON members added to its first country."""
    document = harbour_annotations(cite=quote)
    document["records"]["countries"][0]["evidence"] = [quote("Japan", suffix=" will")]
    text = json.dumps(document, ensure_ascii=False, indent=1)
    if extra:
        text = text.replace('"code": "JP",', f'"code": "JP", {extra},', 1)
    write_edition(folder)
    (folder / "annotations.json").write_text(text, encoding="utf-8")
    return folder / "annotations.json"


@pytest.mark.parametrize("mode", [0o644, 0o600, 0o664, 0o640])
def test_fix_keeps_the_mode_and_owner(tmp_path: Path, mode: int) -> None:
    """The rewritten file has the mode and the owner the old one had."""
    path = _quoted(tmp_path / "edition")
    path.chmod(mode)
    before = path.stat()
    assert check_folder(path.parent, fix=True).written
    after = path.stat()
    assert stat.S_IMODE(after.st_mode) == mode
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    assert after.st_ino != before.st_ino  # replaced by a rename, not rewritten in place


@pytest.mark.skipif(os.geteuid() != 0, reason="only the superuser may give a file away")
def test_fix_keeps_another_users_ownership(tmp_path: Path) -> None:
    """Run by the superuser, --fix leaves a file owned by the user and group it had."""
    path = _quoted(tmp_path / "edition")
    os.chown(path, 54321, 54322)
    path.chmod(0o2664)  # set-group-id: cleared by a change of owner, put back by the mode
    assert check_folder(path.parent, fix=True).written
    after = path.stat()
    assert (after.st_uid, after.st_gid, stat.S_IMODE(after.st_mode)) == (54321, 54322, 0o2664)


def test_an_error_names_the_path_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while new writes is one line naming the file, not "None: ..."."""
    monkeypatch.setattr(os, "fsync", _fail_in_fsync(lambda: OSError(28, "No space left on device")))
    folder = tmp_path / "edition"
    status, _, err = _run(capsys, "new", str(_text(tmp_path)), str(folder), *_OPTIONS)
    assert status == 2
    assert err == f"bluebook-data: error: {folder / TEXT_NAME}: No space left on device\n"
    assert list(folder.iterdir()) == []


_NUMBERS = ["1e400", "0.1000000000000000055511151231257827", "12345678901234567890123", "-0.0"]


def test_fix_keeps_numbers_as_written(tmp_path: Path) -> None:
    """Numbers a float or an int would change come back byte for byte, and no Infinity appears."""
    members = ", ".join(f'"n{i}": {number}' for i, number in enumerate(_NUMBERS))
    path = _quoted(tmp_path / "edition", f'"extra": {{{members}, "list": [{_NUMBERS[0]}]}}')
    report = check_folder(path.parent, fix=True)
    assert report.written  # the extra key is a problem, but every quote resolved
    assert [problem.path for problem in report.problems] == ["$.records.countries[0]"]
    written = path.read_text(encoding="utf-8")
    assert '"exact"' not in written
    assert "Infinity" not in written
    for position, number in enumerate(_NUMBERS):
        assert f'"n{position}": {number},' in written or f'"n{position}": {number}\n' in written
    assert f'"list": [\n            {_NUMBERS[0]}\n          ]' in written
    country = json.loads(written)["records"]["countries"][0]
    start = TEXT.index("Japan will")
    assert country["evidence"] == [{"start": start, "end": start + 5, "text": "Japan"}]


def test_fixed_file_loads_as_the_spans_edition(tmp_path: Path) -> None:
    """Apart from the quotes, the rewritten file is the same document, and loads."""
    path = _quoted(tmp_path / "edition")
    original = json.loads(path.read_text(encoding="utf-8"))
    assert check_folder(path.parent, fix=True).written
    fixed = json.loads(path.read_text(encoding="utf-8"))
    for kind in ("countries", "topics", "engagements", "statements"):
        for record in (*original["records"][kind], *fixed["records"][kind]):
            record.pop("evidence")
    assert fixed == original
    assert (
        bb.load(path.parent).engagements() == bb.load(write_edition(tmp_path / "s")).engagements()
    )


def _edit_after_reading(path: Path, monkeypatch: pytest.MonkeyPatch, when: str) -> bytes:
    """Save an author's edit to ``path`` once check has read it, at the moment named."""
    edited = path.read_bytes().replace(b'"Harbour Notes 2031"', b'"Harbour Notes, edited"', 1)

    def edit() -> None:
        path.write_bytes(edited)

    if when == "after reading":

        def resolve_then_edit(document: Any, text: str) -> Any:
            edit()
            return resolve_quotes(document, text)

        monkeypatch.setattr(check, "resolve_quotes", resolve_then_edit)
    else:  # once the temporary file is written and synced, just before the rename
        fsync = os.fsync

        def sync_then_edit(handle: int) -> None:
            fsync(handle)
            if stat.S_ISREG(os.fstat(handle).st_mode):
                edit()

        monkeypatch.setattr(os, "fsync", sync_then_edit)
    return edited


@pytest.mark.parametrize("when", ["after reading", "before the rename"])
def test_fix_refuses_a_file_changed_since_it_was_read(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    when: str,
) -> None:
    """An edit saved while check runs is kept: one line, exit 2, no temporary file left."""
    path = _quoted(tmp_path / "edition")
    edited = _edit_after_reading(path, monkeypatch, when)
    status, out, err = _run(capsys, "check", "--fix", str(path.parent))
    assert status == 2
    assert out == ""
    assert err == (
        f"bluebook-data: error: annotations.json: not written: {path} changed since check "
        "read it; nothing was written: run check --fix again to write its quotes as offsets "
        "(see 'bluebook-data check --help')\n"
    )
    assert path.read_bytes() == edited
    assert _temporary_files(path.parent) == []


def test_fix_after_a_refusal_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run again, as the refusal says, --fix writes the edited file's quotes as offsets."""
    path = _quoted(tmp_path / "edition")
    _edit_after_reading(path, monkeypatch, "after reading")
    with pytest.raises(bb.DataError, match="changed since check read it"):
        check_folder(path.parent, fix=True)
    monkeypatch.undo()
    assert check_folder(path.parent, fix=True).written
    assert json.loads(path.read_bytes())["source"]["title"] == "Harbour Notes, edited"


def _fail_in_fsync(raised: Callable[[], BaseException]) -> Callable[[int], None]:
    def fail(handle: int) -> None:
        raise raised()

    return fail


@pytest.mark.parametrize(
    "raised",
    [
        lambda: KeyboardInterrupt(),
        lambda: OSError(28, "No space left on device"),
        lambda: MemoryError(),
    ],
    ids=["KeyboardInterrupt", "OSError", "MemoryError"],
)
def test_no_temporary_file_is_left_after_an_exception(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, raised: Callable[[], BaseException]
) -> None:
    """Whatever interrupts the write, the old file stays whole and no temporary file is left."""
    path = _quoted(tmp_path / "edition")
    before = path.read_bytes()
    monkeypatch.setattr(os, "fsync", _fail_in_fsync(raised))
    expected = type(raised())
    with pytest.raises(bb.DataError if expected is OSError else expected) as failed:
        check_folder(path.parent, fix=True)
    if isinstance(failed.value, bb.DataError):  # a write that failed, naming the file
        assert failed.value.problems == (f"writing {path} failed: No space left on device @ $",)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["annotations.json", TEXT_NAME]


_TERMINATED_MID_WRITE = """
import os, signal, sys
from bluebook_data.cli import run
os.fsync = lambda handle: os.kill(os.getpid(), signal.SIGTERM)  # the signal arrives mid-write
sys.argv = ["bluebook-data", "check", "--fix", sys.argv[1]]
run()
"""


def test_a_termination_signal_leaves_no_temporary_file(tmp_path: Path) -> None:
    """SIGTERM to the command line mid-write: status 143, the old file whole, no temporary file."""
    path = _quoted(tmp_path / "edition")
    before = path.read_bytes()
    ended = subprocess.run(
        [sys.executable, "-c", _TERMINATED_MID_WRITE, str(path.parent)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ended.returncode == 128 + signal.SIGTERM, ended.stderr
    assert path.read_bytes() == before
    assert _temporary_files(path.parent) == []


def test_library_writes_leave_the_signal_handlers_alone(tmp_path: Path) -> None:
    """Only the command line handles signals: a fix from Python leaves the process's alone."""
    path = _quoted(tmp_path / "edition")
    before = {number: signal.getsignal(number) for number in (signal.SIGTERM, signal.SIGHUP)}
    seen: list[object] = []
    fsync = os.fsync

    def spy(handle: int) -> None:
        seen.append(signal.getsignal(signal.SIGTERM))
        fsync(handle)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(os, "fsync", spy)
        check_folder(path.parent, fix=True)
    assert seen
    assert all(handler is before[signal.SIGTERM] for handler in seen)
    assert {number: signal.getsignal(number) for number in before} == before


def test_fix_syncs_the_file_then_the_folder_after_the_rename(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new file is synced before the rename, and the folder after it."""
    path = _quoted(tmp_path / "edition")
    calls: list[str] = []
    fsync, replace = os.fsync, os.replace

    def spy_fsync(handle: int) -> None:
        calls.append("folder" if stat.S_ISDIR(os.fstat(handle).st_mode) else "file")
        fsync(handle)

    def spy_replace(*args: Any, **kwargs: Any) -> None:
        calls.append("rename")
        replace(*args, **kwargs)

    monkeypatch.setattr(os, "fsync", spy_fsync)
    monkeypatch.setattr(os, "replace", spy_replace)
    assert check_folder(path.parent, fix=True).written
    assert calls == ["file", "rename", "folder"]


def test_fix_rewrites_a_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    """annotations.json linking to a file in the folder: that file is rewritten, the link stays."""
    folder = tmp_path / "edition"
    real = _quoted(folder)
    kept = folder / "versions" / "current.json"
    kept.parent.mkdir()
    real.rename(kept)
    kept.chmod(0o604)
    real.symlink_to(Path("versions") / "current.json")
    assert check_folder(folder, fix=True).written
    assert os.readlink(real) == str(Path("versions") / "current.json")
    assert '"exact"' not in kept.read_text(encoding="utf-8")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o604
    assert bb.load(folder).title == "Harbour Notes 2031"
    assert _temporary_files(folder) == []


def test_fix_writes_nothing_through_a_link_leading_out(tmp_path: Path) -> None:
    """An annotations file linking out of the folder is not read, and not written."""
    folder = tmp_path / "edition"
    real = _quoted(folder)
    outside = tmp_path / "outside.json"
    real.rename(outside)
    real.symlink_to(outside)
    before = outside.read_bytes()
    report = check_folder(folder, fix=True)
    assert not report.written
    assert [problem.message for problem in report.problems] == [
        "the file 'annotations.json' is a link that leads out of the folder"
    ]
    assert outside.read_bytes() == before


# --- check's output ----------------------------------------------------------------------------

_FORGED = "\x1b]0;owned\x07\x1b[2K\rharbour/: no problems\n\x9b31m\u202egnp.exe\u2028x"
_ACTIVE = ["\x1b", "\x07", "\r", "\x9b", "\u202e", "\u2028"]


def _hostile(folder: Path) -> Path:
    document = harbour_annotations()
    document["records"]["countries"][0][_FORGED] = 1
    document["records"]["statements"][0]["kind"] = _FORGED
    document["source"]["text"] = f"missing{_FORGED}.txt"
    return write_edition(folder, document)


def test_check_text_output_is_inert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder's control characters are escaped: no sequence reaches the terminal, no forgery."""
    folder = _hostile(tmp_path / "edition")
    status, out, _ = _run(capsys, "check", str(folder))
    assert status == 1
    lines = out.splitlines()
    report = check_folder(folder)
    assert len(lines) == len(report.problems) + 1
    assert lines[-1] == f"{folder}: {len(report.problems)} problem" + "s" * (len(lines) > 2)
    for character in _ACTIVE:
        assert character not in out
    assert r"\x1b]0;owned\x07\x1b[2K\rharbour/: no problems\n\x9b31m\u202egnp.exe\u2028x" in out


def test_check_json_output_is_inert_and_exact(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """In JSON, the same characters are written as escapes, and the values read back exactly."""
    folder = _hostile(tmp_path / "edition")
    status, out, _ = _run(capsys, "check", "--format", "json", str(folder))
    assert status == 1
    for character in _ACTIVE:
        assert character not in out
    problems = json.loads(out)["problems"]
    assert [problem["file"] for problem in problems] == [
        str(p.file) for p in check_folder(folder).problems
    ]
    assert any(_FORGED in problem["file"] for problem in problems)


# --- the data package's file names -------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "clash"),
    [
        ("countries.csv", "countries.csv"),
        ("Engagement_Countries.CSV", "engagement_countries.csv"),
        ("datapackage.json", "datapackage.json"),
    ],
)
def test_export_refuses_a_text_named_as_a_table_file(tmp_path: Path, name: str, clash: str) -> None:
    """A text named like a file the package writes would replace it: refused, nothing written."""
    document = harbour_annotations()
    document["source"]["text"] = name
    folder = write_edition(tmp_path / "edition", document)
    (folder / TEXT_NAME).rename(folder / name)
    book = bb.load(folder)
    out = tmp_path / "out"
    with pytest.raises(bb.DataError) as refused:
        bb.write_datapackage(out, book=book)
    assert refused.value.problems == (
        f"the text's name {name!r} is the name of a file the data package writes ({clash}); "
        "rename the text @ $.source.text",
    )
    assert not out.exists()
