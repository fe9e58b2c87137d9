"""Case iforest_employers_de: an IsolationForest that flags employers for an audit, on synthetic
(seeded) employer data written as a German CSV (';' separator, decimal comma), exported as
skl2onnx 1.14 converts IsolationForest: input 'X' float [None, F]; per tree Gather (the tree's
feature permutation) -> TreeEnsembleRegressor (returns the leaf id) -> Cast -> LabelEncoder (leaf
-> n_samples, leaf -> path length) -> arithmetic for the average path length; Sum over trees ->
Div -> Pow -> Neg -> Add(-offset_) = 'scores' (decision_function) [N, 1]; 'label' int64 [N, 1] =
-1 (anomaly) or 1.
"""

import numpy as np
import onnx
from onnx import TensorProto
from sklearn.ensemble import IsolationForest
from sklearn.ensemble._iforest import _average_path_length

import checks
import common
import onnx_build as ob

CASE = "iforest_employers_de"
FEATURES = ["beschaeftigte", "teilzeitquote", "minijobquote", "durchschnittslohn", "rueckstand_tage",
            "korrekturmeldungen"]
SECTORS = ["Bau", "Gastronomie", "Handel", "Dienstleistung", "Industrie"]
T = 17  # skl2onnx's target opset; algebra-API nodes get the newest schema version <= T


def make_data(n=600, seed=4):
    """Synthetic employers; about 4% are given irregular patterns (befund = 'ja')."""
    rng = np.random.RandomState(seed)
    sector = rng.choice(len(SECTORS), size=n, p=[0.15, 0.15, 0.25, 0.3, 0.15])
    east = rng.rand(n) < 0.3
    staff = np.maximum(1, np.round(np.exp(rng.normal(2.4, 1.0, n))))
    part = np.clip(rng.beta(2, 5, n) + 0.15 * (sector == 1), 0, 1)
    mini = np.clip(rng.beta(1.5, 8, n) + 0.2 * (sector == 1) + 0.05 * (sector == 2), 0, 1)
    wage = rng.normal(3300, 550, n) - 450 * east - 600 * (sector == 1) + 300 * (sector == 4)
    late = rng.poisson(2.0, n).astype(float)
    corr = rng.poisson(1.0 + staff / 40.0).astype(float)
    odd = rng.rand(n) < 0.04
    wage[odd] = rng.normal(1500, 300, odd.sum())
    mini[odd] = np.clip(rng.beta(6, 3, odd.sum()), 0, 1)
    late[odd] = rng.poisson(25, odd.sum())
    corr[odd] += rng.poisson(6, odd.sum())
    cols = {"beschaeftigte": staff, "teilzeitquote": np.round(part, 3), "minijobquote": np.round(mini, 3),
            "durchschnittslohn": np.round(wage, 2), "rueckstand_tage": late, "korrekturmeldungen": corr}
    X = np.column_stack([cols[c] for c in FEATURES]).astype(np.float64)
    return {"X": X, "branche": [SECTORS[s] for s in sector], "region": ["Ost" if e else "West" for e in east],
            "befund": ["ja" if o else "nein" for o in odd]}


def _cst(g, seed, values, dtype=np.float32):
    return g.init(seed, np.array(values, dtype=dtype), raw=True)


def tree_block(g, i, est, features):
    """One tree's contribution: depth = path_length + c(n_samples(leaf)) - 1, shape [N, 1]."""
    tree = est.tree_
    v = lambda op: ob.schema_version(op, "", T)
    gathered = g.var("Ga_Gatheroutput")
    g.node("Gather", ["X", _cst(g, "Ga_Gathercst", features.astype(np.int64), np.int64)], [gathered],
           version=v("Gather"), axis=1)
    attrs = ob.new_tree_attrs("regressor")
    attrs["n_targets"] = 1
    ob.add_sklearn_tree(attrs, tree, 0, lambda k: [(0, 0.0)])
    attrs["target_weights"] = [float(k) for k in attrs["target_nodeids"]]
    leaf = g.var("Tr_Y0")
    g.node("TreeEnsembleRegressor", [gathered], [leaf], domain=ob.ML, version=1, **ob.float32_lists(attrs))
    leaves = [k for k in range(tree.node_count) if tree.children_left[k] == -1]
    depth = _node_depths(tree)
    tables = {"node_sample": [float(tree.n_node_samples[k]) for k in leaves],
              "path_length": [float(depth[k] + 1) for k in leaves]}
    looked = {}
    for key, values in tables.items():
        cast = g.var("%s%d_Cast" % (key, i))
        g.node("Cast", [leaf], [cast], version=v("Cast"), to=TensorProto.INT64)
        enc = g.var("%s%d_LabelEncoder" % (key, i))
        g.node("LabelEncoder", [cast], [enc], domain=ob.ML, version=ob.schema_version("LabelEncoder", ob.ML, 3),
               keys_int64s=leaves, values_floats=values)
        looked[key] = g.var("%s%d_Reshape" % (key, i))
        g.node("Reshape", [enc, _cst(g, "Re_Reshapecst", [-1, 1], np.int64)], [looked[key]], version=v("Reshape"))
    ns = looked["node_sample"]

    def op(name, a, b):
        out = g.var("%s_%d" % (name.lower(), i))
        g.node(name, [a, b], [out], version=v(name))
        return out

    def cast_bool(name):
        b = op(name, ns, _cst(g, name[:2] + "cst", [2]))
        out = g.var("cast_%s_%d" % (name.lower(), i))
        g.node("Cast", [b], [out], version=v("Cast"), to=TensorProto.FLOAT)
        return out

    eq2 = cast_bool("Equal")
    gt2 = cast_bool("Greater")
    ns_gt2 = op("Mul", gt2, ns)
    ns_m1 = op("Add", ns_gt2, _cst(g, "Adcst", [-1]))
    log_in = op("Max", ns_m1, _cst(g, "Macst", [1]))
    logv = g.var("log_%d" % i)
    g.node("Log", [log_in], [logv], version=v("Log"))
    eqp_log = op("Mul", op("Add", logv, _cst(g, "Adcst", [np.euler_gamma])), _cst(g, "Mucst", [2]))
    num = op("Max", ns_m1, _cst(g, "Macst", [0]))
    eqp_ns = op("Mul", op("Div", num, op("Max", ns_gt2, _cst(g, "Macst", [1]))), _cst(g, "Mucst", [-2]))
    avg = op("Add", eq2, op("Mul", op("Add", eqp_log, eqp_ns), gt2))
    return op("Add", op("Add", looked["path_length"], avg), _cst(g, "Adcst", [-1]))


def _node_depths(tree):
    depth = np.zeros(tree.node_count, dtype=int)
    for k in range(tree.node_count):
        for c in (tree.children_left[k], tree.children_right[k]):
            if c != -1:
                depth[c] = depth[k] + 1
    return depth


def export(model, n_features):
    g = ob.Graph()
    g.tensor_input("X", TensorProto.FLOAT, [None, n_features])
    v = lambda op: ob.schema_version(op, "", T)
    depths = [tree_block(g, i, est, feats) for i, (est, feats) in
              enumerate(zip(model.estimators_, model.estimators_features_))]
    total = g.var("Su_Sumoutput")
    g.node("Sum", depths, [total], version=v("Sum"))
    cst = len(model.estimators_) * _average_path_length([model.max_samples_])[0]
    mean = g.var("Di_Divoutput")
    g.node("Div", [total, _cst(g, "Di_Divcst", [cst])], [mean], version=v("Div"))
    neg = g.var("Ne_Negoutput")
    g.node("Neg", [mean], [neg], version=v("Neg"))
    pw = g.var("Po_Powoutput")
    g.node("Pow", [_cst(g, "Po_Powcst", [2]), neg], [pw], version=v("Pow"))
    score_samples = g.var("Ne_Negoutput")
    g.node("Neg", [pw], [score_samples], version=v("Neg"))
    g.reserve("scores", "label")
    g.node("Add", [score_samples, _cst(g, "dec_Addcst", [-model.offset_])], ["scores"], version=v("Add"))
    less = g.var("Le_Lessoutput")
    g.node("Less", ["scores", _cst(g, "Le_Lesscst", [0])], [less], version=v("Less"))
    lcast = g.var("Ca_output0")
    g.node("Cast", [less], [lcast], version=v("Cast"), to=TensorProto.INT64)
    mul = g.var("predict_Muloutput")
    g.node("Mul", [lcast, _cst(g, "predict_Mulcst", [-2], np.int64)], [mul], version=v("Mul"))
    g.node("Add", [mul, _cst(g, "predict_Addcst", [1], np.int64)], ["label"], version=v("Add"))
    g.tensor_output("label", TensorProto.INT64, [None, 1])
    g.tensor_output("scores", TensorProto.FLOAT, [None, 1])
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(CASE))


def build():
    data = make_data()
    X = data["X"]
    model = IsolationForest(n_estimators=25, max_samples=128, random_state=0).fit(X)
    d = common.case_dir(CASE)
    onx = export(model, X.shape[1])
    onnx.save(onx, d + "/model.onnx")
    dec, labels = model.decision_function(X), model.predict(X)
    X32 = X.astype(np.float32)
    out = checks.evaluate(d + "/model.onnx", {"X": X32})
    near = int((np.abs(dec) < 1e-4).sum())
    notes = [checks.max_diff("decision_function numpy-eval vs sklearn", out["scores"], dec, 1e-5),
             checks.same_labels("labels (-1/1)", out["label"], labels),
             "%d rows flagged (-1) by sklearn; %d rows have |decision_function| < 1e-4" % ((labels == -1).sum(), near)]
    table = {c: X[:, j] for j, c in enumerate(FEATURES)}
    table.update({"branche": data["branche"], "region": data["region"], "befund": data["befund"]})
    common.write_table(d + "/data.csv", table, delimiter=";", decimal=",")
    common.write_table(d + "/reference.csv", {"row": list(range(len(labels))), "score": dec, "label": labels,
                                              "score_samples": model.score_samples(X)})
    entry = {
        "case": CASE, "model": CASE + "/model.onnx", "data": CASE + "/data.csv", "layout": "matrix",
        "csv": {"delimiter": ";", "decimal": ","}, "features": FEATURES,
        "inputs": [{"name": "X", "type": "float", "shape": [None, len(FEATURES)]}],
        "task": "anomaly", "output": "scores", "label_output": "label", "anomaly_label": -1,
        "label_column": "befund", "positive_value": "ja", "group_columns": ["branche", "region"],
        "reference": CASE + "/reference.csv", "score_column": "score", "label_column_in_reference": "label",
        "tolerance": 1e-5,
        "imitates": "skl2onnx 1.14.1 to_onnx(IsolationForest, X[:1].astype(float32)), default options",
        "opset_import": {o.domain or "ai.onnx": o.version for o in onx.opset_import}, "ir_version": onx.ir_version,
        "notes": ("Synthetic employers (seeded, 600 rows, about 4% given irregular patterns: befund = 'ja'), written "
                  "with German CSV conventions: ';' separator, decimal comma (durchschnittslohn like '3158,42'). "
                  "IsolationForest(25 trees, max_samples 128, contamination 'auto', offset_ -0.5). scores = "
                  "decision_function (negative = more anomalous), label = predict() (-1 anomaly, 1 normal), both "
                  "[N, 1]. Each tree reads a permutation of the columns (Gather with estimators_features_), so tree "
                  "feature ids are indices into the gathered columns, not into X. reference.csv also has "
                  "score_samples (= score + offset_). befund is synthetic ground truth; an anomaly audit may "
                  "also run without a label."),
        "checks": notes,
    }
    verify = {"feeds": {"X": X32}, "scores": [("scores", 0, dec, 1e-5)], "labels": [("label", labels)]}
    return entry, verify


if __name__ == "__main__":
    print("\n".join(build()[0]["checks"]))
