"""Demo arbeitsschutz: a synthetic occupational-safety inspection ranking with a planted bias
through a proxy feature (see arbeitsschutz_data.py for the generating process).

Model: Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on Branche, Stadtteil,
Sicherheitsfachkraft; passthrough on 5 int columns; passthrough on 1 float column]),
GradientBoostingClassifier(100 trees, depth 3, learning rate 0.1, random_state 0)), fitted on the
6000 HISTORY records (recorded, biased labels) and exported per column with ZipMap as skl2onnx does.
data.csv is the 3000-row EVALUATION sample with the TRUE outcome, written the German way
(';' separator, decimal comma), as a German authority's spreadsheet export would be.

Example: build() -> (entry, verify)
"""

import numpy as np
import onnx
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder

import arbeitsschutz_data as gen
import demo_common as dc
import tours

DEMO_ID = "arbeitsschutz"
ORDER = ["Branche", "Beschaeftigte", "Betriebsalter_Jahre", "Stadtteil", "Anteil_Leiharbeit_Prozent",
         "Sicherheitsfachkraft", "Jahre_seit_letzter_Besichtigung", "Unfallmeldungen_3J", "Beschwerden_3J"]
STRS = ["Branche", "Stadtteil", "Sicherheitsfachkraft"]
INTS = ["Beschaeftigte", "Betriebsalter_Jahre", "Jahre_seit_letzter_Besichtigung", "Unfallmeldungen_3J",
        "Beschwerden_3J"]
FLTS = ["Anteil_Leiharbeit_Prozent"]
KINDS = {c: ("string" if c in STRS else "int64" if c in INTS else "float") for c in ORDER}
# data.csv column order: id, model inputs, sensitive / descriptive columns, outcome
CSV_ORDER = ["Betrieb_Nr"] + ORDER + ["Inhaber_Staatsangehoerigkeit", "Betriebsgroesse", "Mangel_festgestellt"]
THRESHOLD = 0.5
TOP_FRACTION = 0.10
PROXY = "Stadtteil"
PIPELINE = ("Pipeline(ColumnTransformer([OneHotEncoder(handle_unknown='ignore') on Branche, Stadtteil, "
            "Sicherheitsfachkraft; passthrough on 5 int columns; passthrough on Anteil_Leiharbeit_Prozent]), "
            "GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=0))")


def fit(history):
    idx = {c: ORDER.index(c) for c in ORDER}
    ct = ColumnTransformer([("cat", OneHotEncoder(handle_unknown="ignore"), [idx[c] for c in STRS]),
                            ("int", "passthrough", [idx[c] for c in INTS]),
                            ("num", "passthrough", [idx[c] for c in FLTS])], sparse_threshold=0)
    clf = GradientBoostingClassifier(n_estimators=100, max_depth=3, learning_rate=0.1, random_state=0)
    return Pipeline([("pre", ct), ("clf", clf)]).fit(dc.matrix(history, ORDER),
                                                     np.array(history["Mangel_festgestellt"], dtype=object))


def _share(mask, sub):
    return float(sub[mask].mean())


def data_facts(history, ev):
    """How the planted bias looks in the raw tables (no model involved)."""
    out = {}
    for name, d in (("history", history), ("evaluation", ev)):
        y = d["Mangel_festgestellt"] == "ja"
        g = d["Inhaber_Staatsangehoerigkeit"] == "nicht deutsch"
        focus = np.isin(d["Stadtteil"], gen.FOCUS)
        out[name] = {"n": int(len(y)), "label_rate": float(y.mean()), "true_rate": float(d["true_defect"].mean()),
                     "share_non_german": float(g.mean()), "share_focus": float(focus.mean()),
                     "label_rate_by_owner": {o: _share(d["Inhaber_Staatsangehoerigkeit"] == o, y) for o in gen.OWNER},
                     "true_rate_by_owner": {o: _share(d["Inhaber_Staatsangehoerigkeit"] == o, d["true_defect"])
                                            for o in gen.OWNER},
                     "label_rate_focus": _share(focus, y), "label_rate_other": _share(~focus, y),
                     "true_rate_focus": _share(focus, d["true_defect"]), "true_rate_other": _share(~focus, d["true_defect"]),
                     "share_focus_by_owner": {o: _share(d["Inhaber_Staatsangehoerigkeit"] == o, focus) for o in gen.OWNER}}
    return out


def model_facts(ev, score):
    y = ev["Mangel_festgestellt"] == "ja"
    sel = np.asarray(score) >= THRESHOLD
    k = int(round(TOP_FRACTION * len(y)))
    out = {"threshold": THRESHOLD, "auc_true_outcome": float(roc_auc_score(y, score)),
           "auc_oracle_true_risk": float(roc_auc_score(y, ev["p_true"])), "selection_rate": float(sel.mean()),
           "attributes": {}, "top_k": {}}
    for attr in ("Inhaber_Staatsangehoerigkeit", "Betriebsgroesse"):
        g = np.asarray(ev[attr], dtype=object)
        m = dc.group_metrics(y, sel, g)
        for v in m:
            m[v]["mean_score"] = float(np.mean(np.asarray(score)[g == v]))
            m[v]["mean_true_risk"] = float(np.mean(ev["p_true"][g == v]))
        out["attributes"][attr] = {"groups": m, "four_fifths": dc.four_fifths(m, False)}
        out["top_k"][attr] = dc.top_k(score, g, y, k)
    return out


def build():
    """Generate, train, export and write static/demo/arbeitsschutz/; returns (entry, verify)."""
    history = gen.draw(gen.N_HISTORY, gen.SEED_HISTORY, history=True)
    ev = gen.draw(gen.N_EVAL, gen.SEED_EVAL, history=False)
    ev["Betrieb_Nr"] = np.array(["B-%04d" % (i + 1) for i in range(gen.N_EVAL)], dtype=object)
    pipe = fit(history)
    d = dc.demo_dir(DEMO_ID)
    model = dc.export_pipeline(pipe, ORDER, KINDS, [("cat", "onehot", None), ("int", "passthrough", "int64"),
                                                    ("num", "passthrough", "float")], "gbc", "demo-" + DEMO_ID)
    onnx.save(model, d + "/model.onnx")
    classes = [str(c) for c in pipe.classes_]
    pos = classes.index("ja")
    X = dc.matrix(ev, ORDER)
    proba, labels, logit = pipe.predict_proba(X), pipe.predict(X), pipe.decision_function(X)
    score = proba[:, pos]
    feeds = dc.feeds(ev, ORDER, KINDS)
    out = dc.checks.evaluate(d + "/model.onnx", feeds)
    p = dc.checks.zipmap_matrix(out["output_probability"], classes)
    notes = [dc.checks.max_diff("P(ja) numpy-eval vs sklearn", p[:, pos], score, 1e-5),
             dc.checks.same_labels("labels numpy-eval vs sklearn", out["output_label"], labels)]
    dc.common.write_table(d + "/data.csv", {c: ev[c] for c in CSV_ORDER}, delimiter=";", decimal=",")
    # decision_function is the log-odds of classes_[1] = 'nein'; logit_ja = -decision_function
    dc.write_table(d + "/reference.csv", {"row": list(range(gen.N_EVAL)), "score": score, "label": labels,
                                          "logit": -logit, "true_risk": ev["p_true"]})
    facts = {"data": data_facts(history, ev), "model": model_facts(ev, score), "classes": classes,
             "model_inputs": ORDER, "boundary_rows_numpy_eval": dc.boundary_rows(p[:, pos], score, THRESHOLD)}
    dc.write_json(d + "/demo.json", tours.arbeitsschutz_demo_json(DEMO_ID, facts))
    entry = {"id": DEMO_ID, "pipeline": PIPELINE, "rows": gen.N_EVAL, "train_rows": gen.N_HISTORY,
             "facts": facts, "checks": notes,
             "opset_import": {o.domain or "ai.onnx": o.version for o in model.opset_import}}
    verify = {"feeds": feeds, "score": score, "pos": pos, "labels": labels, "threshold": THRESHOLD}
    return entry, verify
