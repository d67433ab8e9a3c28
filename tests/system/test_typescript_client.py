"""TypeScript types that openapi-typescript generates from the committed spec compile under
``tsc --strict`` together with a client's usage of them (tests/typescript/usage.ts)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PROJECT = ROOT / "tests" / "typescript"
BIN = PROJECT / "node_modules" / ".bin"
# CI installs the pinned tools (npm ci in .ci/run), so there a missing tool fails instead of skipping.
REQUIRED = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


@pytest.fixture
def tools():
    node = shutil.which("node")
    missing = node is None or not (BIN / "openapi-typescript").exists() or not (BIN / "tsc").exists()
    if missing:
        if REQUIRED:
            pytest.fail("node and `npm ci --prefix tests/typescript` are required in CI")
        pytest.skip("TypeScript tools not installed: npm ci --prefix tests/typescript")
    return BIN


def run(cmd: list[str], cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=300)


def compile_against(spec: Path, tools: Path, work: Path) -> subprocess.CompletedProcess:
    shutil.copy(PROJECT / "usage.ts", work / "usage.ts")
    generated = run([str(tools / "openapi-typescript"), str(spec), "-o", str(work / "schema.d.ts")], work)
    assert generated.returncode == 0, generated.stdout + generated.stderr
    return run([str(tools / "tsc"), "--strict", "--noEmit", "schema.d.ts", "usage.ts"], work)


def test_generated_types_compile_strictly_with_a_clients_usage(tools, tmp_path):
    done = compile_against(ROOT / "openapi.yaml", tools, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr


def test_the_check_fails_when_a_typed_field_is_lost(tools, tmp_path):
    """The same check on a spec whose Claim.speaker lost its type: usage.ts no longer compiles."""
    spec = (ROOT / "openapi.yaml").read_text(encoding="utf-8")
    broken = spec.replace("$ref: '#/components/schemas/Speaker'", "description: untyped")
    assert broken != spec
    (tmp_path / "broken.yaml").write_text(broken, encoding="utf-8")
    done = compile_against(tmp_path / "broken.yaml", tools, tmp_path)
    assert done.returncode != 0 and "usage.ts" in done.stdout, done.stdout
