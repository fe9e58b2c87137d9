"""Cases multiclass_logreg_benefits and multiclass_rf_benefits: three-class decisions on synthetic
(seeded) benefit applications, on one float matrix input, as skl2onnx 1.14 exports bare classifiers
with the default ZipMap:
- LogisticRegression (multinomial, string classes 'abgelehnt' / 'bewilligt' / 'pruefen'), input 'X'
  (to_onnx naming): LinearClassifier(SOFTMAX) -> Normalizer(L1) -> ZipMap(classlabels_strings).
- RandomForestClassifier on int64 decision codes 0 / 1 / 2, input 'float_input':
  TreeEnsembleClassifier (3 class ids) -> ZipMap(classlabels_int64s); output_label via Cast, so
  the only ai.onnx op is Cast-9 and the default opset is 9.
With more than two classes there is no single positive class: a tool must ask which one.
"""

import numpy as np
import onnx
from onnx import TensorProto
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression

import checks
import common
import onnx_build as ob
import sk_graphs as sg

FEATURES = ["alter", "haushaltsgroesse", "einkommen", "monate_arbeitslos", "fruehere_antraege", "kinder"]
DECISIONS = ["bewilligt", "pruefen", "abgelehnt"]  # codes 0, 1, 2 in the int-label model


def make_data(n=800, seed=6):
    """Synthetic applications; the decision follows a noisy latent score."""
    rng = np.random.RandomState(seed)
    foreign = rng.rand(n) < 0.25
    female = rng.rand(n) < 0.5
    age = rng.randint(18, 68, n).astype(float)
    household = np.clip(rng.poisson(1.3, n) + 1, 1, 7).astype(float)
    kids = (household > 2) & (rng.rand(n) < 0.8)
    income = np.round(np.maximum(0, rng.normal(1350, 500, n) + 250 * household - 150 * foreign), 2)
    months = np.round(rng.exponential(6 + 3 * foreign, n))
    prior = rng.poisson(0.8, n).astype(float)
    need = (1.2 * household - income / 400 + 0.08 * months + 0.6 * kids - 0.35 * prior
            + rng.logistic(0, 1.0, n))
    code = np.where(need > 0.6, 0, np.where(need > -0.9, 1, 2))
    X = np.column_stack([age, household, income, months, prior, kids.astype(float)])
    return {"X": X, "code": code, "decision": [DECISIONS[c] for c in code],
            "geschlecht": ["w" if f else "m" for f in female],
            "staatsangehoerigkeit": ["nicht_deutsch" if f else "deutsch" for f in foreign]}


def export(case, clf, kind, input_name):
    g = ob.Graph()
    g.tensor_input(input_name, TensorProto.FLOAT, [None, len(FEATURES)])
    if kind == "logreg":
        label, proba = sg.logistic_regression(g, input_name, clf)
        classes = [str(c) for c in clf.classes_]
    else:
        label, proba = sg.tree_classifier(g, input_name, clf, "forest")
        classes = [int(c) for c in clf.classes_]
    ob.zipmap_outputs(g, label, proba, classes)
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(case)), classes


def build_case(case):
    data = make_data()
    X = data["X"]
    if case == "multiclass_logreg_benefits":
        clf = LogisticRegression(max_iter=5000).fit(X, np.array(data["decision"]))
        kind, input_name, example = "logreg", "X", "pruefen"
    else:
        clf = RandomForestClassifier(n_estimators=30, max_depth=6, random_state=0).fit(X, data["code"])
        kind, input_name, example = "forest", "float_input", 1
    d = common.case_dir(case)
    onx, classes = export(case, clf, kind, input_name)
    onnx.save(onx, d + "/model.onnx")
    proba, labels = clf.predict_proba(X), clf.predict(X)
    X32 = X.astype(np.float32)
    out = checks.evaluate(d + "/model.onnx", {input_name: X32})
    p = checks.zipmap_matrix(out["output_probability"], classes)
    tol = 1e-5
    notes = [checks.max_diff("class probabilities numpy-eval vs sklearn", p, proba, tol),
             checks.same_labels("labels", out["output_label"], labels)]
    k = classes.index(example)
    table = {c: X[:, j] for j, c in enumerate(FEATURES)}
    table.update({"entscheidung": data["decision"], "entscheidung_code": data["code"],
                  "geschlecht": data["geschlecht"], "staatsangehoerigkeit": data["staatsangehoerigkeit"]})
    common.write_table(d + "/data.csv", table)
    ref = {"row": list(range(len(labels))), "score": proba[:, k], "label": labels}
    cols = {}
    for j, c in enumerate(classes):
        cols[str(c)] = "p_%s" % c
        ref["p_%s" % c] = proba[:, j]
    common.write_table(d + "/reference.csv", ref)
    label_col = "entscheidung" if kind == "logreg" else "entscheidung_code"
    entry = {
        "case": case, "model": case + "/model.onnx", "data": case + "/data.csv", "layout": "matrix",
        "features": FEATURES, "inputs": [{"name": input_name, "type": "float", "shape": [None, len(FEATURES)]}],
        "task": "classification", "output": "output_probability", "label_output": "output_label",
        "class_labels": classes, "expected_error": "AMBIGUOUS_OUTPUT",
        "expected_error_when": "no --output index (or positive class) is given: three classes, none is positive",
        "example_output": "output_probability:%d" % k, "example_positive_index": k,
        "example_positive_value": example,
        "label_column": label_col, "group_columns": ["geschlecht", "staatsangehoerigkeit"],
        "reference": case + "/reference.csv", "score_column": "score", "class_score_columns": cols,
        "label_column_in_reference": "label", "tolerance": tol,
        "imitates": "skl2onnx 1.14.1 %s, default options (ZipMap)" % (
            "to_onnx(model, X[:1].astype(float32))" if input_name == "X"
            else "convert_sklearn(model, initial_types=[('float_input', FloatTensorType([None, 6]))])"),
        "opset_import": {o.domain or "ai.onnx": o.version for o in onx.opset_import}, "ir_version": onx.ir_version,
        "notes": ("Synthetic benefit applications (seeded, 800 rows); decision 'bewilligt' (granted, code 0), "
                  "'pruefen' (review, 1), 'abgelehnt' (refused, 2). " +
                  ("LogisticRegression(lbfgs, multinomial) on string classes in sorted order %s: "
                   "LinearClassifier(SOFTMAX, multi_class=1) -> Normalizer(L1) -> ZipMap; Identity -> output_label."
                   % classes if kind == "logreg" else
                   "RandomForestClassifier(30 trees, depth 6) on the int codes: TreeEnsembleClassifier with class "
                   "ids 0..2 and normalised leaf counts / 30 -> ZipMap(classlabels_int64s [0, 1, 2]); Cast -> "
                   "output_label.") +
                  " score = probability of the example class %r (index %d, the --output example); p_<class> "
                  "columns hold every class probability." % (example, k)),
        "checks": notes,
    }
    verify = {"feeds": {input_name: X32},
              "scores": [("probabilities", j, proba[:, j], tol) for j in range(len(classes))],
              "labels": [("output_label", labels)]}
    return entry, verify


def builders():
    return [lambda c=c: build_case(c) for c in ("multiclass_logreg_benefits", "multiclass_rf_benefits")]


if __name__ == "__main__":
    for b in builders():
        e = b()[0]
        print(e["case"], "\n  " + "\n  ".join(e["checks"]))
