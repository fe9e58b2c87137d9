"""Shared helpers for the workshop demos in static/demo/: paths, the per-column pipeline export
(reusing the skl2onnx imitation in scripts/models/), output files and the reference fairness
numbers that the READMEs quote.

Everything is deterministic (no clock, seeded randomness, stable float formatting), so that
`python3 scripts/demos/build_all.py` writes the same bytes every time.
"""

import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEMO_ROOT = os.path.join(REPO, "static", "demo")
sys.path.insert(0, os.path.join(REPO, "scripts", "models"))

import checks  # noqa: E402  (scripts/models)
import common  # noqa: E402
import onnx_build as ob  # noqa: E402
import sk_graphs as sg  # noqa: E402

# the onnxruntime-web check works in its own folder, apart from scripts/models' check
ORT_DIR = os.environ.get("EINBLICK_DEMO_ORT_DIR", "/tmp/einblick-demo-ort-check")


def demo_dir(demo_id):
    """Create and return static/demo/<demo_id>/. Example: demo_dir('arbeitsschutz')"""
    d = os.path.join(DEMO_ROOT, demo_id)
    os.makedirs(d, exist_ok=True)
    return d


def matrix(data, order):
    """Object matrix [N, F] in column order, as the pipelines are fitted (no pandas here).

    Example: matrix({'a': [1, 2], 'b': ['x', 'y']}, ['a', 'b']).shape -> (2, 2)
    """
    n = len(data[order[0]])
    X = np.empty((n, len(order)), dtype=object)
    for j, c in enumerate(order):
        X[:, j] = list(data[c])
    return X


def feeds(data, order, kinds):
    """One [N, 1] array per model input, typed as the data frame schema would type it:
    int64 -> int64, float -> float32 (as skl2onnx's FloatTensorType), string -> object."""
    out = {}
    for c in order:
        dtype = {"int64": np.int64, "float": np.float32, "string": object}[kinds[c]]
        out[c] = np.array(list(data[c]), dtype=dtype).reshape(-1, 1)
    return out


def export_pipeline(pipe, order, kinds, blocks, estimator, graph_seed):
    """The ONNX graph of Pipeline(ColumnTransformer, estimator) as skl2onnx 1.14 writes it with
    per-column inputs and ZipMap. blocks: list of (transformer_name, 'onehot'|'scaler'|
    'passthrough', kind) in ColumnTransformer order; estimator: 'gbc' | 'forest' | 'logreg'.

    Example: export_pipeline(pipe, ORDER, KINDS, [('cat', 'onehot', None)], 'gbc', 'x') -> ModelProto
    """
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    cols = {name: [order[j] for j in idx] for name, _, idx in ct.transformers_ if name != "remainder"}
    g = ob.Graph()
    sg.column_inputs(g, order, kinds)
    spec = []
    for name, what, kind in blocks:
        tr = ct.named_transformers_[name]
        if what == "onehot":
            spec.append(("onehot", list(zip(cols[name], [list(c) for c in tr.categories_]))))
        elif what == "scaler":
            spec.append(("scaler", cols[name], tr.mean_, 1.0 / tr.scale_))
        else:
            spec.append(("passthrough", cols[name], kind))
    x = sg.column_transformer(g, spec)
    if estimator == "logreg":
        label, proba = sg.logistic_regression(g, x, clf)
    else:
        label, proba = sg.tree_classifier(g, x, clf, estimator)
    ob.zipmap_outputs(g, label, proba, [str(c) for c in clf.classes_])
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(graph_seed))


def write_json(path, obj):
    common.write_json(path, obj)


def write_table(path, columns):
    common.write_table(path, columns)


def rate(num, den):
    return None if den == 0 else float(num) / float(den)


def group_metrics(y, selected, groups):
    """Per group: n, base rate, selection rate, TPR, FPR (hand counts, the reference for the
    CLI check). y, selected: bool arrays; groups: array of group values.

    Example: group_metrics(y, s, g)['female']['selection_rate'] -> 0.61
    """
    out = {}
    for v in sorted(set(groups.tolist())):
        m = groups == v
        out[v] = {"n": int(m.sum()), "base_rate": rate((y & m).sum(), m.sum()),
                  "selection_rate": rate((selected & m).sum(), m.sum()),
                  "tpr": rate((selected & y & m).sum(), (y & m).sum()),
                  "fpr": rate((selected & ~y & m).sum(), (~y & m).sum())}
    return out


def four_fifths(metrics, favourable_is_positive):
    """min / max over groups of the favourable-outcome rate (selection rate if the positive
    prediction is favourable, else 1 - selection rate), as Einblick defines the four-fifths ratio."""
    fav = [m["selection_rate"] if favourable_is_positive else 1.0 - m["selection_rate"] for m in metrics.values()]
    return min(fav) / max(fav)


def top_k(score, groups, y, k):
    """The k highest scores (ties by row index): per group its share of the selected, its
    population share and its selection rate; plus the precision at k."""
    order = np.lexsort((np.arange(len(score)), -np.asarray(score)))[:k]
    sel = np.zeros(len(score), dtype=bool)
    sel[order] = True
    per = {}
    for v in sorted(set(groups.tolist())):
        m = groups == v
        per[v] = {"n": int(m.sum()), "population_share": float(m.mean()), "selection_share": float((sel & m).sum() / k),
                  "selection_rate": float((sel & m).sum() / m.sum())}
    return {"k": int(k), "precision": float(y[sel].mean()), "groups": per}


def boundary_rows(score_a, score_b, threshold):
    """Rows where two score vectors fall on different sides of the threshold (should be none)."""
    a = np.asarray(score_a, dtype=np.float64) >= threshold
    b = np.asarray(score_b, dtype=np.float64) >= threshold
    return np.where(a != b)[0].tolist()


def pct(x):
    """0.1234 -> '12.3 %'"""
    return "%.1f %%" % (100.0 * x)


def load_json(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)
