"""Case xgb_german_missing: XGBClassifier(binary:logistic) on German credit (R caret), with some
feature values missing (NaN), as onnxmltools 1.11 convert_xgboost exports it with
initial_types=[('input', FloatTensorType([None, F]))]: one TreeEnsembleClassifier (BRANCH_LT,
nodes_missing_value_tracks_true from XGBoost's default directions, base_values = logit(base_score),
LOGISTIC), outputs 'label' int64 [N] and 'probabilities' float [N, 2], no ZipMap, and an
opset_import with ai.onnx.ml only (no default domain), as onnxconverter-common writes it.
"""

import numpy as np
import onnx
import xgboost
from onnx import TensorProto

import checks
import common
import probes
import onnx_build as ob
import sk_graphs as sg

CASE = "xgb_german_missing"
FEATURES = ["Duration", "Amount", "InstallmentRatePercentage", "ResidenceDuration", "Age",
            "NumberExistingCredits", "NumberPeopleMaintenance", "Telephone", "ForeignWorker",
            "CheckingAccountStatus.none", "CheckingAccountStatus.lt.0", "CreditHistory.Critical",
            "SavingsAccountBonds.lt.100", "Property.RealEstate"]
# share of values blanked out per column (seeded); Age stays complete because age_group uses it
MISSING = {"Duration": 0.05, "Amount": 0.10, "ResidenceDuration": 0.08, "SavingsAccountBonds.lt.100": 0.06}
BASE_SCORE = 0.7  # the share of 'Good' credits, as XGBoost >= 2.0 would estimate it


def load():
    raw, n = common.read_csv("german_credit")
    rng = np.random.RandomState(3)
    X = np.array([[float(raw[c][i]) for c in FEATURES] for i in range(n)], dtype=np.float64)
    for c, share in MISSING.items():
        j = FEATURES.index(c)
        X[rng.rand(n) < share, j] = np.nan
    female = [any(raw[k][i] == "1" for k in ("Personal.Female.NotSingle", "Personal.Female.Single"))
              for i in range(n)]
    return {"X": X, "Class": raw["Class"], "sex": ["female" if f else "male" for f in female],
            "age_group": [common.age_group(float(a)) for a in raw["Age"]]}


def fit(data):
    y = np.array([1 if c == "Good" else 0 for c in data["Class"]])
    model = xgboost.XGBClassifier(n_estimators=40, max_depth=3, learning_rate=0.2, base_score=BASE_SCORE,
                                  tree_method="exact", random_state=0, n_jobs=1)
    model.fit(data["X"].astype(np.float32), y)
    return model


def export(model):
    g = ob.Graph()
    g.tensor_input("input", TensorProto.FLOAT, [None, len(FEATURES)])
    attrs = sg.xgb_classifier_attrs(model)
    g.node("TreeEnsembleClassifier", ["input"], ["label", "probabilities"], domain=ob.ML, version=1,
           name="TreeEnsembleClassifier", **attrs)
    g.tensor_output("label", TensorProto.INT64, [None])
    g.tensor_output("probabilities", TensorProto.FLOAT, [None, 2])
    return ob.finalize(g, ob.ONNXMLTOOLS, "xgboost_model"), attrs


def _drop_missing_tracks(m):
    for attr in m.graph.node[0].attribute:
        if attr.name == "nodes_missing_value_tracks_true":
            attr.ints[:] = [0] * len(attr.ints)


def _drop_base_values(m):
    for attr in list(m.graph.node[0].attribute):
        if attr.name == "base_values":
            m.graph.node[0].attribute.remove(attr)


def build():
    data = load()
    model = fit(data)
    d = common.case_dir(CASE)
    onx, attrs = export(model)
    onnx.save(onx, d + "/model.onnx")
    X32 = data["X"].astype(np.float32)
    proba = model.predict_proba(X32).astype(np.float64)
    labels = model.predict(X32)
    margin = model.predict(X32, output_margin=True).astype(np.float64)
    out = checks.evaluate(d + "/model.onnx", {"input": X32})
    nan_rows = int(np.isnan(X32).any(axis=1).sum())
    zero = checks.evaluate(d + "/model.onnx", {"input": np.nan_to_num(X32, nan=0.0)})["probabilities"][:, 1]
    changed = int((np.abs(zero - out["probabilities"][:, 1]) > 1e-3).sum())
    no_tracks = checks.mutated_rows(d + "/model.onnx", {"input": X32}, _drop_missing_tracks, "probabilities", 1,
                                    proba[:, 1], 1e-5)
    no_base = checks.mutated_rows(d + "/model.onnx", {"input": X32}, _drop_base_values, "probabilities", 1,
                                  proba[:, 1], 1e-5)
    notes = [checks.max_diff("P(class 1) numpy-eval vs xgboost", out["probabilities"][:, 1], proba[:, 1], 1e-6),
             checks.same_labels("labels", out["label"], labels),
             "%d of %d rows have at least one missing value" % (nan_rows, len(X32)),
             "%d of %d split nodes send missing values to the true (x < threshold) branch" % (
                 sum(attrs["nodes_missing_value_tracks_true"]), attrs["nodes_modes"].count("BRANCH_LT")),
             "feeding 0 instead of NaN changes the score of %d rows by more than 1e-3" % changed,
             "ignoring nodes_missing_value_tracks_true changes %d rows by more than 1e-5" % no_tracks,
             "dropping base_values changes %d rows by more than 1e-5" % no_base]
    table = {c: data["X"][:, j] for j, c in enumerate(FEATURES)}
    table.update({"Class": data["Class"], "sex": data["sex"], "age_group": data["age_group"]})
    common.write_table(d + "/data.csv", table)
    P, src = probes.make(d + "/model.onnx", X32, 300, seed=7)
    pp, pl = model.predict_proba(P)[:, 1].astype(np.float64), model.predict(P)
    got = checks.evaluate(d + "/model.onnx", {"input": P})
    notes += [checks.max_diff("probes: numpy-eval vs xgboost", got["probabilities"][:, 1], pp, 1e-6),
              "probes: %d of %d rows change if BRANCH_LT is read as <=" % (
                  probes.swapped_mode_rows(d + "/model.onnx", "input", P, pp, "probabilities", 1, 1e-5), len(P))]
    ptable = {c: P[:, j].astype(np.float64) for j, c in enumerate(FEATURES)}
    ptable.update({k: [data[k][i] for i in src] for k in ("Class", "sex", "age_group")})
    common.write_table(d + "/probes.csv", ptable)
    common.write_table(d + "/probes_reference.csv", {"row": list(range(len(P))), "score": pp, "label": pl,
                                                     "source_row": src})
    common.write_table(d + "/reference.csv", {"row": list(range(len(labels))), "score": proba[:, 1],
                                              "label": labels, "logit": margin})
    entry = {
        "case": CASE, "model": CASE + "/model.onnx", "data": CASE + "/data.csv", "layout": "matrix",
        "features": FEATURES, "inputs": [{"name": "input", "type": "float", "shape": [None, len(FEATURES)]}],
        "task": "classification", "output": "probabilities", "label_output": "label", "class_labels": [0, 1],
        "positive_index": 1, "label_column": "Class", "positive_value": "Good", "favourable_value": "Good",
        "group_columns": ["sex", "age_group"], "reference": CASE + "/reference.csv", "score_column": "score",
        "label_column_in_reference": "label", "logit_column_in_reference": "logit", "tolerance": 1e-5,
        "imitates": "onnxmltools 1.11.2 convert_xgboost(model, initial_types=[('input', FloatTensorType([None, %d]))])"
                    % len(FEATURES),
        "opset_import": {o.domain or "ai.onnx": o.version for o in onx.opset_import}, "ir_version": onx.ir_version,
        "notes": ("German credit (R caret GermanCredit), 1000 rows, 14 numeric / 0-1 dummy columns; missing values "
                  "(empty cells in data.csv, NaN in the model input) blanked at random (seeded) in Duration 5%, "
                  "Amount 10%, ResidenceDuration 8%, SavingsAccountBonds.lt.100 6%. XGBClassifier(40 trees, depth 3, "
                  "base_score 0.7, xgboost 1.7.4) learns a default direction per split; the ONNX graph carries it "
                  "in nodes_missing_value_tracks_true. Empty cells must be fed as NaN, not 0. The model imports "
                  "only ai.onnx.ml (no default-domain opset). Class labels int64 0/1 (1 = 'Good'); "
                  "logit = output_margin (base margin included). sex from Personal.Female.*; age_group: Age < 25."),
        "probes": {"data": CASE + "/probes.csv", "reference": CASE + "/probes_reference.csv", "rows": len(P),
                   "purpose": "each row is a data row (source_row) with one feature set exactly to a split "
                              "threshold: tests that BRANCH_LT means x < t (the row goes to the false branch)"},
        "checks": notes,
    }
    verify = {"feeds": {"input": X32}, "scores": [("probabilities", 1, proba[:, 1], 1e-5)],
              "labels": [("label", labels)],
              "probes": {"feeds": {"input": P}, "scores": [("probabilities", 1, pp, 1e-5)], "labels": [("label", pl)]}}
    return entry, verify


if __name__ == "__main__":
    print("\n".join(build()[0]["checks"]))
