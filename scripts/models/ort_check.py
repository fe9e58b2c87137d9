"""Cross-check the built models with onnxruntime-web (the runtime Einblick uses), run in Node.

prepare() writes a copy of the model with its ZipMap removed (onnxruntime-web cannot return
sequence/map outputs; the probability tensor that fed the ZipMap becomes an output instead, as
Einblick itself does) and the feeds as JSON; run() calls verify_ort.mjs on all prepared cases.
Skipped, with a message, when node or onnxruntime-web is not available.
"""

import json
import os
import shutil
import subprocess

import numpy as np
import onnx
from onnx import TensorProto, helper

import common

WORK = os.environ.get("EINBLICK_ORT_DIR", "/tmp/einblick-ort-check")


def strip_zipmap(model):
    """Copy of model without ZipMap nodes; their input tensors become float [N, K] outputs."""
    m = onnx.ModelProto()
    m.CopyFrom(model)
    for node in [n for n in m.graph.node if n.op_type == "ZipMap"]:
        labels = [a for a in node.attribute if a.name.startswith("classlabels")][0]
        k = len(helper.get_attribute_value(labels))
        m.graph.node.remove(node)
        for o in [o for o in m.graph.output if o.name == node.output[0]]:
            m.graph.output.remove(o)
        m.graph.output.append(helper.make_tensor_value_info(node.input[0], TensorProto.FLOAT, [None, k]))
    return m


def _spec(arr):
    a = np.asarray(arr)
    if a.dtype == np.float32:
        data = [None if np.isnan(v) else float(v) for v in a.ravel()]
        return {"type": "float32", "dims": list(a.shape), "data": data}
    if a.dtype == np.int64:
        return {"type": "int64", "dims": list(a.shape), "data": [int(v) for v in a.ravel()]}
    return {"type": "string", "dims": list(a.shape), "data": [str(v) for v in a.ravel()]}


def prepare(case, model_path, feeds):
    d = os.path.join(WORK, case)
    os.makedirs(d, exist_ok=True)
    onnx.save(strip_zipmap(onnx.load(model_path)), os.path.join(d, "model.onnx"))
    with open(os.path.join(d, "feeds.json"), "w") as f:
        json.dump({k: _spec(v) for k, v in feeds.items()}, f)


def reset():
    shutil.rmtree(WORK, ignore_errors=True)
    os.makedirs(WORK, exist_ok=True)


def run():
    """Run all prepared cases; returns {case: {output: np.array}} or None if unavailable."""
    ort_pkg = os.path.join(common.REPO, "node_modules", "onnxruntime-web")
    if shutil.which("node") is None or not os.path.isdir(ort_pkg):
        print("onnxruntime-web check skipped: node or node_modules/onnxruntime-web missing")
        return None
    script = os.path.join(common.HERE, "verify_ort.mjs")
    subprocess.run(["node", script, WORK], check=True, cwd=common.REPO)
    results = {}
    for case in sorted(os.listdir(WORK)):
        with open(os.path.join(WORK, case, "outputs.json")) as f:
            raw = json.load(f)
        results[case] = {k: np.array([np.nan if x is None else x for x in v["data"]], dtype=object)
                         .reshape(v["dims"]) for k, v in raw.items()}
    return results
