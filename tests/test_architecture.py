"""The import graph read from the source: one way, no cycle, lazy imports only where meant."""

from __future__ import annotations

import ast
import graphlib
from collections.abc import Iterator
from pathlib import Path

import pytest

#: The source read: the checkout's, whichever copy of the package is imported (a zipped wheel's
#: modules cannot be listed as files).
PACKAGE = Path(__file__).resolve().parent.parent / "src" / "bluebook_data"
ROOT = "bluebook_data"

#: Imports made inside a function, each with its reason in the code: optional extras, and what a
#: successful query or a plain script should not pay for.
LAZY = {
    ("bluebook_data._edition.names", "difflib"),
    ("bluebook_data.errors", "difflib"),
    ("bluebook_data.errors", "unicodedata"),
    ("bluebook_data._display.plot", "matplotlib"),
    ("bluebook_data._display.notebook", "bluebook_data._display.html"),
    ("bluebook_data.cli.common", "bluebook_data._exports.formats"),
    ("bluebook_data.cli.common", "bluebook_data._tables.tables"),
}

#: The most of the package's code one folder may hold: the rooms are split by purpose.
FOLDER_SHARE = 1 / 3


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", "")
    return name == "TYPE_CHECKING"


def _imports(tree: ast.AST, module: str) -> Iterator[tuple[str, bool]]:
    """Yield each module ``tree`` imports, and whether the import is inside a function."""

    def visit(node: ast.AST, in_function: bool) -> Iterator[tuple[str, bool]]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and _is_type_checking(child):
                continue  # never run: for type checkers only
            if isinstance(child, ast.Import):
                yield from ((alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:  # relative: resolved against this module's package
                    package = module.rsplit(".", child.level)[0]
                    base = f"{package}.{base}" if base else package
                yield base, in_function
                if base.split(".")[0] == ROOT:  # `from package import module` imports it too
                    yield from ((f"{base}.{alias.name}", in_function) for alias in child.names)
            else:
                inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
                yield from visit(child, inner)

    yield from visit(tree, False)


@pytest.fixture(autouse=True)
def _source_present() -> None:
    if not (PACKAGE / "__init__.py").is_file():
        pytest.skip("the package's source is not beside the tests")


def _graph() -> dict[str, set[tuple[str, bool]]]:
    sources = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    return {
        module: {
            (imported, lazy)
            for imported, lazy in _imports(ast.parse(path.read_text("utf-8")), module)
            if imported in sources or imported.split(".")[0] != ROOT
        }
        for module, path in sources.items()
    }


def test_no_import_cycle_at_module_level_or_in_functions() -> None:
    """The package's modules import one another without a cycle, counting every import."""
    graph = _graph()
    edges = {
        module: {imported for imported, _ in imports if imported.startswith(ROOT)}
        for module, imports in graph.items()
    }
    # A submodule's import runs its package's __init__ first: a package is below its modules.
    for module in edges:
        edges[module].discard(module.rpartition(".")[0])
    try:
        tuple(graphlib.TopologicalSorter(edges).static_order())
    except graphlib.CycleError as error:
        pytest.fail(f"import cycle: {' -> '.join(error.args[1])}")


#: The modules the records import, which import nothing of the package: how a record spells its
#: repr, and the seam through which the display lends the records their HTML.
BENEATH_THE_RECORDS = {"bluebook_data._record_repr", "bluebook_data._renderer"}


def test_records_and_errors_import_nothing_of_the_package() -> None:
    """The bottom layer stands alone: the model and the errors import no other module of ours."""
    graph = _graph()
    for module in ("bluebook_data.model", "bluebook_data.errors"):
        assert (
            not {name for name, _ in graph[module] if name.startswith(ROOT)} - BENEATH_THE_RECORDS
        )
    for module in BENEATH_THE_RECORDS:
        assert not {name for name, _ in graph[module] if name.startswith(ROOT)}


def test_function_level_imports_are_only_the_deliberate_ones() -> None:
    """Every import inside a function is one of the few meant to be lazy."""
    found = {
        (module, imported)
        for module, imports in _graph().items()
        for imported, lazy in imports
        if lazy
    }
    assert found == LAZY


def _lines_of_code(path: Path) -> int:
    return sum(1 for line in path.read_text("utf-8").splitlines() if line.strip())


def test_no_folder_holds_more_than_a_third_of_the_code() -> None:
    """Display, exports, authoring, loading and the edition each keep a room of their own."""
    by_folder: dict[str, int] = {}
    for path in PACKAGE.rglob("*.py"):
        folder = path.parent.relative_to(PACKAGE).as_posix()
        by_folder[folder] = by_folder.get(folder, 0) + _lines_of_code(path)
    total = sum(by_folder.values())
    crowded = {f: n / total for f, n in by_folder.items() if n > FOLDER_SHARE * total}
    assert not crowded, f"folders over a third of {total} lines: {crowded}"
    assert {"_display", "_exports", "_authoring", "_loading", "_edition", "cli"} <= set(by_folder)
