"""Fixtures of the `import handalign` tests: a synthetic dataset made by `handalign synth` and the
CLI's own evaluation of it, the reference every Python result is compared with."""

import csv
import json
import math
import os
import subprocess
from pathlib import Path

import pytest

BIN = Path(os.environ.get("HANDALIGN_BIN_DIR", "build/bin"))
SOURCE = Path(os.environ.get("HANDALIGN_SOURCE_DIR", "."))


def cli(*args):
    r = subprocess.run([str(BIN / "handalign"), *map(str, args)], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    return r.stdout


@pytest.fixture(scope="session")
def dataset(tmp_path_factory):
    d = tmp_path_factory.mktemp("synth") / "synth-12"
    cli("synth", "--out", d, "--count", "12", "--seed", "4", "--quiet")
    return d


@pytest.fixture(scope="session")
def cli_eval(dataset, tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "eval"
    cli("eval", "--dataset", dataset, "--pred", f"rough={dataset / 'pred_rough.json'}",
        "--pred", f"refined={dataset / 'pred_refined.json'}", "--refines", "refined=rough",
        "--out", out, "--quiet")
    return out


def read_csv(path):
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def same(a, b):
    return (math.isnan(a) and math.isnan(b)) or a == b


def load_json(path):
    with open(path) as f:
        return json.load(f)
