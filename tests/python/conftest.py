"""Shared by the package's tests: the `paysage` command they compare with, and its tables."""
import os
import pathlib
import subprocess

import pyarrow.parquet as pq
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]


def paysage_bin() -> pathlib.Path:
    """The command built by `cargo build --release` (PAYSAGE_BIN, else under CARGO_TARGET_DIR)."""
    if os.environ.get("PAYSAGE_BIN"):
        return pathlib.Path(os.environ["PAYSAGE_BIN"])
    target = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    path = target / "release" / "paysage"
    if not path.exists():
        pytest.fail(f"no paysage binary at {path}: run `cargo build --release` first (or set PAYSAGE_BIN)")
    return path


def cli(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    return subprocess.run([str(paysage_bin()), *args], cwd=ROOT, capture_output=True, text=True, check=check)


def cli_tables(output: pathlib.Path, *run_args: str) -> dict:
    """`paysage run ... --output OUTPUT`, then every table it wrote, read with pyarrow."""
    done = cli("run", "--threads", "1", "--output", str(output), *run_args, check=False)
    assert done.returncode in (0, 3), done.stderr
    return {p.name[: -len(".parquet")]: pq.read_table(p) for p in output.glob("*.parquet")}


def assert_same_table(name, ours, theirs, sort=False):
    """Same columns, same Arrow types, same rows (in order unless `sort`)."""
    assert ours.schema.equals(theirs.schema, check_metadata=False), (
        f"{name}: schema differs\n ours: {ours.schema}\n cli:  {theirs.schema}"
    )
    a, b = ours.to_pylist(), theirs.to_pylist()
    if sort:
        def key(row):
            return [(v is not None, v if v is not None else 0) for v in row.values()]
        a, b = sorted(a, key=key), sorted(b, key=key)
    assert len(a) == len(b), f"{name}: {len(a)} rows, the command has {len(b)}"
    for i, (x, y) in enumerate(zip(a, b)):
        assert x == y, f"{name}: row {i} differs\n ours: {x}\n cli:  {y}"
