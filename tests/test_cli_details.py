"""The command line's pages, lookups by part of an id, search offsets, formats and signals."""

from __future__ import annotations

import csv
import io
import json
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import bluebook_data as bb
from bluebook_data import cli
from tests.editions import harbour_annotations, write_edition
from tests.helpers import on_terminal


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(argv)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("argv", "title"),
    [
        (["engagement", "2015-09-28"], bb.engagement("2015-09-28-summit-new-york").title),
        (["engagement", "astana"], bb.engagement("2015-10-27-summit-astana").title),
        (["statement", "russia-appropriate-partner"], bb.statements()[0].summary),
        (["statement", "russia-app"], bb.statements()[0].summary),
        (["person", "Putin"], "Vladimir Putin"),
        (["person", "vladimir-pu"], "Vladimir Putin"),
        (["country", "KAZ"], "Kazakhstan"),
        (["topic", "peace-treaty"], bb.topic("peace-treaty").label),
    ],
)
def test_every_record_kind_has_a_page(
    capsys: pytest.CaptureFixture[str], argv: list[str], title: str
) -> None:
    """A record named by id, a unique start of it, or words of its title opens as a page."""
    status, out, err = _run(argv, capsys)
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == title


def test_a_page_shows_evidence_in_its_sentence(capsys: pytest.CaptureFixture[str]) -> None:
    """Each span of evidence is shown with the sentence that holds it, and its offsets."""
    topic = bb.topic("peace-treaty")
    _, out, _ = _run(["topic", topic.id], capsys)
    flat = " ".join(out.split())
    sentences = bb.load().sentences()
    for span in topic.evidence:
        assert f"[{span.start}:{span.end}]" in out
        holder = next(s for s in sentences if s.span.start <= span.start < s.span.end)
        assert " ".join(holder.text.split()) in flat
        assert bb.text()[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["engagement", "2015-09"], "'2015-09' could be any of"),
        (["engagement", "2015-11-15-summit-antalia"], "did you mean '2015-11-15-summit-antalya'"),
        (["engagement", "nope"], "'bluebook-data engagements' lists them all"),
        (["statement", "zzzz"], "unknown statement 'zzzz'"),
        (["engagements", "--kind", "sumit"], "did you mean 'summit_meeting'?"),
        (["statements", "--kind", "polcy"], "did you mean 'policy'?"),
        (["engagements", "--person", "Obama"], "'bluebook-data people' lists them all"),
        (["engagments"], "did you mean 'engagements' or 'engagement'?"),
        (["--data", "/nonexistent", "engagements"], "/nonexistent: not a folder (see"),
        (["engagements", "--wide", "--format", "json"], "--wide is for --format table"),
        (["engagement", "2015-09-28-summit-new-york", "--limit", "2"], "does not take --limit"),
        (["engagements", "--columns", "id", "--format", "csv"], "--columns chooses"),
        (["events", "--layout", "polcat"], "did you mean 'polecat'?"),
    ],
)
def test_errors_share_one_grammar(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    """Every mistake is one line naming what was wrong, what was meant, and which help to read."""
    status, out, err = _run(argv, capsys)
    assert (status, out) == (2, "")
    assert message in err
    assert err.count("\n") == 1
    assert " --help')" in err
    assert "@ $" not in err


def test_a_far_miss_suggests_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """A name close to nothing known ("Narnia") suggests nothing rather than a stranger."""
    _, _, err = _run(["engagements", "--country", "Narnia"], capsys)
    assert "did you mean" not in err


def test_search_json_and_csv_carry_the_match(capsys: pytest.CaptureFixture[str]) -> None:
    """Search results for programs say where the phrase stands, in the whole text's offsets."""
    _, out, _ = _run(["search", "Peace Treaty", "--format", "json"], capsys)
    documents = json.loads(out)
    assert [d["id"] for d in documents] == [s.id for s in bb.search("peace treaty")]
    for document in documents:
        match = document["match"]
        assert bb.text()[match["start"] : match["end"]] == match["text"]
        assert match["text"].casefold() == "peace treaty"
    _, out, _ = _run(["search", "peace treaty", "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [(int(r["match_start"]), int(r["match_end"])) for r in rows] == [
        (d["match"]["start"], d["match"]["end"]) for d in documents
    ]


def test_tsv_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    """``--format tsv`` prints the flat rows tab-separated; ``markdown`` the table to paste."""
    _, out, _ = _run(["countries", "--format", "tsv"], capsys)
    header, *rows = out.splitlines()
    assert header.split("\t")[:2] == ["code", "alpha3"]
    assert [row.split("\t")[0] for row in rows] == [c.code for c in bb.countries()]
    _, out, _ = _run(["countries", "--format", "markdown", "--columns", "code,name"], capsys)
    lines = out.splitlines()
    assert lines[:2] == ["| code | name |", "| --- | --- |"]
    assert len(lines) == 2 + len(bb.countries())


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv", "tsv", "markdown"])
@pytest.mark.parametrize(
    "argv",
    [
        *[["engagements"], ["statements"], ["countries"], ["people"], ["topics"]],
        *[["search", "Japan"], ["events"], ["events", "--layout", "polecat"]],
        ["events", "--layout", "icews"],
    ],
)
def test_every_listing_prints_every_format(
    capsys: pytest.CaptureFixture[str], argv: list[str], fmt: str
) -> None:
    """Every listing, in every format it offers, prints its rows and nothing on stderr."""
    status, out, err = _run([*argv, "--format", fmt], capsys)
    assert (status, err) == (0, "")
    assert len(out.splitlines()) >= 2


def test_people_filter_by_country(capsys: pytest.CaptureFixture[str]) -> None:
    """``people --country`` lists only that country's people, as Python's filter would."""
    _, out, _ = _run(["people", "--country", "Russia", "--format", "jsonl"], capsys)
    found = [json.loads(line)["id"] for line in out.splitlines()]
    assert found == [p.id for p in bb.people() if p.country == "RU"]
    assert found


def test_text_with_ids_starts_each_sentence_after_its_id(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``text --ids`` shows every sentence after its id, paragraphs apart by a blank line."""
    _, out, _ = _run(["text", "--ids"], capsys)
    sentences = bb.load().sentences()
    starts = [line.split("  ", 1)[0] for line in out.splitlines() if line[:1] not in (" ", "")]
    assert [s.id for s in sentences] == [start for start in starts if start.startswith("c2-")]
    assert "\n\n" in out


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish", "tcsh"])
def test_completion_names_every_subcommand(capsys: pytest.CaptureFixture[str], shell: str) -> None:
    """The completion script, generated from the parser, knows every subcommand."""
    pytest.importorskip("shtab")
    from bluebook_data.cli.parser import parser

    status, out, _ = _run(["completion", shell], capsys)
    assert status == 0
    for name in parser().subcommands:
        assert name in out


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        (["engag"], ["engagement", "engagements"]),
        (["engagements", "--format", ""], ["csv", "json", "jsonl", "markdown", "table", "tsv"]),
        (["completion", "f"], ["fish"]),
    ],
)
def test_bash_completion_completes_commands_and_choices(
    words: list[str], expected: list[str]
) -> None:
    """Sourced into bash, the script completes subcommands and each option's choices."""
    pytest.importorskip("shtab")
    script = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "completion", "bash"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = " ".join(["bluebook-data", *words])
    probe = (
        f"{script}\nCOMP_WORDS=(bluebook-data {' '.join(map(repr, words))});"
        f" COMP_CWORD={len(words)}; COMP_LINE={line!r}; COMP_POINT=${{#COMP_LINE}};"
        ' _shtab_bluebook_data; printf "%s\\n" "${COMPREPLY[@]}"\n'
    )
    run = subprocess.run(["bash", "-c", probe], capture_output=True, text=True, check=False)
    assert sorted(run.stdout.split()) == expected


def test_a_full_stdout_is_one_line_and_status_1() -> None:
    """Output into ``/dev/full`` ends with one error line and status 1, no traceback."""
    with open("/dev/full", "w") as full:
        run = subprocess.run(
            [sys.executable, "-m", "bluebook_data", "engagements"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert run.returncode == 1
    assert (
        run.stderr
        == "bluebook-data: error: cannot write to standard output: No space left on device\n"
    )


def test_a_closed_stdout_is_one_line_and_non_zero() -> None:
    """With standard output closed (``>&-``) the command says so once and fails."""
    run = subprocess.run(
        [sys.executable, "-m", "bluebook_data", "engagements"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=False,
        pass_fds=(),
        preexec_fn=lambda: __import__("os").close(1),
    )
    assert run.returncode == 1
    assert run.stderr.count("\n") == 1
    assert "Traceback" not in run.stderr


def test_ctrl_c_exits_130_quietly() -> None:
    """An interrupt ends the command with status 130 and nothing on standard error."""
    slow = (
        "import time, bluebook_data.cli.listings as l\n"
        "l.engagements = lambda args: time.sleep(30)\n"
        "from bluebook_data.cli.main import run\n"
        "import sys; sys.argv = ['bluebook-data', 'engagements']; run()\n"
    )
    process = subprocess.Popen(
        [sys.executable, "-c", slow], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    time.sleep(1.5)
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=20)
    assert (process.returncode, out, err) == (130, "", "")


_HOSTILE_TITLE = "Harbour\x1b]0;owned\x07 talks\r\n\u202eforged: no problems\x1b[2J"


def _hostile_edition(folder: Path) -> Path:
    """Write the tests' edition with escapes in a title and a ``javascript:`` source URL."""
    document = harbour_annotations()
    engagement = document["records"]["engagements"][0]
    engagement["title"] = _HOSTILE_TITLE
    engagement["references"] = [
        {"url": "javascript:alert(1)", "title": "A \x1b[31mred\x1b[0m source"},
        {"url": "https://example.org/ok", "title": "A plain source"},
    ]
    return write_edition(folder, document)


@pytest.mark.parametrize(
    "argv", [["engagements"], ["engagement", "2031"], ["search", "harbour"], ["text", "--ids"]]
)
def test_a_folders_strings_are_shown_inert_on_a_terminal(tmp_path: Path, argv: list[str]) -> None:
    """Escapes, carriage returns and bidi overrides from a folder reach the terminal escaped."""
    folder = _hostile_edition(tmp_path / "hostile")
    command = [sys.executable, "-m", "bluebook_data", "--data", str(folder), *argv]
    status, output = on_terminal(command, 100)
    assert status == 0, output
    # What remains once this package's own styles and links are taken out must be plain text.
    plain = re.sub(r"\x1b\[[017]?m|\x1b\]8;;(https://[!-~]*?)?\x1b\\", "", output)
    assert "\x1b" not in plain
    assert "\u202e" not in plain
    assert "\r" not in plain.replace("\r\n", "\n")
    assert "\x1b]8;;javascript:" not in output
    if argv[0] == "engagement":
        assert "\\x1b]0;owned\\x07" in output
        assert "\x1b]8;;https://example.org/ok\x1b\\" in output
        assert "\x1b]8;;javascript:" not in output
