"""Check with Einblick's own command line that each demo shows what its tour promises.

Usage (after build_all.py; run from anywhere, the CLI runs in the repository root; about 2 min):
    /usr/bin/python3 scripts/demos/check_cli.py [demo-id ...]

For each demo:
0. `npx einblick predict`: scores and labels equal scikit-learn's (reference.csv) to 1e-5.
1. `npx einblick fairness` with the demo.json settings (label, favourable, protected, intersect,
   threshold, top-k): every group's n, base rate, selection rate, TPR and FPR and every four-fifths
   ratio must equal the hand counts in scripts/demos/manifest.json (computed from scikit-learn's
   scores; no row lies on the other side of the threshold in onnxruntime-web), to 1e-12.
2. `npx einblick explain --rows 0-99` in probability space (what the app shows by default) and in
   log-odds space. The log-odds values are compared with exact references computed from the
   scikit-learn pipeline (shap_ref.py) on the CLI's own background rows; for the arbeitsschutz demo
   the probability values are compared with exact enumeration too.
3. The planted bias must be discoverable: four-fifths ratio of Inhaber_Staatsangehoerigkeit < 0.8
   and Stadtteil among the top 3 players by mean |SHAP|; the credit tours' named features among the
   top 5. Any failure raises.

Writes scripts/demos/cli_results.json and re-renders each demo's README.md with these numbers.
"""

import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402

import arbeitsschutz_data as gen  # noqa: E402
import demo_arbeitsschutz  # noqa: E402
import demo_common as dc  # noqa: E402
import demo_credit  # noqa: E402
import readmes  # noqa: E402
import shap_ref  # noqa: E402
import tours  # noqa: E402

TMP = os.environ.get("EINBLICK_DEMO_CLI_DIR", "/tmp/einblick-demo-cli-check")
ROWS = list(range(100))


def cli(args, out):
    cmd = ["npx", "einblick"] + args + ["--out", out, "--quiet"]
    subprocess.run(cmd, check=True, cwd=dc.REPO)
    with open(out, encoding="utf-8") as f:
        return json.load(f), " ".join(["npx", "einblick"] + args)


def rel(path):
    return os.path.relpath(path, dc.REPO)


def fairness_args(demo_id, spec):
    d = os.path.join(dc.DEMO_ROOT, demo_id)
    o = spec["outcome"]
    args = ["fairness", "--model", rel(d + "/model.onnx"), "--data", rel(d + "/data.csv"),
            "--label", "%s=%s" % (o["column"], o["positive"]), "--favourable", o["favourable"],
            "--protected", ",".join(spec["protected"]), "--threshold", str(spec["threshold"])]
    if spec.get("intersect"):
        args += ["--intersect", ",".join(spec["intersect"])]
    if spec.get("top_k"):
        args += ["--top-k", ",".join(spec["top_k"])]
    return args


def compare_groups(attr_json, expected, what):
    """Hand counts (manifest) vs the CLI's groups; returns the max |difference|."""
    worst = 0.0
    got = {g["value"]: g for g in attr_json["groups"]}
    if sorted(got) != sorted(expected):
        raise AssertionError("%s: groups %s vs %s" % (what, sorted(got), sorted(expected)))
    for v, e in expected.items():
        if got[v]["n"] != e["n"]:
            raise AssertionError("%s %s: n %s vs %s" % (what, v, got[v]["n"], e["n"]))
        for k in ("base_rate", "selection_rate", "tpr", "fpr"):
            worst = max(worst, abs(got[v][k] - e[k]))
    if worst > 1e-12:
        raise AssertionError("%s: rates differ from the hand counts by %.2e" % (what, worst))
    return worst


def check_fairness(demo_id, spec, facts):
    r, cmd = cli(fairness_args(demo_id, spec), os.path.join(TMP, demo_id + "-fairness.json"))
    attrs = {a["name"]: a for a in r["attributes"]}
    out = {"command": cmd, "attributes": {}, "max_diff_hand_counts": 0.0}
    if demo_id == "arbeitsschutz":
        expected = {a: (v["groups"], v["four_fifths"]) for a, v in facts["model"]["attributes"].items()}
    else:
        expected = {a: (v["all"], v["four_fifths_all"]) for a, v in facts["attributes"].items()}
    for name, (groups, ff) in expected.items():
        diff = compare_groups(attrs[name], groups, demo_id + " " + name)
        got_ff = attrs[name]["disparities"]["four_fifths"]
        if abs(got_ff["ratio"] - ff) > 1e-12:
            raise AssertionError("%s %s: four-fifths %.6f vs hand count %.6f" % (demo_id, name, got_ff["ratio"], ff))
        out["max_diff_hand_counts"] = max(out["max_diff_hand_counts"], diff)
        out["attributes"][name] = {
            "four_fifths": got_ff["ratio"], "four_fifths_ci": got_ff["ratio_ci"], "passes": got_ff["passes"],
            "most_favoured": got_ff["most_favoured"],
            "groups": {g["value"]: {k: g[k] for k in ("n", "base_rate", "selection_rate", "tpr", "fpr")}
                       for g in attrs[name]["groups"]}}
    if r.get("ranking"):
        out["ranking"] = [{"k": k["k"], "precision": k["precision"],
                           "attributes": {a["name"]: {g["value"]: {x: g[x] for x in ("population_share", "selection_share",
                                                                                         "selection_rate")}
                                                      for g in a["groups"]} for a in k["attributes"]}}
                          for k in r["ranking"]]
    out["warnings"] = [w.get("code") for w in r.get("warnings", [])]
    return out


def check_predict(demo_id, pos):
    """`npx einblick predict` (CSV parsing, typed feeds, ZipMap removal, onnxruntime-web) against
    scikit-learn's float64 scores and labels in reference.csv."""
    d = os.path.join(dc.DEMO_ROOT, demo_id)
    r, cmd = cli(["predict", "--model", rel(d + "/model.onnx"), "--data", rel(d + "/data.csv"),
                  "--output", "output_probability:%d" % pos], os.path.join(TMP, demo_id + "-predict.json"))
    with open(d + "/reference.csv", encoding="utf-8") as f:
        rows = [line.rstrip("\n").split(",") for line in f]
    head = rows[0]
    score = np.array([float(x[head.index("score")]) for x in rows[1:]])
    labels = [x[head.index("label")] for x in rows[1:]]
    diff = dc.checks.max_diff("%s: CLI predict scores vs scikit-learn" % demo_id, r["scores"], score, 1e-5)
    same = dc.checks.same_labels("%s: CLI predict labels vs scikit-learn" % demo_id, r["labels"], labels)
    return {"command": cmd, "max_abs_diff": float(np.max(np.abs(np.asarray(r["scores"]) - score))),
            "checks": [diff, same]}


def pipeline_and_rows(demo_id):
    """The fitted scikit-learn pipeline, its input order and the demo rows as an object matrix."""
    if demo_id == "arbeitsschutz":
        pipe = demo_arbeitsschutz.fit(gen.draw(gen.N_HISTORY, gen.SEED_HISTORY, history=True))
        ev = gen.draw(gen.N_EVAL, gen.SEED_EVAL, history=False)
        return pipe, demo_arbeitsschutz.ORDER, dc.matrix(ev, demo_arbeitsschutz.ORDER)
    kind = demo_id.split("-")[1]
    data, _ = demo_credit.load()
    pipe, X, _ = demo_credit.fit(data, kind)
    return pipe, demo_credit.ORDER, X


def explain(demo_id, pos, space):
    d = os.path.join(dc.DEMO_ROOT, demo_id)
    args = ["explain", "--model", rel(d + "/model.onnx"), "--data", rel(d + "/data.csv"), "--rows", "0-99",
            "--output", "output_probability:%d" % pos]
    if space != "probability":
        args += ["--space", space]
    return cli(args, os.path.join(TMP, "%s-explain-%s.json" % (demo_id, space)))


def compare_shap(r, players, phi, what, tol):
    idx = [r["players"].index(p) for p in players]
    got = np.asarray(r["values"], dtype=float)[:, idx]
    diff = float(np.max(np.abs(got - phi)))
    if diff > tol:
        raise AssertionError("%s: SHAP differs from the reference by %.2e (tol %.0e)" % (what, diff, tol))
    return diff


def check_explain(demo_id, pos):
    pipe, order, X = pipeline_and_rows(demo_id)
    out = {}
    for space in ("probability", "logit"):
        r, cmd = explain(demo_id, pos, space)
        if r["rows"] != ROWS:
            raise AssertionError("%s: explained rows %s" % (demo_id, r["rows"][:5]))
        rank = shap_ref.ranking(r["players"], r["values"])
        entry = {"command": cmd, "method": r["method"], "error_estimate": r.get("error_estimate"),
                 "background_rows": len(r["background_rows"]), "ranking": rank}
        B, Xr = X[r["background_rows"]], X[ROWS]
        ref = None
        if space == "logit":
            ref = (shap_ref.linear_logit if demo_id == "credit-logreg" else shap_ref.trees_logit)(pipe, order, Xr, B, pos)
            entry["reference"] = "linear closed form" if demo_id == "credit-logreg" else "per-tree exact enumeration"
        elif demo_id == "arbeitsschutz":
            ref = shap_ref.enumerate_probability(pipe, order, Xr, B, pos)
            entry["reference"] = "exact enumeration of all 512 coalitions"
        if ref is not None:
            entry["max_diff_reference"] = compare_shap(r, ref[0], ref[1], "%s %s" % (demo_id, space), 1e-5)
            entry["reference_ranking"] = [p for p, _ in shap_ref.ranking(*ref)]
        out[space] = entry
    return out


def proxy_by_value(demo_id):
    """Mean SHAP of Stadtteil (probability space, rows 0-99) per district, from the CLI's output."""
    with open(os.path.join(TMP, "%s-explain-probability.json" % demo_id), encoding="utf-8") as f:
        r = json.load(f)
    ev = gen.draw(gen.N_EVAL, gen.SEED_EVAL, history=False)
    j = r["players"].index(demo_arbeitsschutz.PROXY)
    vals = np.asarray(r["values"], dtype=float)[:, j]
    district = ev[demo_arbeitsschutz.PROXY][r["rows"]]
    return {v: {"n": int((district == v).sum()), "mean_shap": float(vals[district == v].mean())}
            for v in gen.DISTRICTS if (district == v).any()}


def rank_of(rank, player):
    return [p for p, _ in rank].index(player) + 1


def assert_discoverable(demo_id, res):
    if demo_id == "arbeitsschutz":
        ff = res["fairness"]["attributes"]["Inhaber_Staatsangehoerigkeit"]["four_fifths"]
        if not ff < 0.8:
            raise AssertionError("arbeitsschutz: four-fifths ratio %.3f does not fail" % ff)
        for space in ("probability", "logit"):
            r = rank_of(res["explain"][space]["ranking"], demo_arbeitsschutz.PROXY)
            if r > tours.AS_TOP:
                raise AssertionError("arbeitsschutz: Stadtteil is number %d in %s space" % (r, space))
        for v, m in res["proxy_by_value"].items():
            if (m["mean_shap"] > 0) != (v in gen.FOCUS):
                raise AssertionError("arbeitsschutz: mean SHAP of Stadtteil = %s is %.4f" % (v, m["mean_shap"]))
    else:
        top5 = [p for p, _ in res["explain"]["probability"]["ranking"][:5]]
        for name in tours.CREDIT_TOP[demo_id.split("-")[1]]:
            if name not in top5:
                raise AssertionError("%s: %s named in the tour but not in the top 5 %s" % (demo_id, name, top5))


def main(ids):
    os.makedirs(TMP, exist_ok=True)
    manifest = {e["id"]: e for e in dc.load_json(os.path.join(dc.HERE, "manifest.json"))}
    path = os.path.join(dc.HERE, "cli_results.json")
    results = dc.load_json(path) if os.path.exists(path) else {}
    for demo_id in ids or list(manifest):
        spec = dc.load_json(os.path.join(dc.DEMO_ROOT, demo_id, "demo.json"))
        facts = manifest[demo_id]["facts"]
        pos = facts["classes"].index(spec["outcome"]["positive"])
        res = {"predict": check_predict(demo_id, pos), "fairness": check_fairness(demo_id, spec, facts),
               "explain": check_explain(demo_id, pos)}
        if demo_id == "arbeitsschutz":
            res["proxy_by_value"] = proxy_by_value(demo_id)
        assert_discoverable(demo_id, res)
        results[demo_id] = res
        print(demo_id, json.dumps({k: v["four_fifths"] for k, v in res["fairness"]["attributes"].items()}),
              [p for p, _ in res["explain"]["probability"]["ranking"][:5]])
    dc.write_json(path, results)
    for demo_id, entry in manifest.items():
        readmes.write(entry, results.get(demo_id))


if __name__ == "__main__":
    main(sys.argv[1:])
