"""Web Annotations: each follows the W3C model's rules, and each quote is the text at its position.

The rules are those the Web Annotation Data Model (W3C Recommendation, 23 February 2017) states,
checked by :func:`violations`, written here for the parts of the model the export uses: the
Annotation (section 3.1), textual bodies (3.2.4), agents (3.3.2), specific resources and their
selectors (4.1, 4.2.4, 4.2.5), motivations (3.3.5) and collections (5). Keys must also be terms
the W3C context defines, so that nothing is dropped by a JSON-LD processor.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

import bluebook_data as bb
from bluebook_data import cli
from bluebook_data._exports.webannotation import (
    ANNOTATION_CONTEXT,
    CONTEXT_LENGTH,
    FILE_NAME,
    annotation_collection,
)

#: The motivations the model defines (section 3.3.5).
MOTIVATIONS = {
    "assessing", "bookmarking", "classifying", "commenting", "describing", "editing",
    "highlighting", "identifying", "linking", "moderating", "questioning", "replying", "tagging",
}  # fmt: skip
#: The terms of the W3C context each kind of object may use.
TERMS = {
    "Annotation": {
        "@context", "id", "type", "motivation", "creator", "created", "modified", "generator",
        "generated", "audience", "rights", "canonical", "via", "body", "bodyValue", "target",
        "stylesheet",
    },
    "TextualBody": {
        "id", "type", "value", "format", "language", "processingLanguage", "textDirection",
        "purpose", "creator", "created", "modified", "rights",
    },
    "SpecificResource": {
        "id", "type", "source", "selector", "state", "purpose", "styleClass", "renderedVia",
        "scope",
    },
    "TextQuoteSelector": {"type", "exact", "prefix", "suffix", "refinedBy"},
    "TextPositionSelector": {"type", "start", "end", "refinedBy"},
    "Agent": {"id", "type", "name", "nickname", "email", "email_sha1", "homepage"},
    "AnnotationCollection": {"@context", "id", "type", "label", "total", "first", "last"},
    "AnnotationPage": {"id", "type", "partOf", "items", "next", "prev", "startIndex"},
}  # fmt: skip
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*")


def _is_iri(value: object) -> bool:
    return isinstance(value, str) and _IRI.fullmatch(value) is not None


def _is_count(value: object) -> bool:
    """A non-negative integer, as JSON has it: not a bool, not a float."""
    return type(value) is int and value >= 0


def _many(value: object) -> list[Any]:
    """The values of a property that may hold one value or a list of them."""
    return value if isinstance(value, list) else [value]


def _unknown(kind: str, node: dict[str, Any]) -> Iterator[str]:
    for key in sorted(set(node) - TERMS[kind]):
        yield f"{kind}: {key!r} is not a term of the W3C context"


def _context(node: dict[str, Any]) -> Iterator[str]:
    context = node.get("@context")
    if context != ANNOTATION_CONTEXT and not (
        isinstance(context, list) and len(context) > 1 and ANNOTATION_CONTEXT in context
    ):
        # One context is given as a string; several as a list that holds the W3C one.
        yield f"@context must be or include {ANNOTATION_CONTEXT}, not {context!r}"


def _types(node: dict[str, Any], kind: str) -> Iterator[str]:
    if kind not in _many(node.get("type")):
        yield f"type must be or include {kind!r}, not {node.get('type')!r}"


def _agent(agent: object) -> Iterator[str]:
    if _is_iri(agent):
        return
    if not isinstance(agent, dict):
        yield f"an agent is an IRI or an object, not {agent!r}"
        return
    yield from _unknown("Agent", agent)
    if agent.get("type") not in {"Person", "Organization", "Software"}:
        yield f"an agent's type is Person, Organization or Software, not {agent.get('type')!r}"
    if not all(isinstance(name, str) for name in _many(agent.get("name", []))):
        yield "an agent's name is a string"


def _body(body: object) -> Iterator[str]:
    if _is_iri(body):
        return
    if not isinstance(body, dict) or body.get("type") != "TextualBody":
        yield f"a body here is an IRI or a TextualBody, not {body!r}"
        return
    yield from _unknown("TextualBody", body)
    if not isinstance(body.get("value"), str):
        yield "a TextualBody must have exactly one value, a string"
    if "format" in body and not re.fullmatch(r"[a-z]+/[a-z0-9.+-]+", str(body["format"])):
        yield f"format is a media type, not {body['format']!r}"
    if "language" in body and not _LANGUAGE.fullmatch(str(body["language"])):
        yield f"language is a BCP 47 tag, not {body['language']!r}"
    for purpose in _many(body.get("purpose", [])):
        if purpose not in MOTIVATIONS:
            yield f"purpose {purpose!r} is not a motivation"


def _selector(selector: object) -> Iterator[str]:
    if not isinstance(selector, dict) or not isinstance(selector.get("type"), str):
        yield f"a selector must have exactly one type, not {selector!r}"
        return
    kind = selector["type"]
    if kind == "TextQuoteSelector":
        yield from _unknown(kind, selector)
        if not isinstance(selector.get("exact"), str):
            yield "a TextQuoteSelector must have exactly one exact, a string"
        for key in ("prefix", "suffix"):
            if key in selector and not isinstance(selector[key], str):
                yield f"a TextQuoteSelector's {key} is at most one string"
    elif kind == "TextPositionSelector":
        yield from _unknown(kind, selector)
        start, end = selector.get("start"), selector.get("end")
        if not (_is_count(start) and _is_count(end)):
            yield "a TextPositionSelector must have one start and one end, non-negative integers"
        elif start > end:  # type: ignore[operator]
            yield f"a TextPositionSelector's start {start} is after its end {end}"
    else:
        yield f"selector type {kind!r} is not one the export uses"


def _target(target: object) -> Iterator[str]:
    if _is_iri(target):
        return
    if not isinstance(target, dict):
        yield f"a target is an IRI or an object, not {target!r}"
        return
    yield from _unknown("SpecificResource", target)
    if not _is_iri(target.get("source")):
        yield "a SpecificResource must have exactly one source, an IRI"
    for selector in _many(target.get("selector", [])):
        yield from _selector(selector)


def violations(annotation: dict[str, Any], *, embedded: bool = False) -> list[str]:
    """Return each rule of the model that ``annotation`` breaks; none for a valid one.

    An annotation ``embedded`` in a collection's page may leave the context to the collection.
    """
    found: list[str] = []
    if not (embedded and "@context" not in annotation):
        found += _context(annotation)
    found += _unknown("Annotation", annotation)
    if not _is_iri(annotation.get("id")):
        found.append(f"an Annotation must have exactly one id, an IRI: {annotation.get('id')!r}")
    found += _types(annotation, "Annotation")
    for motivation in _many(annotation.get("motivation", [])):
        if motivation not in MOTIVATIONS:
            found.append(f"motivation {motivation!r} is not one the model defines")
    if "creator" in annotation:
        found += _agent(annotation["creator"])
    if "body" not in annotation:
        found.append("the export gives every annotation a body")
    for body in _many(annotation.get("body", [])):
        found += _body(body)
    targets = _many(annotation.get("target", []))
    if not targets:
        found.append("an Annotation must have one or more targets")
    for target in targets:
        found += _target(target)
    return found


def collection_violations(collection: dict[str, Any]) -> list[str]:
    """Return each rule of the model (section 5) that an AnnotationCollection breaks."""
    found = [*_context(collection), *_unknown("AnnotationCollection", collection)]
    found += _types(collection, "AnnotationCollection")
    if not _is_iri(collection.get("id")):
        found.append("a collection must have exactly one id, an IRI")
    if not isinstance(collection.get("label"), str):
        found.append("a collection's label is a string")
    if not _is_count(collection.get("total")):
        found.append("a collection's total is a non-negative integer")
    page = collection.get("first")
    if not isinstance(page, dict):
        return [*found, "the export embeds the first page"]
    found += _unknown("AnnotationPage", page)
    found += _types(page, "AnnotationPage")
    if not _is_iri(page.get("id")) or not _is_iri(collection.get("last")):
        found.append("a page's id and the collection's last are IRIs")
    if not isinstance(page.get("items"), list):
        found.append("a page must have items, a list")
    if not _is_count(page.get("startIndex")):
        found.append("a page's startIndex is a non-negative integer")
    for item in page.get("items", []):
        found += violations(item, embedded=True)
    return found


_ANNOTATIONS = bb.web_annotations()


def _spans() -> list[tuple[Any, bb.Span]]:
    """Every record with evidence and each of its spans, in the export's order."""
    records: list[Any] = [
        *bb.engagements(),
        *bb.statements(),
        *bb.countries(),
        *bb.people(),
        *bb.topics(),
    ]
    return [(record, span) for record in records for span in record.evidence]


def _selectors(annotation: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    quote, position = annotation["target"]["selector"]
    return quote, position


@pytest.mark.parametrize("index", range(len(_ANNOTATIONS)))
def test_every_annotation_follows_the_model(index: int) -> None:
    """Each annotation breaks none of the model's rules that the checks cover."""
    assert violations(_ANNOTATIONS[index]) == []


def test_one_annotation_per_evidence_span_with_the_record_as_body() -> None:
    """The annotations are the evidence spans in order, each with its record as JSON."""
    spans = _spans()
    assert len(_ANNOTATIONS) == len(spans) > 0
    for annotation, (record, span) in zip(_ANNOTATIONS, spans, strict=True):
        label, data = annotation["body"]
        assert data["format"] == "application/json"
        assert bb.converter.structure(json.loads(data["value"]), type(record)) == record
        assert label["value"].startswith(f"{type(record).__name__} ")
        quote, position = _selectors(annotation)
        assert (position["start"], position["end"], quote["exact"]) == (
            span.start,
            span.end,
            span.text,
        )


def test_every_quote_is_the_text_at_its_position_with_its_context() -> None:
    """``exact`` is the text between start and end; prefix and suffix the text either side."""
    text = bb.text()
    for annotation in _ANNOTATIONS:
        quote, position = _selectors(annotation)
        start, end = position["start"], position["end"]
        prefix, suffix = quote.get("prefix", ""), quote.get("suffix", "")
        assert quote["exact"] == text[start:end]
        assert prefix == text[start - len(prefix) : start]
        assert suffix == text[end : end + len(suffix)]
        assert len(prefix) <= CONTEXT_LENGTH >= len(suffix)
        assert "\n" not in prefix + suffix
        # A context is short of its full length only at a line break or an end of the text.
        if len(prefix) < CONTEXT_LENGTH:
            assert start - len(prefix) == 0 or text[start - len(prefix) - 1] == "\n"
        if len(suffix) < CONTEXT_LENGTH:
            assert end + len(suffix) == len(text) or text[end + len(suffix)] == "\n"


def test_each_quote_with_its_context_occurs_once() -> None:
    """A tool that anchors by the quote selector alone finds exactly one place in the text."""
    text = bb.text()
    for annotation in _ANNOTATIONS:
        quote, position = _selectors(annotation)
        context = quote.get("prefix", "") + quote["exact"] + quote.get("suffix", "")
        first = text.find(context)
        assert first == position["start"] - len(quote.get("prefix", ""))
        assert text.find(context, first + 1) == -1


def test_the_target_is_the_editions_page() -> None:
    """Every target's source is the page the edition was taken from."""
    assert {a["target"]["source"] for a in _ANNOTATIONS} == {bb.load().url}


def test_motivation_follows_the_kind_of_record() -> None:
    """Engagements and statements describe; countries, people and topics identify."""
    for annotation, (record, _) in zip(_ANNOTATIONS, _spans(), strict=True):
        describes = isinstance(record, bb.Engagement | bb.Statement)
        assert annotation["motivation"] == ("describing" if describes else "identifying")
        assert annotation["body"][0]["purpose"] == annotation["motivation"]


def test_ids_are_distinct_stable_name_based_uuids() -> None:
    """Each id is a version 5 UUID URN, different for every span, the same on every call."""
    ids = [annotation["id"] for annotation in _ANNOTATIONS]
    assert len(set(ids)) == len(ids)
    assert all(uuid.UUID(iri.removeprefix("urn:uuid:")).version == 5 for iri in ids)
    japan = next(a for a in _ANNOTATIONS if a["body"][0]["value"].startswith("Country JP:"))
    name = f"{bb.load().url}#bluebook-data/countries/JP/evidence/0"
    assert japan["id"] == f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, name)}"
    assert [annotation["id"] for annotation in bb.web_annotations()] == ids


def test_each_call_builds_new_annotations() -> None:
    """Changing a returned annotation does not change the next call's."""
    first = bb.web_annotations()
    first[0]["target"]["selector"].clear()
    assert bb.web_annotations()[0]["target"]["selector"]


def _valid() -> dict[str, Any]:
    annotation: dict[str, Any] = json.loads(json.dumps(_ANNOTATIONS[0]))
    return annotation


def _set(path: str, value: Any) -> dict[str, Any]:
    """Return a copy of a valid annotation with the value at ``path`` replaced (or removed)."""
    annotation = _valid()
    *parents, last = path.split(".")
    node: Any = annotation
    for part in parents:
        node = node[int(part)] if part.isdigit() else node[part]
    key: Any = int(last) if last.isdigit() else last
    if value is _REMOVE:
        del node[key]
    else:
        node[key] = value
    return annotation


_REMOVE = object()


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("@context", _REMOVE),
        ("@context", "http://www.w3.org/ns/oa.jsonld"),
        ("@context", [ANNOTATION_CONTEXT]),
        ("id", _REMOVE),
        ("id", "annotation 1"),
        ("id", ["urn:uuid:1", "urn:uuid:2"]),
        ("type", "Note"),
        ("motivation", "explaining"),
        ("creator.type", "Robot"),
        ("body", _REMOVE),
        ("body.1.value", _REMOVE),
        ("body.1.value", {"id": "x"}),
        ("body.0.purpose", "summarising"),
        ("body.0.language", "english language"),
        ("body.0.format", "plain text"),
        ("target", _REMOVE),
        ("target", []),
        ("target.source", _REMOVE),
        ("target.source", "the MOFA page"),
        ("target.selector.0.exact", _REMOVE),
        ("target.selector.0.exact", ["two", "quotes"]),
        ("target.selector.0.prefix", 3),
        ("target.selector.0.suffix", None),
        ("target.selector.0.type", _REMOVE),
        ("target.selector.1.start", -1),
        ("target.selector.1.start", 1.5),
        ("target.selector.1.end", True),
        ("target.selector.1.start", 10**9),
        ("target.selector.1.end", _REMOVE),
        ("target.selector.1.offset", 3),
        ("record", {"id": "x"}),
    ],
)
def test_the_checks_catch_a_broken_annotation(path: str, value: Any) -> None:
    """Each rule the checks state fails an annotation that breaks it."""
    assert violations(_valid()) == []
    assert violations(_set(path, value)) != []


@pytest.fixture(scope="module")
def collection_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bb.write_web_annotations(tmp_path_factory.mktemp("annotations"))


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def test_the_file_is_one_collection_of_every_annotation(collection_file: Path) -> None:
    """The file holds one valid collection whose page embeds every annotation, in order."""
    assert collection_file.name == FILE_NAME
    collection = _read(collection_file)
    assert collection_violations(collection) == []
    items = collection["first"]["items"]
    assert collection["total"] == len(items) == len(_ANNOTATIONS)
    assert collection["last"] == collection["first"]["id"]
    assert items == _ANNOTATIONS


def test_an_annotation_taken_out_of_the_file_stands_alone(collection_file: Path) -> None:
    """Each item of the page is a whole annotation, its JSON-LD context included."""
    for item in _read(collection_file)["first"]["items"]:
        assert item["@context"] == ANNOTATION_CONTEXT
        assert violations(item) == []


def test_the_collection_checks_catch_a_broken_collection() -> None:
    """A collection without its context or total, or with a broken item, fails the checks."""
    valid = annotation_collection(bb.load())
    assert collection_violations(valid) == []
    for key in ("@context", "total", "first"):
        assert collection_violations({k: v for k, v in valid.items() if k != key}) != []
    broken = json.loads(json.dumps(valid))
    del broken["first"]["items"][3]["target"]["source"]
    assert collection_violations(broken) != []


def test_writing_is_reproducible_and_leaves_other_files(tmp_path: Path) -> None:
    """Two writes give the same bytes; other files in the directory stay as they were."""
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    first = bb.write_web_annotations(tmp_path / "out").read_bytes()
    assert bb.write_web_annotations(tmp_path / "out").read_bytes() == first
    assert bb.write_web_annotations(tmp_path).read_bytes() == first
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_export_format_webannotation_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``export DIR --format webannotation`` writes the file and prints its path."""
    assert cli.main(["export", str(tmp_path), "--format", "webannotation"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (f"{tmp_path / FILE_NAME}\n", "")
    assert collection_violations(_read(tmp_path / FILE_NAME)) == []
