"""The ``search`` subcommand: the sentences holding a phrase, each shown around its match.

On a terminal a sentence is cut around the match, which is emphasised; for programs each
sentence comes with the match's offsets in the whole text (a ``match`` object in JSON, three
``match_`` columns in CSV and TSV).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence

import attrs

from bluebook_data._display.terminal import TextTable
from bluebook_data._exports.formats import render
from bluebook_data._loading.convert import converter
from bluebook_data._tables.columns import Column, ColumnType
from bluebook_data._tables.tables import table
from bluebook_data.cli.common import edition, listing
from bluebook_data.model import Sentence, Span

__all__ = ["search"]


def search(args: argparse.Namespace) -> str | TextTable:
    """List the sentences that contain the phrase, each cut around the match on a terminal."""
    results = edition(args).search(args.query)
    found: Sequence[Sentence] = results[: args.limit]
    matches = results.matches()[: args.limit]
    if args.format in ("table", "markdown"):
        return listing(
            args,
            "sentences",
            found,
            lambda s: [s.id, s.text],
            text_column="text",
            marks=[
                (match.start - s.span.start, match.end - s.span.start)
                for s, match in zip(found, matches, strict=True)
            ],
        )
    if args.format in ("json", "jsonl"):
        documents = [
            {**converter.unstructure(sentence), "match": converter.unstructure(match)}
            for sentence, match in zip(found, matches, strict=True)
        ]
        if args.format == "jsonl":
            return "\n".join(json.dumps(document, ensure_ascii=False) for document in documents)
        return json.dumps(documents, ensure_ascii=False, indent=2)
    return _flat_search(args, found, matches)


def _flat_search(
    args: argparse.Namespace, found: Sequence[Sentence], matches: Sequence[Span]
) -> str:
    """Return the sentences' flat rows, the match's offsets and words after them, as CSV or TSV."""
    where = {sentence.id: match for sentence, match in zip(found, matches, strict=True)}

    def part_of_match(part: str) -> Column:
        def get(sentence: Sentence, _: object) -> object:
            return getattr(where[sentence.id], part)

        kind: ColumnType = "string" if part == "text" else "integer"
        return Column(name=f"match_{part}", description=f"The match's {part}.", get=get, type=kind)

    extra = [part_of_match(part) for part in ("start", "end", "text")]
    sentences = table("sentences")
    spec = attrs.evolve(sentences, columns=(*sentences.columns, *extra))
    return render(spec, found, edition(args), args.format)
