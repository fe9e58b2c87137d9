"""Case pipe_logreg_hmda: a scikit-learn Pipeline(ColumnTransformer(OneHotEncoder on string
columns, StandardScaler on float columns, passthrough int columns), LogisticRegression) on the
Boston HMDA mortgage data, as skl2onnx 1.14 exports it with default options: one [None, 1] input per
DataFrame column (string / float / int64), ZipMap output with classlabels_strings ['no', 'yes'].
The positive class 'yes' means the mortgage was denied, which is not the favourable outcome.
"""

import numpy as np
import onnx
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import checks
import common
import onnx_build as ob
import sk_graphs as sg

CASE = "pipe_logreg_hmda"
ORDER = ["pirat", "hirat", "lvrat", "chist", "mhist", "phist", "unemp", "selfemp", "insurance",
         "condomin", "hschool"]
KINDS = {"pirat": "float", "hirat": "float", "lvrat": "float", "unemp": "float", "chist": "int64",
         "mhist": "int64", "phist": "string", "selfemp": "string", "insurance": "string",
         "condomin": "string", "hschool": "string"}
STR = [c for c in ORDER if KINDS[c] == "string"]
FLT = [c for c in ORDER if KINDS[c] == "float"]
INT = [c for c in ORDER if KINDS[c] == "int64"]


def load():
    raw, n = common.read_csv("hmda")
    rows = common.sample_rows(n, 1000, seed=1)
    data = {}
    for c in ORDER:
        vals = [raw[c][i] for i in rows]
        data[c] = [float(v) for v in vals] if KINDS[c] == "float" else (
            [int(v) for v in vals] if KINDS[c] == "int64" else vals)
    data["deny"] = [raw["deny"][i] for i in rows]
    data["afam"] = [raw["afam"][i] for i in rows]
    data["single"] = [raw["single"][i] for i in rows]
    return data


def fit(data):
    X = np.empty((len(data["deny"]), len(ORDER)), dtype=object)
    for j, c in enumerate(ORDER):
        X[:, j] = data[c]
    idx = {c: ORDER.index(c) for c in ORDER}
    ct = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), [idx[c] for c in STR]),
                            ("num", StandardScaler(), [idx[c] for c in FLT]),
                            ("int", "passthrough", [idx[c] for c in INT])], sparse_threshold=0)
    pipe = Pipeline([("pre", ct), ("clf", LogisticRegression(max_iter=2000))])
    pipe.fit(X, np.array(data["deny"]))
    return pipe, X


def export(pipe):
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    ohe, sc = ct.named_transformers_["cat"], ct.named_transformers_["num"]
    g = ob.Graph()
    sg.column_inputs(g, ORDER, KINDS)
    x = sg.column_transformer(g, [("onehot", list(zip(STR, [list(c) for c in ohe.categories_]))),
                                  ("scaler", FLT, sc.mean_, 1.0 / sc.scale_),
                                  ("passthrough", INT, "int64")])
    label, proba = sg.logistic_regression(g, x, clf)
    ob.zipmap_outputs(g, label, proba, [str(c) for c in clf.classes_])
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(CASE))


def feeds(data):
    f = {}
    for c in ORDER:
        if KINDS[c] == "float":
            f[c] = np.array(data[c], dtype=np.float32).reshape(-1, 1)
        elif KINDS[c] == "int64":
            f[c] = np.array(data[c], dtype=np.int64).reshape(-1, 1)
        else:
            f[c] = np.array(data[c], dtype=object).reshape(-1, 1)
    return f


def build():
    data = load()
    pipe, X = fit(data)
    d = common.case_dir(CASE)
    model = export(pipe)
    onnx.save(model, d + "/model.onnx")
    proba = pipe.predict_proba(X)
    labels = pipe.predict(X)
    logit = pipe.decision_function(X)
    classes = [str(c) for c in pipe.classes_]
    out = checks.evaluate(d + "/model.onnx", feeds(data))
    p = checks.zipmap_matrix(out["output_probability"], classes)
    notes = [checks.max_diff("P(deny=yes) numpy-eval vs sklearn", p[:, 1], proba[:, 1], 1e-5),
             checks.same_labels("labels", out["output_label"], labels)]
    table = {c: data[c] for c in ORDER}
    table.update({"deny": data["deny"], "afam": data["afam"], "single": data["single"]})
    common.write_table(d + "/data.csv", table)
    common.write_table(d + "/reference.csv", {"row": list(range(len(labels))), "score": proba[:, 1],
                                              "label": labels, "logit": logit})
    entry = {
        "case": CASE, "model": CASE + "/model.onnx", "data": CASE + "/data.csv", "layout": "columns",
        "inputs": [{"name": c, "type": KINDS[c], "shape": [None, 1]} for c in ORDER],
        "task": "classification", "output": "output_probability", "label_output": "output_label",
        "class_labels": classes, "positive_index": 1, "label_column": "deny", "positive_value": "yes",
        "favourable_value": "no", "group_columns": ["afam", "single"],
        "reference": CASE + "/reference.csv", "score_column": "score", "label_column_in_reference": "label",
        "logit_column_in_reference": "logit", "tolerance": 1e-5,
        "imitates": "skl2onnx 1.14.1 convert_sklearn(pipe, initial_types=convert_dataframe_schema(df)), default options",
        "opset_import": {o.domain or "ai.onnx": o.version for o in model.opset_import}, "ir_version": model.ir_version,
        "notes": ("HMDA (R AER), 1000 of 2380 rows (seeded sample). Pipeline(ColumnTransformer([OneHotEncoder("
                  "handle_unknown='ignore') on 5 yes/no string columns, StandardScaler on 4 float columns, "
                  "passthrough on 2 int columns]), LogisticRegression). Graph: OneHotEncoder x5 -> Concat(axis=2) "
                  "-> Reshape; Concat -> Scaler; Concat -> Cast; Concat -> LinearClassifier(LOGISTIC) -> "
                  "Normalizer(L1) -> ZipMap(classlabels_strings); Identity -> output_label. Float columns are "
                  "float32 inputs (cast from the CSV's float64); score = predict_proba[:, 1] = P(deny = 'yes'), "
                  "positive but unfavourable. logit = decision_function."),
        "checks": notes,
    }
    verify = {"feeds": feeds(data), "scores": [("probabilities", 1, proba[:, 1], 1e-5)],
              "labels": [("output_label", labels)]}
    return entry, verify


if __name__ == "__main__":
    print("\n".join(build()[0]["checks"]))
