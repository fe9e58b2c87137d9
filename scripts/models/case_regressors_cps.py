"""Cases gbr_cps_wage, linreg_cps_wage, rfr_cps_wage: three regressors of the hourly wage in the
1985 Current Population Survey (R AER CPS1985, 534 rows) on one float matrix input, as skl2onnx 1.14
exports bare estimators: GradientBoostingRegressor and RandomForestRegressor -> TreeEnsembleRegressor
(op_version 1), LinearRegression -> LinearRegressor; output 'variable' float [N, 1]. Input names
differ on purpose ('float_input' as in the skl2onnx tutorials, 'input', 'X' as to_onnx names it).
"""

import numpy as np
import onnx
from onnx import TensorProto
from sklearn.ensemble import GradientBoostingRegressor, RandomForestRegressor
from sklearn.linear_model import LinearRegression

import checks
import common
import probes
import onnx_build as ob
import sk_graphs as sg

FEATURES = ["education", "experience", "age", "union", "married", "south"]
SPECS = {
    "gbr_cps_wage": {"input": "float_input", "kind": "gbr",
                     "make": lambda: GradientBoostingRegressor(n_estimators=80, max_depth=3, learning_rate=0.1,
                                                               random_state=0),
                     "what": "GradientBoostingRegressor(80 trees, depth 3, learning_rate 0.1): TreeEnsembleRegressor "
                             "with base_values = [init_.constant_ = mean wage] and leaf weights * learning_rate"},
    "rfr_cps_wage": {"input": "X", "kind": "forest",
                     "make": lambda: RandomForestRegressor(n_estimators=30, max_depth=6, random_state=0),
                     "what": "RandomForestRegressor(30 trees, depth 6): TreeEnsembleRegressor, leaf weights / 30, "
                             "aggregate_function SUM (default), no base_values"},
    "linreg_cps_wage": {"input": "input", "kind": "linear", "make": LinearRegression,
                        "what": "LinearRegression: ai.onnx.ml LinearRegressor (float32 coefficients, intercept)"},
}


def load():
    raw, n = common.read_csv("cps1985")
    cols = {"education": [float(v) for v in raw["education"]],
            "experience": [float(v) for v in raw["experience"]],
            "age": [float(v) for v in raw["age"]],
            "union": [1.0 if v == "yes" else 0.0 for v in raw["union"]],
            "married": [1.0 if v == "yes" else 0.0 for v in raw["married"]],
            "south": [1.0 if v == "south" else 0.0 for v in raw["region"]]}
    X = np.column_stack([cols[c] for c in FEATURES])
    return {"X": X, "wage": np.array([float(v) for v in raw["wage"]]), "gender": raw["gender"],
            "ethnicity": raw["ethnicity"], "occupation": raw["occupation"]}


def export(case, reg, spec):
    g = ob.Graph()
    g.tensor_input(spec["input"], TensorProto.FLOAT, [None, len(FEATURES)])
    if spec["kind"] == "linear":
        sg.linear_regressor(g, spec["input"], reg)
    else:
        sg.tree_regressor(g, spec["input"], reg, spec["kind"])
    return ob.finalize(g, ob.SKL2ONNX, common.stable_graph_name(case))


def build_case(case):
    spec = SPECS[case]
    data = load()
    reg = spec["make"]().fit(data["X"], data["wage"])
    d = common.case_dir(case)
    onx = export(case, reg, spec)
    onnx.save(onx, d + "/model.onnx")
    pred = reg.predict(data["X"])
    X32 = data["X"].astype(np.float32)
    out = checks.evaluate(d + "/model.onnx", {spec["input"]: X32})
    notes = [checks.max_diff("prediction numpy-eval vs sklearn", out["variable"], pred, 1e-4),
             "prediction range %.3f .. %.3f" % (pred.min(), pred.max())]
    table = {"wage": data["wage"]}
    table.update({c: data["X"][:, j] for j, c in enumerate(FEATURES)})
    table.update({"gender": data["gender"], "ethnicity": data["ethnicity"], "occupation": data["occupation"]})
    common.write_table(d + "/data.csv", table)
    common.write_table(d + "/reference.csv", {"row": list(range(len(pred))), "score": pred})
    extra = {}
    if spec["kind"] != "linear":
        P, src = probes.make(d + "/model.onnx", X32, 300, seed=8)
        pp = reg.predict(P.astype(np.float64))
        got = checks.evaluate(d + "/model.onnx", {spec["input"]: P})
        notes += [checks.max_diff("probes: numpy-eval vs sklearn", got["variable"], pp, 1e-4),
                  "probes: %d of %d rows change if BRANCH_LEQ is read as <" % (
                      probes.swapped_mode_rows(d + "/model.onnx", spec["input"], P, pp, "variable", 0, 1e-4), len(P))]
        ptable = {"wage": data["wage"][src]}
        ptable.update({c: P[:, j].astype(np.float64) for j, c in enumerate(FEATURES)})
        ptable.update({k: [data[k][i] for i in src] for k in ("gender", "ethnicity", "occupation")})
        common.write_table(d + "/probes.csv", ptable)
        common.write_table(d + "/probes_reference.csv", {"row": list(range(len(P))), "score": pp, "source_row": src})
        extra = {"probes": {"data": case + "/probes.csv", "reference": case + "/probes_reference.csv",
                            "rows": len(P),
                            "purpose": "each row is a data row (source_row) with one feature set exactly to the "
                                       "float32 value of a split threshold: tests that BRANCH_LEQ means x <= t"}}
        probe_verify = {"feeds": {spec["input"]: P}, "scores": [("variable", 0, pp, 1e-4)], "labels": []}
    entry = {
        "case": case, "model": case + "/model.onnx", "data": case + "/data.csv", "layout": "matrix",
        "features": FEATURES, "inputs": [{"name": spec["input"], "type": "float", "shape": [None, len(FEATURES)]}],
        "task": "regression", "output": "variable", "label_column": "wage", "group_columns": ["gender", "ethnicity"],
        "reference": case + "/reference.csv", "score_column": "score", "label_column_in_reference": None,
        "tolerance": 1e-4,
        "imitates": "skl2onnx 1.14.1 convert_sklearn(model, initial_types=[('%s', FloatTensorType([None, %d]))])"
                    % (spec["input"], len(FEATURES)),
        "opset_import": {o.domain or "ai.onnx": o.version for o in onx.opset_import}, "ir_version": onx.ir_version,
        "notes": ("CPS1985 (R AER), 534 rows. Target wage (US$ per hour). Features education, experience, age "
                  "(years) and union, married, south (1 = yes / region south, else 0). " + spec["what"] + ". "
                  "The graph has no ai.onnx node, so skl2onnx adds the default domain at its target opset (17). "
                  "data.csv also has an unused text column 'occupation'. Tolerance is absolute in wage units."),
        "checks": notes,
    }
    entry.update(extra)
    verify = {"feeds": {spec["input"]: X32}, "scores": [("variable", 0, pred, 1e-4)], "labels": []}
    if extra:
        verify["probes"] = probe_verify
    return entry, verify


def builders():
    return [lambda c=c: build_case(c) for c in SPECS]


if __name__ == "__main__":
    for b in builders():
        e = b()[0]
        print(e["case"], "\n  " + "\n  ".join(e["checks"]))
