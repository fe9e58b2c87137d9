"""Check the hand-built graphs against a real skl2onnx export.

test/fixtures/real_german_pipe_rf/model.onnx was exported by skl2onnx 1.14.1 (onnx 1.12, sklearn
1.2.1) from Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on 10 string columns,
passthrough on 9 int columns]), RandomForestClassifier(100 trees, max_depth 6, random_state 0)),
fitted on a stratified 70% split (random_state 0) of its data.csv, rows in file order. Retraining the same pipeline
here (same sklearn version) and rebuilding it with sk_graphs must give the same graph: same
inputs, outputs, node types, opset_import, ir_version and identical tree attributes.

Usage: /usr/bin/python3 scripts/models/validate_against_real.py
"""

import csv
import os
import sys

import numpy as np
import onnx
from onnx import helper
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402
import onnx_build as ob  # noqa: E402
import sk_graphs as sg  # noqa: E402

REAL = os.path.join(common.REPO, "test", "fixtures", "real_german_pipe_rf")
INTS = ["Duration", "Amount", "InstallmentRatePercentage", "ResidenceDuration", "Age", "NumberExistingCredits",
        "NumberPeopleMaintenance", "Telephone", "ForeignWorker"]
STRS = ["CheckingAccountStatus", "CreditHistory", "Purpose", "SavingsAccountBonds", "EmploymentDuration",
        "OtherDebtorsGuarantors", "Property", "OtherInstallmentPlans", "Housing", "Job"]


def rebuild():
    with open(os.path.join(REAL, "data.csv"), newline="") as f:
        rows = list(csv.DictReader(f))
    order = INTS + STRS
    X = np.empty((len(rows), len(order)), dtype=object)
    for j, c in enumerate(order):
        X[:, j] = [int(r[c]) if c in INTS else r[c] for r in rows]
    y = np.array([r["Class"] for r in rows])
    # the training rows in their original order reproduce the exported forest exactly
    train, _ = train_test_split(np.arange(len(y)), test_size=0.3, random_state=0, stratify=y)
    Xtr, ytr = X[np.sort(train)], y[np.sort(train)]
    ct = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), [order.index(c) for c in STRS]),
                            ("num", "passthrough", [order.index(c) for c in INTS])])
    rf = RandomForestClassifier(n_estimators=100, max_depth=6, random_state=0)
    pipe = Pipeline([("pre", ct), ("clf", rf)]).fit(Xtr, ytr)
    g = ob.Graph()
    sg.column_inputs(g, order, {c: ("int64" if c in INTS else "string") for c in order})
    ohe = pipe.named_steps["pre"].named_transformers_["cat"]
    x = sg.column_transformer(g, [("onehot", list(zip(STRS, [list(c) for c in ohe.categories_]))),
                                  ("passthrough", INTS, "int64")])
    label, proba = sg.tree_classifier(g, x, pipe.named_steps["clf"], "forest")
    ob.zipmap_outputs(g, label, proba, [str(c) for c in rf.classes_])
    return ob.finalize(g, ob.SKL2ONNX, "rebuilt")


def signature(m):
    io = [(v.name, v.type.SerializeToString()) for v in list(m.graph.input) + list(m.graph.output)]
    ops = sorted((n.domain, n.op_type, n.name, tuple(n.input), tuple(n.output)) for n in m.graph.node)
    return io, ops, [(o.domain, o.version) for o in m.opset_import], m.ir_version


def tree_attrs(m):
    node = [n for n in m.graph.node if n.op_type == "TreeEnsembleClassifier"][0]
    return {a.name: helper.get_attribute_value(a) for a in node.attribute}


def compare():
    real, mine = onnx.load(os.path.join(REAL, "model.onnx")), rebuild()
    msgs = []
    s_real, s_mine = signature(real), signature(mine)
    for what, a, b in zip(["inputs/outputs", "nodes (domain, op, name, inputs, outputs)", "opset_import", "ir_version"],
                          s_real, s_mine):
        msgs.append("%s: %s" % (what, "same" if a == b else "DIFFERENT"))
    ta, tb = tree_attrs(real), tree_attrs(mine)
    keys = sorted(set(ta) | set(tb))
    diff = [k for k in keys if ta.get(k) != tb.get(k)]
    msgs.append("TreeEnsembleClassifier: %d attributes, %d nodes; attributes that differ: %s" % (
        len(keys), len(ta["nodes_nodeids"]), diff or "none"))
    init_a = {t.name: t.SerializeToString() for t in real.graph.initializer}
    init_b = {t.name: t.SerializeToString() for t in mine.graph.initializer}
    msgs.append("initializers: %s" % ("same" if init_a == init_b else "DIFFERENT"))
    ok = all("DIFFERENT" not in m for m in msgs) and not diff
    return ok, msgs


if __name__ == "__main__":
    ok, msgs = compare()
    print("\n".join(msgs))
    sys.exit(0 if ok else 1)
