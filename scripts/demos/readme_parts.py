"""Pieces shared by the demo READMEs: group tables, the verification section, SHAP rankings."""

import demo_common as dc


def f3(x):
    return "n/a" if x is None else "%.3f" % x


def group_table(groups, extra=()):
    """Markdown table of per-group counts and rates."""
    head = ["group", "n", "base rate", "selection rate", "TPR", "FPR"] + [e[0] for e in extra]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for v, m in groups.items():
        cells = [v, str(m["n"]), dc.pct(m["base_rate"]), dc.pct(m["selection_rate"]), f3(m["tpr"]), f3(m["fpr"])]
        cells += [e[1](m) for e in extra]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def verification(entry, cli=None):
    lines = ["## Verification", "",
             "The saved model.onnx was run on all %d rows of data.csv and compared with scikit-learn's own float64"
             % entry["rows"],
             "predictions (scores in reference.csv):", ""]
    lines += ["- " + c for c in entry["checks"]]
    lines += ["- rows on the other side of the threshold than scikit-learn: %d (numpy evaluator), %d (onnxruntime-web)"
              % (len(entry["facts"]["boundary_rows_numpy_eval"]), len(entry.get("boundary_rows_ort_web", []))), "",
              "The numpy evaluator is scripts/models/onnx_eval.py; onnxruntime-web 1.30 runs in Node with the ZipMap",
              "node removed, as Einblick does (scripts/models/verify_ort.mjs). opset_import: %s; ir_version 8; producer"
              % ", ".join("%s %d" % kv for kv in entry["opset_import"].items()),
              "written as skl2onnx 1.14.1. The graph is hand-built with onnx.helper by the builders in scripts/models/",
              "(see scripts/models/README.md), which imitate skl2onnx's per-column pipeline export.", ""]
    if cli and "predict" in cli:
        lines += ["End to end through Einblick's CLI (CSV parsing, typed inputs, ZipMap removed, onnxruntime-web):",
                  "`%s` gives scores within %.1e of scikit-learn's; %s." % (
                      cli["predict"]["command"], cli["predict"]["max_abs_diff"],
                      cli["predict"]["checks"][1].rsplit(": ", 1)[1]), ""]
    return lines


def shap_lines(cli, watch):
    """Mean |SHAP| rankings from the CLI (rows 0-99), with the reference check."""
    lines = []
    for space in ("probability", "logit"):
        e = cli["explain"][space]
        rank = [p for p, _ in e["ranking"]]
        top = ", ".join("%d. %s (%.4f)" % (i + 1, p, v) for i, (p, v) in enumerate(e["ranking"][:5]))
        notes = "method %s" % e["method"]
        if e.get("error_estimate") is not None:
            notes += ", error estimate %.4f" % e["error_estimate"]
        if "max_diff_reference" in e:
            notes += "; equal to an independent %s from the scikit-learn pipeline to %.1e" % (
                e["reference"], e["max_diff_reference"])
        lines += ["- %s space (%s): %s" % (space, notes, top)]
        lines += ["  - " + ", ".join("%s is number %d of %d" % (w, rank.index(w) + 1, len(rank)) for w in watch)]
    return lines
