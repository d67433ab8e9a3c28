"""The package layout holds: no import cycles, no forbidden direction, small documented modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SERVICE = Path(__file__).resolve().parents[2] / "service"
MAX_LINES = 300

# Extractor modules still over MAX_LINES: their owners are splitting them. Shrink only; a module
# leaves this list when it is split, and no module may join it.
TOO_LONG_FOR_NOW: set[str] = set()

# Cycles inside an extractor package, left to its owners. Empty: keep it so.
KNOWN_CYCLES: set[frozenset[str]] = set()

EXTRACTORS = ("text", "dates", "claims", "places")
# (importer prefix, forbidden import prefixes, why)
FORBIDDEN = [
    (
        "service.store",
        ("service.dates", "service.claims", "service.places", "service.pipeline", "service.ingest"),
        "the store never runs extraction: the use cases (ingest, reprocess) do",
    ),
    *[
        (
            f"service.{package}",
            ("flask", "flask_smorest", "peewee", "playhouse", "service.store", "service.web", "service.api"),
            "extractors are plain functions over text: no HTTP, no database",
        )
        for package in EXTRACTORS
    ],
    (
        "service.stories",
        ("flask", "flask_smorest", "peewee", "playhouse", "service.store", "service.web", "service.api"),
        "claim matching is plain functions over claim texts: candidates come from the caller",
    ),
    ("service.web", ("service.store", "service.api"), "HTTP plumbing knows no resources or tables"),
]


def _module_name(path: Path) -> str:
    parts = path.relative_to(SERVICE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> set[str]:
    """Every module ``path`` imports, at any depth (lazy imports inside functions count)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = _module_name(path) if path.name == "__init__.py" else _module_name(path).rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from pkg import module`
    return found


MODULES = {_module_name(p): p for p in sorted(SERVICE.rglob("*.py"))}
GRAPH = {name: {i for i in _imports(path) if i in MODULES and i != name} for name, path in MODULES.items()}


def _under(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def test_the_walk_sees_the_packages():
    assert {"service.store.articles", "service.ingest", "service.api.claims"} <= set(MODULES)
    assert "service.store.articles" in GRAPH["service.ingest"]


def test_no_forbidden_import_direction():
    wrong = []
    for name, path in MODULES.items():
        for importer, forbidden, why in FORBIDDEN:
            if not _under(name, importer):
                continue
            for imported in _imports(path):
                if any(_under(imported, f) for f in forbidden):
                    wrong.append(f"{name} imports {imported}: {why}")
    assert not wrong, "\n".join(sorted(set(wrong)))


def test_no_import_cycle():
    # A package's __init__ is imported with any of its modules, so edges to it are real edges.
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles = []
    seen_known: set[frozenset] = set()

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(GRAPH[node]):
            if state.get(nxt) == 1:
                loop = stack[stack.index(nxt) :]
                if frozenset(loop) not in KNOWN_CYCLES:
                    cycles.append(" → ".join([*loop, nxt]))
                else:
                    seen_known.add(frozenset(loop))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for name in sorted(GRAPH):
        if name not in state:
            visit(name)
    assert not cycles, "\n".join(cycles)
    assert seen_known == KNOWN_CYCLES, f"gone, take off KNOWN_CYCLES: {KNOWN_CYCLES - seen_known}"


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=lambda p: str(p.relative_to(SERVICE.parent)))
def test_module_size(path):
    name = str(path.relative_to(SERVICE.parent))
    lines = len(path.read_text(encoding="utf-8").splitlines())
    if name in TOO_LONG_FOR_NOW:
        assert lines > MAX_LINES, f"{name} is {lines} lines now: take it off TOO_LONG_FOR_NOW"
    else:
        assert lines <= MAX_LINES, f"{name} is {lines} lines (at most {MAX_LINES}): split it"


@pytest.mark.parametrize(
    "path", sorted(SERVICE.rglob("__init__.py")), ids=lambda p: str(p.relative_to(SERVICE.parent))
)
def test_package_says_what_it_owns(path):
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc and "\n" not in doc.strip(), f"{path}: a one-line docstring saying what the package owns"
