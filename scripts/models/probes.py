"""Boundary probes: rows whose value in one feature equals a tree threshold exactly.

Thresholds of trained trees are midpoints between training values, so real rows almost never sit
on one and the data alone cannot tell `x <= t` (scikit-learn, BRANCH_LEQ) from `x < t` (XGBoost,
BRANCH_LT). Probe rows copy a data row and set one feature to the float32 threshold of a split on
that feature; the library's prediction on them is the reference.
"""

import numpy as np
import onnx
from onnx import helper

import onnx_eval

SWAP = {b"BRANCH_LEQ": b"BRANCH_LT", b"BRANCH_LT": b"BRANCH_LEQ"}


def _tree_attrs(model):
    for n in model.graph.node:
        if n.op_type.startswith("TreeEnsemble"):
            return {a.name: helper.get_attribute_value(a) for a in n.attribute}
    raise ValueError("no tree ensemble")


def make(model_path, X32, n, seed):
    """n probe rows (float32) and the data rows they were copied from.

    Example: make('m.onnx', X32, 200, 7) -> (P [200, F] float32, source_rows [200])
    """
    a = _tree_attrs(onnx.load(model_path))
    pairs = sorted({(f, float(np.float32(t))) for f, t, m in
                    zip(a["nodes_featureids"], a["nodes_values"], a["nodes_modes"]) if m != b"LEAF"})
    rng = np.random.RandomState(seed)
    rows = rng.randint(0, X32.shape[0], size=n)
    picks = rng.randint(0, len(pairs), size=n)
    P = X32[rows].copy()
    for i, k in enumerate(picks):
        f, t = pairs[k]
        P[i, f] = np.float32(t)
    return P, rows


def swapped_mode_rows(model_path, input_name, P, reference, output, col, tol):
    """How many probe rows change by more than tol if BRANCH_LEQ and BRANCH_LT are swapped:
    the number of probes that actually test the comparison."""
    m = onnx.load(model_path)
    for node in m.graph.node:
        for attr in node.attribute:
            if attr.name == "nodes_modes":
                attr.strings[:] = [SWAP.get(s, s) for s in attr.strings]
    out = np.asarray(onnx_eval.run_model(m, {input_name: P})[output], dtype=np.float64)
    out = out[:, col] if out.ndim == 2 else out
    return int((np.abs(out - np.asarray(reference, dtype=np.float64)) > tol).sum())
