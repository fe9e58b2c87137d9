"""Build ONNX graphs by hand with onnx.helper, imitating skl2onnx 1.14 and onnxmltools 1.11.

The real converters cannot be installed here. These helpers rebuild what they emit, from reading
their source (skl2onnx: operator_converters/{linear_classifier, gradient_boosting, random_forest,
isolation_forest, one_hot_encoder, scaler_op, concat_op, linear_regressor, zip_map}.py,
common/tree_ensemble.py, common/_topology.py; onnxmltools: convert/xgboost/operator_converters/
XGBoost.py; onnxconverter-common: onnx_ops.py, onnx_ex.py):

- skl2onnx records, per node, the opset version its helper asks for: apply_cast -> Cast 9,
  apply_concat -> Concat 11, apply_reshape -> Reshape 5; nodes added without a version (Identity,
  ZipMap, OneHotEncoder, Scaler, LinearClassifier, Normalizer, LinearRegressor) and the algebra
  API (IsolationForest) get the newest schema version <= the target opset (17 for ai.onnx with
  onnx 1.12, 3 for ai.onnx.ml); the tree ensemble converters pass op_version=1. The model's
  opset_import is the maximum per domain; if no ai.onnx node exists, '' is added at the target
  (17). ir_version is 8 (OPSET_TO_IR_VERSION[17]).
- onnxmltools (through onnxconverter-common) records op_version=1 for the TreeEnsemble node, so an
  XGBoost model imports only ai.onnx.ml 1 and no default domain; ir_version 8 (target 15).
"""

import numpy as np
import onnx
from onnx import TensorProto, defs, helper, numpy_helper

SKL2ONNX = {"producer_name": "skl2onnx", "producer_version": "1.14.1", "domain": "ai.onnx",
            "target": 17, "ml_target": 3}
ONNXMLTOOLS = {"producer_name": "OnnxMLTools", "producer_version": "1.13.0",
               "domain": "onnxconverter-common", "target": 15}
# Versions hard-coded by onnxconverter-common's apply_* helpers that skl2onnx uses.
APPLY_VERSION = {"Cast": 9, "Concat": 11, "Reshape": 5}
ML = "ai.onnx.ml"


def schema_version(op, domain, target):
    """Newest since_version of op <= target. Example: schema_version('Identity', '', 17) -> 16"""
    return defs.get_schema(op, target, domain).since_version


class Graph:
    """Collects nodes, initializers, inputs and outputs; names are made unique skl2onnx-style
    (seed, seed1, seed2, ...). Example: g = Graph(); g.var('variable') -> 'variable'."""

    def __init__(self):
        self.nodes, self.inits, self.inputs, self.outputs = [], [], [], []
        self.versions = {}
        self._vars, self._ops = set(), set()

    @staticmethod
    def _unique(seed, pool):
        name, i = seed, 1
        while name in pool:
            name = "%s%d" % (seed, i)
            i += 1
        pool.add(name)
        return name

    def var(self, seed):
        return self._unique(seed, self._vars)

    def reserve(self, *names):
        for n in names:
            self._vars.add(n)

    def node(self, op, inputs, outputs, domain="", version=1, name=None, **attrs):
        """Add a node and record (domain, version) for opset_import."""
        n = helper.make_node(op, list(inputs), list(outputs), name=self._unique(name or op, self._ops),
                             domain=domain, **attrs)
        self.nodes.append(n)
        self.versions[domain] = max(self.versions.get(domain, 0), version)
        return n

    def init(self, seed, array, raw=False):
        """Add an initializer. skl2onnx's container.add_initializer writes typed fields
        (int64_data, float_data: raw=False); its algebra API uses numpy_helper.from_array (raw_data)."""
        name = self.var(seed)
        a = np.asarray(array)
        if raw:
            self.inits.append(numpy_helper.from_array(a, name))
        else:
            elem = helper.np_dtype_to_tensor_dtype(a.dtype) if hasattr(helper, "np_dtype_to_tensor_dtype") \
                else onnx.mapping.NP_TYPE_TO_TENSOR_TYPE[a.dtype]
            self.inits.append(helper.make_tensor(name, elem, list(a.shape), a.ravel().tolist()))
        return name

    def tensor_input(self, name, elem, shape):
        self.reserve(name)
        self.inputs.append(helper.make_tensor_value_info(name, elem, shape))

    def tensor_output(self, name, elem, shape):
        self.outputs.append(helper.make_tensor_value_info(name, elem, shape))

    def zipmap_output(self, name, key_elem):
        vi = onnx.ValueInfoProto()
        vi.name = name
        m = vi.type.sequence_type.elem_type.map_type
        m.key_type = key_elem
        m.value_type.tensor_type.elem_type = TensorProto.FLOAT
        self.outputs.append(vi)


def finalize(g, flavour, graph_name, doc_string=""):
    """Turn a Graph into a ModelProto with the exporter's opset_import, ir_version and producer.

    Example: finalize(g, SKL2ONNX, 'abc') -> ModelProto(ir_version=8, opset_import=['' 16, ml 1])
    """
    graph = helper.make_graph(g.nodes, graph_name, g.inputs, g.outputs, g.inits)
    model = helper.make_model(graph)
    del model.opset_import[:]
    order = [d for d in ("", ML) if d in g.versions]
    for d in order:
        model.opset_import.append(helper.make_opsetid(d, g.versions[d]))
    if flavour is SKL2ONNX and "" not in g.versions:
        model.opset_import.append(helper.make_opsetid("", flavour["target"]))
    model.ir_version = 8
    model.producer_name = flavour["producer_name"]
    model.producer_version = flavour["producer_version"]
    model.domain = flavour["domain"]
    model.model_version = 0
    model.doc_string = doc_string
    onnx.checker.check_model(model)
    return model


# ---------------------------------------------------------------- skl2onnx building blocks

def apply_concat(g, inputs, seed, axis):
    out = g.var(seed)
    g.node("Concat", inputs, [out], version=APPLY_VERSION["Concat"], axis=axis)
    return out


def apply_cast(g, inp, to, out=None):
    out = out or g.var(inp + "_cast")
    g.node("Cast", [inp], [out], version=APPLY_VERSION["Cast"], to=to)
    return out


def one_hot_block(g, columns):
    """skl2onnx 1.14 OneHotEncoder over several [N,1] string inputs: one ai.onnx.ml
    OneHotEncoder per column (zeros=1 for handle_unknown='ignore'), Concat on axis 2, Reshape
    to [-1, total]. columns: list of (input_name, categories). Returns the output name."""
    outs, total = [], 0
    for name, cats in columns:
        out = g.var(name + "out")
        g.node("OneHotEncoder", [name], [out], domain=ML, version=schema_version("OneHotEncoder", ML, 3),
               cats_strings=[str(c).encode("utf-8") for c in cats], zeros=1)
        outs.append(out)
        total += len(cats)
    concat = apply_concat(g, outs, "concat_result", axis=2)
    shape = g.init("shape_tensor", np.array([-1, total], dtype=np.int64))
    out = g.var("variable")
    g.node("Reshape", [concat, shape], [out], version=APPLY_VERSION["Reshape"])
    return out


def scaler(g, inp, offset, scale):
    """ai.onnx.ml Scaler as skl2onnx writes StandardScaler: y = (x - mean) * (1 / scale)."""
    out = g.var("variable")
    g.node("Scaler", [inp], [out], domain=ML, version=schema_version("Scaler", ML, 3),
           offset=[float(v) for v in offset], scale=[float(v) for v in scale])
    return out


def zipmap_outputs(g, label, proba, classes):
    """skl2onnx's default ZipMap: output_label (Identity for strings, Cast for ints) and
    output_probability = ZipMap(probabilities)."""
    strings = all(isinstance(c, str) for c in classes)
    if strings:
        g.node("Identity", [label], ["output_label"], version=schema_version("Identity", "", 17))
        g.tensor_output("output_label", TensorProto.STRING, [None])
        g.node("ZipMap", [proba], ["output_probability"], domain=ML, version=1,
               classlabels_strings=[c.encode("utf-8") for c in classes])
        g.zipmap_output("output_probability", TensorProto.STRING)
    else:
        apply_cast(g, label, TensorProto.INT64, out="output_label")
        g.tensor_output("output_label", TensorProto.INT64, [None])
        g.node("ZipMap", [proba], ["output_probability"], domain=ML, version=1,
               classlabels_int64s=[int(c) for c in classes])
        g.zipmap_output("output_probability", TensorProto.INT64)


def class_label_attr(classes):
    """classlabels_strings or classlabels_int64s as the converters choose them."""
    if all(isinstance(c, str) for c in classes):
        return {"classlabels_strings": [c.encode("utf-8") for c in classes]}
    return {"classlabels_int64s": [int(c) for c in classes]}


# ---------------------------------------------------------------- trees

def float32_floor(t):
    """Largest float32 <= t: skl2onnx's sklearn_threshold for float inputs, so that
    float32(x) <= t (sklearn, double threshold) <=> float32(x) <= stored threshold.
    Example: float32_floor(0.1) -> 0.099999994"""
    f = np.float32(t)
    if float(f) > float(t):
        f = np.nextafter(f, np.float32(-np.inf))
    return f


def new_tree_attrs(kind):
    keys = ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
            "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true",
            "nodes_hitrates"]
    pre = "class" if kind == "classifier" else "target"
    keys += [pre + "_treeids", pre + "_nodeids", pre + "_ids", pre + "_weights"]
    attrs = {k: [] for k in keys}
    attrs["post_transform"] = "NONE"
    return attrs


def add_sklearn_tree(attrs, tree, tree_id, leaf_weights, hitrates=True):
    """Append one fitted sklearn tree (tree_) as skl2onnx's add_tree_to_attribute_pairs does:
    node ids = sklearn node indices, BRANCH_LEQ with float32-floored thresholds, true = left.
    leaf_weights(i) returns [(class_or_target_id, weight), ...] for leaf i."""
    pre = "class" if "class_ids" in attrs else "target"
    for i in range(tree.node_count):
        left, right = int(tree.children_left[i]), int(tree.children_right[i])
        branch = left > i or right > i
        attrs["nodes_treeids"].append(tree_id)
        attrs["nodes_nodeids"].append(i)
        attrs["nodes_featureids"].append(int(tree.feature[i]) if branch else 0)
        attrs["nodes_modes"].append("BRANCH_LEQ" if branch else "LEAF")
        attrs["nodes_values"].append(float32_floor(tree.threshold[i]) if branch else 0.0)
        attrs["nodes_truenodeids"].append(left if branch else 0)
        attrs["nodes_falsenodeids"].append(right if branch else 0)
        attrs["nodes_missing_value_tracks_true"].append(0)
        if hitrates:
            attrs["nodes_hitrates"].append(1.0)
        if not branch:
            for k, w in leaf_weights(i):
                attrs[pre + "_treeids"].append(tree_id)
                attrs[pre + "_nodeids"].append(i)
                attrs[pre + "_ids"].append(k)
                attrs[pre + "_weights"].append(w)


def float32_lists(attrs):
    """skl2onnx casts these attribute lists to float32 before writing them."""
    for k in ("nodes_values", "class_weights", "target_weights", "nodes_hitrates", "base_values"):
        if k in attrs:
            attrs[k] = np.array(attrs[k], dtype=np.float32)
    return attrs


def classifier_leaf(tree, weight, counts, n_classes):
    """Leaf weights of a classifier tree: normalised counts (random forest) or raw values, times
    the tree weight; binary models keep only the class-1 weight under class id 0."""
    def leaf(i):
        w = np.asarray(tree.value[i], dtype=np.float64).ravel()
        factor = weight
        if counts:
            s = w.sum()
            factor = weight / (s if s != 0 else 1.0)
        w = w * factor
        if n_classes == 2 and len(w) == 2:
            return [(0, float(w[1]))]
        return [(k, float(v)) for k, v in enumerate(w)]
    return leaf


def regressor_leaf(tree, weight):
    def leaf(i):
        return [(0, float(np.asarray(tree.value[i]).ravel()[0]) * weight)]
    return leaf
