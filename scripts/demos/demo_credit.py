"""Demos credit-gbm and credit-logreg: Statlog German Credit (1000 applicants, as shipped in R's
caret package) with two scikit-learn pipelines, exported per column with ZipMap as skl2onnx does:

- credit-gbm:    Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on 11 string
                 columns, passthrough on 9 int columns]), GradientBoostingClassifier(100 trees,
                 depth 3, learning rate 0.1, random_state 0))
- credit-logreg: Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on 11 string
                 columns, StandardScaler on 9 int columns]), LogisticRegression(max_iter=1000))

caret stores the categorical attributes as dummy columns (Personal.Male.Single, ...); they are
turned back into one readable column each (Personal = 'Male.Single'), so that data.csv can be fed
to the model as it is. Derived protected columns: sex (from Personal) and age_group (Age < 25).
Both are partly model inputs: Personal encodes sex and marital status, and Age is an input.
Both models are fitted on a stratified 70 % split (random_state 0); data.csv holds all 1000 rows
and reference.csv says which row was in which split.

Example: build('gbm') -> (entry, verify)
"""

import numpy as np
import onnx
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

import demo_common as dc
import tours

INTS = ["Duration", "Amount", "InstallmentRatePercentage", "ResidenceDuration", "Age", "NumberExistingCredits",
        "NumberPeopleMaintenance", "Telephone", "ForeignWorker"]
STRS = ["CheckingAccountStatus", "CreditHistory", "Purpose", "SavingsAccountBonds", "EmploymentDuration",
        "Personal", "OtherDebtorsGuarantors", "Property", "OtherInstallmentPlans", "Housing", "Job"]
ORDER = INTS + STRS
KINDS = {c: ("int64" if c in INTS else "string") for c in ORDER}
THRESHOLD = 0.5
MODELS = {
    "gbm": {"id": "credit-gbm", "estimator": "gbc",
            "pipeline": "Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on 11 string columns, "
                        "passthrough on 9 int columns]), GradientBoostingClassifier(n_estimators=100, max_depth=3, "
                        "learning_rate=0.1, random_state=0))"},
    "logreg": {"id": "credit-logreg", "estimator": "logreg",
               "pipeline": "Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on 11 string columns, "
                           "StandardScaler on 9 int columns]), LogisticRegression(max_iter=1000))"},
}


def load():
    """The caret data with one column per attribute, plus Class, sex and age_group."""
    raw, n = dc.common.read_csv("german_credit")
    data = {c: [int(v) for v in raw[c]] for c in INTS}
    for c in STRS:
        dummies = [k for k in raw if k.startswith(c + ".")]
        data[c] = []
        for i in range(n):
            hit = [k for k in dummies if raw[k][i] == "1"]
            if len(hit) != 1:
                raise ValueError("row %d: %s has %d dummies set" % (i, c, len(hit)))
            data[c].append(hit[0][len(c) + 1:])
    data["Class"] = raw["Class"]
    data["sex"] = ["female" if p.startswith("Female") else "male" for p in data["Personal"]]
    data["age_group"] = [dc.common.age_group(a) for a in data["Age"]]
    return data, n


def fit(data, kind):
    X = dc.matrix(data, ORDER)
    y = np.array(data["Class"], dtype=object)
    train, _ = train_test_split(np.arange(len(y)), test_size=0.3, random_state=0, stratify=y)
    train = np.sort(train)
    num = StandardScaler() if kind == "logreg" else "passthrough"
    ct = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), [ORDER.index(c) for c in STRS]),
                            ("num", num, [ORDER.index(c) for c in INTS])], sparse_threshold=0)
    clf = (LogisticRegression(max_iter=1000) if kind == "logreg"
           else GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=0))
    pipe = Pipeline([("pre", ct), ("clf", clf)]).fit(X[train], y[train])
    return pipe, X, train


def summary(data, score, train):
    """Reference numbers at the threshold: per group (all rows and test rows) and four-fifths."""
    y = np.array(data["Class"]) == "Good"
    sel = np.asarray(score) >= THRESHOLD
    test = np.ones(len(y), dtype=bool)
    test[train] = False
    out = {"threshold": THRESHOLD, "accuracy_all": float((sel == y).mean()),
           "accuracy_test": float((sel == y)[test].mean()), "n_test": int(test.sum()), "attributes": {}}
    cross = ["%s+%s" % (s, a) for s, a in zip(data["sex"], data["age_group"])]
    for attr, values in (("sex", data["sex"]), ("age_group", data["age_group"]), ("sex+age_group", cross)):
        g = np.array(values, dtype=object)
        allm = dc.group_metrics(y, sel, g)
        testm = dc.group_metrics(y[test], sel[test], g[test])
        out["attributes"][attr] = {"all": allm, "test": testm, "four_fifths_all": dc.four_fifths(allm, True),
                                   "four_fifths_test": dc.four_fifths(testm, True)}
    return out


def build(kind):
    """Train, export and write static/demo/credit-<kind>/; returns (entry, verify) for build_all."""
    spec = MODELS[kind]
    data, n = load()
    pipe, X, train = fit(data, kind)
    d = dc.demo_dir(spec["id"])
    num_block = ("num", "scaler", None) if kind == "logreg" else ("num", "passthrough", "int64")
    model = dc.export_pipeline(pipe, ORDER, KINDS, [("cat", "onehot", None), num_block], spec["estimator"],
                               "demo-" + spec["id"])
    onnx.save(model, d + "/model.onnx")
    classes = [str(c) for c in pipe.classes_]
    pos = classes.index("Good")
    proba, labels, logit = pipe.predict_proba(X), pipe.predict(X), pipe.decision_function(X)
    score = proba[:, pos]
    feeds = dc.feeds(data, ORDER, KINDS)
    out = dc.checks.evaluate(d + "/model.onnx", feeds)
    p = dc.checks.zipmap_matrix(out["output_probability"], classes)
    notes = [dc.checks.max_diff("P(Good) numpy-eval vs sklearn", p[:, pos], score, 1e-5),
             dc.checks.same_labels("labels numpy-eval vs sklearn", out["output_label"], labels)]
    table = {c: data[c] for c in ORDER}
    table.update({k: data[k] for k in ("Class", "sex", "age_group")})
    dc.write_table(d + "/data.csv", table)
    split = np.array(["test"] * n, dtype=object)
    split[train] = "train"
    dc.write_table(d + "/reference.csv", {"row": list(range(n)), "split": split, "score": score,
                                          "label": labels, "logit": logit})
    facts = summary(data, score, train)
    facts["boundary_rows_numpy_eval"] = dc.boundary_rows(p[:, pos], score, THRESHOLD)
    facts["model_inputs"] = ORDER
    facts["classes"] = classes
    if kind == "logreg":
        coef = pipe.named_steps["clf"].coef_.ravel()
        names = pipe.named_steps["pre"].get_feature_names_out()
        prefix = "cat__x%d_" % ORDER.index("Personal")
        facts["personal_coefficients"] = {"Personal=" + str(nm)[len(prefix):]: float(c) for nm, c in zip(names, coef)
                                          if str(nm).startswith(prefix)}
        facts["age_coefficient_per_sd"] = float(coef[list(names).index("num__x%d" % ORDER.index("Age"))])
    dc.write_json(d + "/demo.json", tours.credit_demo_json(spec["id"], kind, facts))
    entry = {"id": spec["id"], "pipeline": spec["pipeline"], "rows": n, "train_rows": int(len(train)),
             "facts": facts, "checks": notes,
             "opset_import": {o.domain or "ai.onnx": o.version for o in model.opset_import}}
    verify = {"feeds": feeds, "score": score, "pos": pos, "labels": labels, "threshold": THRESHOLD}
    return entry, verify
