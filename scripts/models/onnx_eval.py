"""An independent numpy evaluator for the ONNX operators these fixtures use.

It reads everything from the saved model.onnx (attributes, initializers), not from the Python
objects that built it, so it checks that the file itself encodes the trained model. Semantics
follow the ONNX operator specs and, where the spec is vague (binary TreeEnsembleClassifier with a
single class id), onnxruntime's CPU kernels (tree_ensemble_aggregator.h, ml_common.h
write_scores). Arithmetic is float32 like onnxruntime; tree sums are accumulated in float64 and
rounded once, so float32 summation-order differences (~1e-7 relative) remain possible.

Example: run_model(onnx.load('m.onnx'), {'input': X32}) -> {'label': ..., 'probabilities': ...}
"""

import numpy as np
from onnx import helper, numpy_helper

F32 = np.float32


def _attrs(node):
    out = {}
    for a in node.attribute:
        v = helper.get_attribute_value(a)
        if isinstance(v, bytes):
            v = v.decode("utf-8")
        elif isinstance(v, list) and v and isinstance(v[0], bytes):
            v = [s.decode("utf-8") for s in v]
        out[a.name] = v
    return out


def _sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    return (1.0 / (1.0 + np.exp(-x))).astype(F32)


def _post(scores, transform):
    if transform == "NONE":
        return scores.astype(F32)
    if transform == "LOGISTIC":
        return _sigmoid(scores)
    if transform == "SOFTMAX":
        s = scores.astype(np.float64)
        e = np.exp(s - s.max(axis=1, keepdims=True))
        return (e / e.sum(axis=1, keepdims=True)).astype(F32)
    raise NotImplementedError(transform)


class TreeSet:
    """Flattened tree ensemble read from TreeEnsemble{Classifier,Regressor} v1 attributes."""

    def __init__(self, a, prefix):
        self.tree_ids = np.array(a["nodes_treeids"])
        self.node_ids = np.array(a["nodes_nodeids"])
        self.feat = np.array(a["nodes_featureids"])
        self.modes = np.array(a["nodes_modes"])
        self.thr = np.array(a["nodes_values"], dtype=F32)
        n = len(self.tree_ids)
        miss = a.get("nodes_missing_value_tracks_true", [0] * n)
        self.miss = np.array(miss if len(miss) else [0] * n, dtype=bool)
        pos = {(t, i): k for k, (t, i) in enumerate(zip(self.tree_ids, self.node_ids))}
        self.true = np.array([pos.get((t, i), -1) for t, i in zip(self.tree_ids, a["nodes_truenodeids"])])
        self.false = np.array([pos.get((t, i), -1) for t, i in zip(self.tree_ids, a["nodes_falsenodeids"])])
        self.roots = [pos[(t, 0)] for t in sorted(set(self.tree_ids.tolist()))]
        self.leaf_w = {}
        for t, i, k, w in zip(a[prefix + "_treeids"], a[prefix + "_nodeids"], a[prefix + "_ids"],
                              a[prefix + "_weights"]):
            self.leaf_w.setdefault(pos[(t, i)], []).append((k, float(F32(w))))
        self.ids = sorted({k for ws in self.leaf_w.values() for k, _ in ws})
        self.weights = [w for ws in self.leaf_w.values() for _, w in ws]

    def leaves(self, X):
        """Leaf position of each row in each tree: int array [N, n_trees]."""
        X = np.asarray(X, dtype=F32)
        out = np.empty((X.shape[0], len(self.roots)), dtype=np.int64)
        rows = np.arange(X.shape[0])
        for j, root in enumerate(self.roots):
            cur = np.full(X.shape[0], root)
            for _ in range(200):
                active = self.modes[cur] != "LEAF"
                if not active.any():
                    break
                c = cur[active]
                x = X[rows[active], self.feat[c]]
                t = self.thr[c]
                m = self.modes[c]
                go = np.select([m == "BRANCH_LEQ", m == "BRANCH_LT", m == "BRANCH_GTE",
                                m == "BRANCH_GT", m == "BRANCH_EQ", m == "BRANCH_NEQ"],
                               [x <= t, x < t, x >= t, x > t, x == t, x != t])
                nan = np.isnan(x)
                go = np.where(nan, self.miss[c], go)
                cur[active] = np.where(go, self.true[c], self.false[c])
            out[:, j] = cur
        return out

    def sums(self, X, n_out):
        lv = self.leaves(X)
        s = np.zeros((lv.shape[0], n_out), dtype=np.float64)
        for j in range(lv.shape[1]):
            for pos in np.unique(lv[:, j]):
                rows = lv[:, j] == pos
                for k, w in self.leaf_w.get(pos, []):
                    s[rows, k] += w
        return s


def tree_regressor(X, a):
    ts = TreeSet(a, "target")
    n = int(a.get("n_targets", 1))
    s = ts.sums(X, n)
    agg = a.get("aggregate_function", "SUM")
    if agg == "AVERAGE":
        s /= len(ts.roots)
    elif agg != "SUM":
        raise NotImplementedError(agg)
    base = a.get("base_values", [])
    if len(base):
        s += np.array(base, dtype=F32).astype(np.float64)
    return [_post(s.astype(F32), a.get("post_transform", "NONE"))]


def tree_classifier(X, a):
    ts = TreeSet(a, "class")
    labels = a.get("classlabels_strings") or a.get("classlabels_int64s")
    n = len(labels)
    s = ts.sums(X, n).astype(F32)
    base = [F32(b) for b in a.get("base_values", [])]
    post = a.get("post_transform", "NONE")
    if n > 2 or ts.ids == [0, 1]:
        for k, b in enumerate(base):
            s[:, k] += b
        proba = _post(s, post)
        idx = np.argmax(s, axis=1)
        return [np.array([labels[i] for i in idx]), proba]
    # binary, only class id 0 carries weights (skl2onnx / onnxmltools binary models)
    score = s[:, 0] + (base[0] if len(base) == 1 else F32(0))
    all_pos = all(w >= 0 for w in ts.weights)
    positive = score > 0.5 if all_pos else score > 0
    if all_pos:
        p1 = score  # onnxruntime writes [1 - s, s] here, whatever post_transform says
        proba = np.stack([F32(1) - p1, p1], axis=1).astype(F32)
    elif post == "LOGISTIC":
        proba = np.stack([_sigmoid(-score), _sigmoid(score)], axis=1)
    else:
        proba = np.stack([-score, score], axis=1).astype(F32)
    return [np.array([labels[1] if p else labels[0] for p in positive]), proba]


def linear_classifier(X, a):
    labels = a.get("classlabels_strings") or a.get("classlabels_ints")
    coef = np.array(a["coefficients"], dtype=F32).reshape(len(a["intercepts"]), -1)
    scores = (np.asarray(X, dtype=F32) @ coef.T + np.array(a["intercepts"], dtype=F32)).astype(F32)
    if len(labels) == 2 and coef.shape[0] == 1:
        raise NotImplementedError("single-row binary LinearClassifier")
    idx = np.argmax(scores, axis=1)
    return [np.array([labels[i] for i in idx]), _post(scores, a.get("post_transform", "NONE"))]


def linear_regressor(X, a):
    n = int(a.get("targets", 1))
    coef = np.array(a["coefficients"], dtype=F32).reshape(n, -1)
    y = np.asarray(X, dtype=F32) @ coef.T + np.array(a.get("intercepts", [0.0] * n), dtype=F32)
    return [_post(y.astype(F32), a.get("post_transform", "NONE"))]


def one_hot(X, a):
    cats = a.get("cats_strings") or a.get("cats_int64s")
    X = np.asarray(X)
    flat = X.reshape(-1)
    out = np.zeros((flat.size, len(cats)), dtype=F32)
    index = {c: i for i, c in enumerate(cats)}
    for r, v in enumerate(flat):
        v = v.decode("utf-8") if isinstance(v, bytes) else v
        key = int(v) if "cats_int64s" in a else str(v)
        if key in index:
            out[r, index[key]] = 1
        elif not a.get("zeros", 1):
            raise ValueError("unknown category %r" % (v,))
    return [out.reshape(X.shape + (len(cats),))]


def normalizer(X, a):
    X = np.asarray(X, dtype=F32)
    norm = a["norm"]
    if norm == "L1":
        d = np.abs(X).sum(axis=1, keepdims=True)
    elif norm == "L2":
        d = np.sqrt((X * X).sum(axis=1, keepdims=True))
    else:
        d = np.abs(X).max(axis=1, keepdims=True)
    return [(X / d).astype(F32)]


def zipmap(X, a):
    keys = a.get("classlabels_strings") or a.get("classlabels_int64s")
    return [[{k: float(v) for k, v in zip(keys, row)} for row in np.asarray(X, dtype=F32)]]


def label_encoder(X, a):
    if "keys_int64s" in a:
        keys = a["keys_int64s"]
    else:
        keys = [F32(k) for k in a["keys_floats"]]
    table = dict(zip(keys, a["values_floats"]))
    default = a.get("default_float", -0.0)
    flat = np.asarray(X).reshape(-1)
    out = np.array([table.get(int(v) if "keys_int64s" in a else F32(v), default) for v in flat], dtype=F32)
    return [out.reshape(np.asarray(X).shape)]


CAST = {1: F32, 6: np.int32, 7: np.int64, 9: np.bool_, 11: np.float64}


def _elementwise(op, ins):
    a = [np.asarray(x) for x in ins]
    f = {"Add": np.add, "Sub": np.subtract, "Mul": np.multiply, "Div": np.divide,
         "Max": np.maximum, "Equal": np.equal, "Greater": np.greater, "Less": np.less}[op]
    out = a[0]
    for b in a[1:]:
        out = f(out, b)
    return out


def run_model(model, feeds):
    """Evaluate the graph on feeds (dict input name -> numpy array); returns every output."""
    env = {t.name: numpy_helper.to_array(t) for t in model.graph.initializer}
    env.update(feeds)
    for node in model.graph.node:
        a = _attrs(node)
        ins = [env[i] for i in node.input]
        op = node.op_type
        if op == "TreeEnsembleRegressor":
            outs = tree_regressor(ins[0], a)
        elif op == "TreeEnsembleClassifier":
            outs = tree_classifier(ins[0], a)
        elif op == "LinearClassifier":
            outs = linear_classifier(ins[0], a)
        elif op == "LinearRegressor":
            outs = linear_regressor(ins[0], a)
        elif op == "OneHotEncoder":
            outs = one_hot(ins[0], a)
        elif op == "Normalizer":
            outs = normalizer(ins[0], a)
        elif op == "ZipMap":
            outs = zipmap(ins[0], a)
        elif op == "LabelEncoder":
            outs = label_encoder(ins[0], a)
        elif op == "Scaler":
            x = np.asarray(ins[0], dtype=F32)
            outs = [((x - np.array(a["offset"], dtype=F32)) * np.array(a["scale"], dtype=F32)).astype(F32)]
        elif op == "Concat":
            outs = [np.concatenate([np.asarray(x) for x in ins], axis=a["axis"])]
        elif op == "Cast":
            outs = [np.asarray(ins[0]).astype(CAST[a["to"]])]
        elif op == "Reshape":
            outs = [np.asarray(ins[0]).reshape([int(d) for d in ins[1]])]
        elif op == "Identity":
            outs = [ins[0]]
        elif op == "Gather":
            outs = [np.take(np.asarray(ins[0]), np.asarray(ins[1]), axis=a.get("axis", 0))]
        elif op in ("Add", "Sub", "Mul", "Div", "Max", "Equal", "Greater", "Less"):
            outs = [_elementwise(op, ins)]
        elif op == "Sum":
            outs = [np.sum(np.stack([np.asarray(x, dtype=F32) for x in ins]), axis=0).astype(F32)]
        elif op == "Neg":
            outs = [-np.asarray(ins[0])]
        elif op == "Log":
            outs = [np.log(np.asarray(ins[0], dtype=F32))]
        elif op == "Pow":
            outs = [np.power(np.asarray(ins[0], dtype=F32), np.asarray(ins[1], dtype=F32)).astype(F32)]
        else:
            raise NotImplementedError(op)
        for name, value in zip(node.output, outs):
            env[name] = value
    return {o.name: env[o.name] for o in model.graph.output}
