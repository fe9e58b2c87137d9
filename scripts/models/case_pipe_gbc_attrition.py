"""Case pipe_gbc_attrition: Pipeline(ColumnTransformer(OneHotEncoder on string columns,
passthrough int columns), GradientBoostingClassifier) on the IBM HR attrition data (R modeldata),
trained on int64 labels 0/1 (1 = the employee left), as skl2onnx 1.14 exports it with default
options: one [None, 1] input per column (int64 / string), TreeEnsembleClassifier with base_values
and post_transform LOGISTIC, ZipMap with classlabels_int64s [0, 1], output_label via Cast.
The data keeps the original 'Attrition' column with 'Yes'/'No'; the model's class 1 means 'Yes'.
"""

import numpy as np
import onnx
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

import checks
import common
import onnx_build as ob
import sk_graphs as sg

CASE = "pipe_gbc_attrition"
ORDER = ["Age", "BusinessTravel", "Department", "DistanceFromHome", "EducationField", "JobLevel",
         "JobRole", "JobSatisfaction", "MaritalStatus", "MonthlyIncome", "NumCompaniesWorked",
         "OverTime", "TotalWorkingYears", "YearsAtCompany"]
STRINGS = {"BusinessTravel", "Department", "EducationField", "JobRole", "JobSatisfaction",
           "MaritalStatus", "OverTime"}
KINDS = {c: ("string" if c in STRINGS else "int64") for c in ORDER}
STR = [c for c in ORDER if KINDS[c] == "string"]
INT = [c for c in ORDER if KINDS[c] == "int64"]


def load():
    raw, n = common.read_csv("attrition")
    rows = common.sample_rows(n, 1000, seed=2)
    data = {c: [int(raw[c][i]) if KINDS[c] == "int64" else raw[c][i] for i in rows] for c in ORDER}
    data["Attrition"] = [raw["Attrition"][i] for i in rows]
    data["Gender"] = [raw["Gender"][i] for i in rows]
    data["age_group"] = [common.age_group(a, 30) for a in data["Age"]]
    return data


def fit(data):
    X = np.empty((len(data["Age"]), len(ORDER)), dtype=object)
    for j, c in enumerate(ORDER):
        X[:, j] = data[c]
    y = np.array([1 if v == "Yes" else 0 for v in data["Attrition"]], dtype=np.int64)
    ct = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), [ORDER.index(c) for c in STR]),
                            ("num", "passthrough", [ORDER.index(c) for c in INT])], sparse_threshold=0)
    clf = GradientBoostingClassifier(n_estimators=60, max_depth=3, learning_rate=0.1, random_state=0)
    pipe = Pipeline([("pre", ct), ("clf", clf)])
    pipe.fit(X, y)
    return pipe, X


def export(pipe):
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    ohe = ct.named_transformers_["cat"]
    g = ob.Graph()
    sg.column_inputs(g, ORDER, KINDS)
    x = sg.column_transformer(g, [("onehot", list(zip(STR, [list(c) for c in ohe.categories_]))),
                                  ("passthrough", INT, "int64")])
    label, proba = sg.tree_classifier(g, x, clf, "gbc")
    ob.zipmap_outputs(g, label, proba, [int(c) for c in clf.classes_])
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(CASE))


def feeds(data):
    return {c: (np.array(data[c], dtype=np.int64) if KINDS[c] == "int64" else np.array(data[c], dtype=object))
            .reshape(-1, 1) for c in ORDER}


def build():
    data = load()
    pipe, X = fit(data)
    d = common.case_dir(CASE)
    model = export(pipe)
    onnx.save(model, d + "/model.onnx")
    proba, labels, logit = pipe.predict_proba(X), pipe.predict(X), pipe.decision_function(X)
    out = checks.evaluate(d + "/model.onnx", feeds(data))
    p = checks.zipmap_matrix(out["output_probability"], [0, 1])
    notes = [checks.max_diff("P(class 1) numpy-eval vs sklearn", p[:, 1], proba[:, 1], 1e-5),
             checks.same_labels("labels", out["output_label"], labels)]
    table = {c: data[c] for c in ORDER}
    table.update({k: data[k] for k in ("Attrition", "Gender", "age_group")})
    common.write_table(d + "/data.csv", table)
    common.write_table(d + "/reference.csv", {"row": list(range(len(labels))), "score": proba[:, 1],
                                              "label": labels, "logit": logit})
    entry = {
        "case": CASE, "model": CASE + "/model.onnx", "data": CASE + "/data.csv", "layout": "columns",
        "inputs": [{"name": c, "type": KINDS[c], "shape": [None, 1]} for c in ORDER],
        "task": "classification", "output": "output_probability", "label_output": "output_label",
        "class_labels": [0, 1], "positive_index": 1, "label_column": "Attrition", "positive_value": "Yes",
        "favourable_value": "No", "group_columns": ["Gender", "age_group"],
        "reference": CASE + "/reference.csv", "score_column": "score", "label_column_in_reference": "label",
        "logit_column_in_reference": "logit", "tolerance": 1e-5,
        "imitates": "skl2onnx 1.14.1 convert_sklearn(pipe, initial_types=convert_dataframe_schema(df)), default options",
        "opset_import": {o.domain or "ai.onnx": o.version for o in model.opset_import}, "ir_version": model.ir_version,
        "notes": ("IBM HR attrition (R modeldata), 1000 of 1470 rows (seeded sample). Pipeline(ColumnTransformer("
                  "[OneHotEncoder(handle_unknown='ignore') on 7 string columns, passthrough on 7 int columns]), "
                  "GradientBoostingClassifier(60 trees, depth 3)) fitted on y = 1 if Attrition == 'Yes' else 0, "
                  "so the model's classes are int64 0/1 while data.csv keeps 'Yes'/'No' (class 1 = 'Yes'). "
                  "Graph: OneHotEncoder x7 -> Concat(axis=2) -> Reshape; Concat(ints) -> Cast; Concat -> "
                  "TreeEnsembleClassifier(base_values=[log-odds prior], LOGISTIC, class_ids all 0) -> ZipMap("
                  "classlabels_int64s); Cast(int64) -> output_label. No ai.onnx op newer than Concat-11 "
                  "(Cast 9, Reshape 5), so the default opset is 11. age_group: Age < 30. logit = decision_function."),
        "checks": notes,
    }
    verify = {"feeds": feeds(data), "scores": [("probabilities", 1, proba[:, 1], 1e-5)],
              "labels": [("output_label", labels)]}
    return entry, verify


if __name__ == "__main__":
    print("\n".join(build()[0]["checks"]))
