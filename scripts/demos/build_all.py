"""Rebuild every workshop demo in static/demo/ (credit-gbm, credit-logreg, arbeitsschutz) and check it.

Usage: /usr/bin/python3 scripts/demos/build_all.py
Needs Debian's python3-onnx, python3-sklearn (1.2.1), R with r-cran-caret (German credit, exported
once to $EINBLICK_DATASET_DIR, default /tmp/einblick-datasets, by scripts/models/export_datasets.R)
and, for the runtime check, node with node_modules/onnxruntime-web. About 20 s.

For each demo: train (seeded), write model.onnx, data.csv, reference.csv and demo.json, evaluate the
saved model with scripts/models' independent numpy evaluator against scikit-learn's float64
predictions, then run all three models with onnxruntime-web 1.30 in Node (ZipMap removed, as
Einblick does) and compare again (tolerance 1e-5, no label may differ, no row may cross the
threshold). Writes scripts/demos/manifest.json (measured numbers) and each demo's README.md.
The static/demo/german-credit/ folder is not touched.
"""

import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import demo_arbeitsschutz  # noqa: E402
import demo_common as dc  # noqa: E402
import demo_credit  # noqa: E402
import ort_check  # noqa: E402  (scripts/models, on the path through demo_common)
import readmes  # noqa: E402

ort_check.WORK = dc.ORT_DIR
BUILDERS = [lambda: demo_credit.build("gbm"), lambda: demo_credit.build("logreg"), demo_arbeitsschutz.build]


def runtime_check(entry, verify, got):
    """Compare onnxruntime-web's P(positive) and labels with scikit-learn's; raises on failure."""
    proba = np.asarray(got["probabilities"], dtype=np.float64)[:, verify["pos"]]
    entry["checks"].append(dc.checks.max_diff("P(positive) onnxruntime-web 1.30 vs sklearn", proba,
                                              verify["score"], 1e-5))
    entry["checks"].append(dc.checks.same_labels("labels onnxruntime-web vs sklearn", got["output_label"],
                                                 verify["labels"]))
    entry["max_abs_diff_ort_web"] = float(np.max(np.abs(proba - verify["score"])))
    crossing = dc.boundary_rows(proba, verify["score"], verify["threshold"])
    entry["boundary_rows_ort_web"] = crossing
    if crossing:
        raise AssertionError("%s: rows %s cross the threshold between runtimes" % (entry["id"], crossing))


def folder_size(demo_id):
    d = os.path.join(dc.DEMO_ROOT, demo_id)
    return sum(os.path.getsize(os.path.join(d, n)) for n in os.listdir(d))


def main():
    ort_check.reset()
    entries, verifies = [], []
    for build in BUILDERS:
        entry, verify = build()
        print("built", entry["id"])
        ort_check.prepare(entry["id"], os.path.join(dc.DEMO_ROOT, entry["id"], "model.onnx"), verify["feeds"])
        entries.append(entry)
        verifies.append(verify)
    results = ort_check.run()
    if results is None:
        raise SystemExit("onnxruntime-web check not possible: node or node_modules/onnxruntime-web missing")
    for entry, verify in zip(entries, verifies):
        runtime_check(entry, verify, results[entry["id"]])
    cli = readmes.load_cli_results()
    for entry in entries:
        readmes.write(entry, cli.get(entry["id"]))
        entry["folder_bytes"] = folder_size(entry["id"])
        print(entry["id"] + " (%d bytes)\n  " % entry["folder_bytes"] + "\n  ".join(entry["checks"]))
        if entry["folder_bytes"] > 1_100_000:
            raise AssertionError("%s is larger than about 1 MB" % entry["id"])
    dc.write_json(os.path.join(dc.HERE, "manifest.json"), entries)


if __name__ == "__main__":
    main()
