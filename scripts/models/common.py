"""Shared helpers for the model fixture scripts: paths, CSV input/output, seeded sampling.

Everything here is deterministic: no clock, no unseeded randomness, stable float formatting,
so that `python3 scripts/models/build_all.py` regenerates the same files.
"""

import csv
import hashlib
import json
import os
import subprocess

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
OUT_ROOT = os.path.join(REPO, "test", "fixtures", "models")
DATASET_DIR = os.environ.get("EINBLICK_DATASET_DIR", "/tmp/einblick-datasets")


def ensure_datasets():
    """Export the R datasets to DATASET_DIR (once) and return the directory.

    Example: ensure_datasets() -> '/tmp/einblick-datasets' (contains hmda.csv, cps1985.csv, ...)
    """
    names = ["hmda", "cps1985", "german_credit", "attrition"]
    if all(os.path.exists(os.path.join(DATASET_DIR, n + ".csv")) for n in names):
        return DATASET_DIR
    script = os.path.join(HERE, "export_datasets.R")
    subprocess.run(["Rscript", script, DATASET_DIR], check=True)
    return DATASET_DIR


def read_csv(name):
    """Read an exported dataset as a dict of column name -> list of strings (header order kept).

    Example: read_csv('cps1985')['wage'][:2] -> ['5.1', '4.95']
    """
    path = os.path.join(ensure_datasets(), name + ".csv")
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    return {h: [r[i] for r in body] for i, h in enumerate(header)}, len(body)


def sample_rows(n_total, n_keep, seed):
    """Sorted row indices of a seeded sample without replacement (all rows if n_keep >= n_total).

    Example: sample_rows(10, 3, 0) -> array([2, 8, 4]) sorted -> array([2, 4, 8])
    """
    if n_keep >= n_total:
        return np.arange(n_total)
    rng = np.random.RandomState(seed)
    return np.sort(rng.choice(n_total, size=n_keep, replace=False))


def case_dir(case):
    """Create and return test/fixtures/models/<case>/."""
    d = os.path.join(OUT_ROOT, case)
    os.makedirs(d, exist_ok=True)
    return d


def fmt(value, decimal="."):
    """Format one cell: floats by shortest round-trip repr, NaN as empty, ints as ints.

    Example: fmt(0.1) -> '0.1'; fmt(float('nan')) -> ''; fmt(2.5, ',') -> '2,5'
    """
    if isinstance(value, (bool, np.bool_)):
        return "1" if value else "0"
    if isinstance(value, (int, np.integer)):
        return str(int(value))
    if isinstance(value, (float, np.floating)):
        v = float(value)
        if np.isnan(v):
            return ""
        if v == int(v) and abs(v) < 1e15:
            s = str(int(v))
        else:
            s = repr(v)
        return s.replace(".", decimal) if decimal != "." else s
    return str(value)


def write_table(path, columns, delimiter=",", decimal="."):
    """Write an ordered dict of column -> sequence as CSV (minimal quoting, '\\n' line ends).

    Example: write_table('a.csv', {'x': [1, 2], 'y': ['a', 'b']}) writes 'x,y\\n1,a\\n2,b\\n'
    """
    names = list(columns)
    n = len(columns[names[0]])
    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\n")
        w.writerow(names)
        for i in range(n):
            w.writerow([fmt(columns[c][i], decimal) for c in names])


def stable_graph_name(case):
    """A uuid-like hex graph name derived from the case name (skl2onnx uses uuid4().hex).

    Example: stable_graph_name('x') -> '2d711642b726b04401627ca9fbac32f5'
    """
    return hashlib.md5(case.encode("utf-8")).hexdigest()


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, indent=1, ensure_ascii=False)
        f.write("\n")


def age_group(age, cut=25):
    """'under_25' / '25_plus' as in the shared fixtures."""
    return "under_%d" % cut if age < cut else "%d_plus" % cut
