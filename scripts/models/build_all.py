"""Rebuild every model fixture in test/fixtures/models/ and check it.

Usage: /usr/bin/python3 scripts/models/build_all.py
Needs Debian's python3-onnx, python3-sklearn, python3-xgboost and, for the public datasets, R with
r-cran-aer, r-cran-caret, r-cran-modeldata (exported once to $EINBLICK_DATASET_DIR, default
/tmp/einblick-datasets). Optional: node and node_modules/onnxruntime-web for the runtime check.

For each case: train (seeded), write model.onnx / data.csv / reference.csv, evaluate the saved
model with the independent numpy evaluator (onnx_eval.py) against the library's own predictions,
then run all models with onnxruntime-web and compare again. Any difference above the case's
tolerance stops the build. Writes manifest.json (with the measured differences) and README.md.
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import case_iforest_employers_de  # noqa: E402
import case_multiclass_benefits  # noqa: E402
import case_pipe_gbc_attrition  # noqa: E402
import case_pipe_logreg_hmda  # noqa: E402
import case_regressors_cps  # noqa: E402
import case_xgb_german_missing  # noqa: E402
import checks  # noqa: E402
import common  # noqa: E402
import ort_check  # noqa: E402
import validate_against_real  # noqa: E402

BUILDERS = ([case_pipe_logreg_hmda.build, case_pipe_gbc_attrition.build, case_xgb_german_missing.build,
             case_iforest_employers_de.build] + case_regressors_cps.builders()
            + case_multiclass_benefits.builders())


def runtime_checks(entries, verifies, results):
    for entry, verify in zip(entries, verifies):
        parts = [("", verify)] + ([("probes: ", verify["probes"])] if "probes" in verify else [])
        for prefix, v in parts:
            got = results[entry["case"] + ("__probes" if prefix else "")]
            for name, col, lib, tol in v["scores"]:
                values = np.asarray(got[name], dtype=np.float64)
                values = values[:, col] if values.ndim == 2 else values
                entry["checks"].append(checks.max_diff(
                    "%sonnxruntime-web 1.30 '%s'[:, %d] vs library" % (prefix, name, col), values, lib, tol))
            for name, lib in v["labels"]:
                entry["checks"].append(checks.same_labels(
                    "%sonnxruntime-web '%s' vs library" % (prefix, name), got[name], lib))


SUMMARY = {
    "pipe_logreg_hmda": "HMDA mortgages; Pipeline(OneHotEncoder + StandardScaler + passthrough, LogisticRegression); "
                        "11 per-column inputs (string/float/int64); ZipMap with string classes no/yes",
    "pipe_gbc_attrition": "HR attrition; Pipeline(OneHotEncoder + passthrough, GradientBoostingClassifier); 14 per-column "
                          "inputs (string/int64); ZipMap with int64 classes 0/1; data label Yes/No",
    "xgb_german_missing": "German credit with NaN cells; XGBClassifier via onnxmltools; input 'input' float [N,14]; "
                          "outputs label + probabilities [N,2]; missing-value tracking; boundary probes",
    "iforest_employers_de": "synthetic employers, German CSV (';', decimal comma); IsolationForest; input 'X' [N,6]; "
                            "outputs label (-1/1) and scores (decision_function) [N,1]",
    "gbr_cps_wage": "CPS1985 wages; GradientBoostingRegressor; input 'float_input' [N,6]; output variable [N,1]; probes",
    "rfr_cps_wage": "CPS1985 wages; RandomForestRegressor; input 'X' [N,6]; output variable [N,1]; probes",
    "linreg_cps_wage": "CPS1985 wages; LinearRegression (LinearRegressor op); input 'input' [N,6]; output variable [N,1]",
    "multiclass_logreg_benefits": "synthetic benefit decisions, 3 string classes; multinomial LogisticRegression; "
                                  "input 'X' [N,6]; ZipMap; needs a class choice (AMBIGUOUS_OUTPUT otherwise)",
    "multiclass_rf_benefits": "same data, int64 classes 0/1/2; RandomForestClassifier; input 'float_input' [N,6]; "
                              "ZipMap; default opset 9; needs a class choice",
}


def readme(entries):
    lines = ["# Model fixtures (generated)", "",
             "Built by `scripts/models/build_all.py` (see scripts/models/README.md): hand-built ONNX graphs that",
             "imitate skl2onnx 1.14 / onnxmltools 1.11 exports, trained on small public or synthetic data, with the",
             "training library's own float64 predictions in reference.csv. manifest.json describes every case",
             "(layout, inputs, outputs, labels, groups, tolerance, measured verification). Do not edit by hand.", "",
             "| case | task | layout | what |", "|---|---|---|---|"]
    for e in entries:
        lines.append("| %s | %s | %s | %s |" % (e["case"], e["task"], e["layout"], e["summary"]))
    lines += ["", "Files per case: model.onnx, data.csv (model columns, label/target, group columns),",
              "reference.csv (row, score, label, and logit / class probabilities where they apply); some cases",
              "also probes.csv + probes_reference.csv (rows with a feature exactly on a tree threshold).", ""]
    return "\n".join(lines)


def main():
    ort_check.reset()
    entries, verifies = [], []
    for build in BUILDERS:
        entry, verify = build()
        entry = dict([("case", entry["case"]), ("summary", SUMMARY[entry["case"]])] + list(entry.items()))
        print("built", entry["case"])
        model_path = os.path.join(common.OUT_ROOT, entry["model"])
        ort_check.prepare(entry["case"], model_path, verify["feeds"])
        if "probes" in verify:
            ort_check.prepare(entry["case"] + "__probes", model_path, verify["probes"]["feeds"])
        entries.append(entry)
        verifies.append(verify)
    results = ort_check.run()
    if results is not None:
        runtime_checks(entries, verifies, results)
    for e in entries:
        e["verification"] = e.pop("checks")
        print(e["case"] + "\n  " + "\n  ".join(e["verification"]))
    common.write_json(os.path.join(common.OUT_ROOT, "manifest.json"), entries)
    with open(os.path.join(common.OUT_ROOT, "README.md"), "w", encoding="utf-8") as f:
        f.write(readme(entries))
    if os.path.exists(os.path.join(validate_against_real.REAL, "model.onnx")):
        ok, msgs = validate_against_real.compare()
        print("rebuild of the real skl2onnx export real_german_pipe_rf:\n  " + "\n  ".join(msgs))
        if not ok:
            raise SystemExit("the hand-built graph no longer matches the real skl2onnx export")
    total = sum(os.path.getsize(os.path.join(r, n)) for r, _, fs in os.walk(common.OUT_ROOT) for n in fs)
    print("total size of test/fixtures/models: %.2f MB" % (total / 1e6))


if __name__ == "__main__":
    main()
