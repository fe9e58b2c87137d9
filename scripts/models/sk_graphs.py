"""Graph fragments for fitted scikit-learn / xgboost objects, as skl2onnx 1.14 and onnxmltools
1.11 emit them (see onnx_build.py for the sources read). Each function adds nodes to a Graph and
returns the name of the tensor it produced.
"""

import json

import numpy as np
from onnx import TensorProto

import onnx_build as ob
from onnx_build import ML

ELEM = {"float": TensorProto.FLOAT, "int64": TensorProto.INT64, "string": TensorProto.STRING}


def column_inputs(g, names, kinds):
    """One [None, 1] input per DataFrame column, typed as convert_dataframe_schema does:
    int64 -> Int64TensorType, float64 -> FloatTensorType, anything else -> StringTensorType."""
    for name in names:
        g.tensor_input(name, ELEM[kinds[name]], [None, 1])


def column_transformer(g, blocks):
    """ColumnTransformer as skl2onnx's parser converts it. blocks: list of
    ('onehot', [(col, categories)]) | ('scaler', [cols], mean, scale) | ('passthrough', [cols], kind).
    Multi-column blocks other than OneHotEncoder are first merged with Concat(axis=1); the final
    SklearnConcat casts non-float parts to float and concatenates on axis 1."""
    parts = []
    for block in blocks:
        if block[0] == "onehot":
            parts.append((ob.one_hot_block(g, block[1]), "float"))
            continue
        cols = block[1]
        merged = ob.apply_concat(g, cols, "merged_columns", axis=1) if len(cols) > 1 else cols[0]
        if block[0] == "scaler":
            parts.append((ob.scaler(g, merged, block[2], block[3]), "float"))
        else:
            parts.append((merged, block[2]))
    inputs = [name if kind == "float" else ob.apply_cast(g, name, TensorProto.FLOAT) for name, kind in parts]
    return ob.apply_concat(g, inputs, "transformed_column", axis=1)


def logistic_regression(g, x, clf):
    """skl2onnx LinearClassifier for LogisticRegression (sklearn 1.2, multi_class='auto'):
    binary -> coefficients [-w, w], intercepts [-b, b], multi_class=1, LOGISTIC; multinomial ->
    SOFTMAX; then Normalizer(L1) because multi_class != 'ovr'. Returns (label, probabilities)."""
    classes = list(clf.classes_)
    coef = clf.coef_.astype(float).ravel().tolist()
    inter = clf.intercept_.tolist()
    if len(classes) == 2:
        coef = [-c for c in coef] + coef
        inter = [-b for b in inter] + inter
    ovr = clf.multi_class == "ovr" or (clf.multi_class == "auto" and (len(classes) <= 2 or clf.solver == "liblinear"))
    label, tensor = g.var("label"), g.var("probability_tensor")
    attrs = {"coefficients": coef, "intercepts": inter, "multi_class": 0 if clf.multi_class == "ovr" else 1,
             "post_transform": "LOGISTIC" if ovr else "SOFTMAX"}
    if all(isinstance(c, str) for c in classes):
        attrs["classlabels_strings"] = [c.encode("utf-8") for c in classes]
    else:
        attrs["classlabels_ints"] = [int(c) for c in classes]
    g.node("LinearClassifier", [x], [label, tensor], domain=ML,
           version=ob.schema_version("LinearClassifier", ML, 3), **attrs)
    proba = g.var("probabilities")
    g.node("Normalizer", [tensor], [proba], domain=ML, version=ob.schema_version("Normalizer", ML, 3), norm="L1")
    return label, proba


def tree_classifier(g, x, clf, kind):
    """skl2onnx TreeEnsembleClassifier (op_version 1) for RandomForestClassifier ('forest') or
    GradientBoostingClassifier ('gbc')."""
    classes = list(clf.classes_)
    n = len(classes)
    attrs = ob.new_tree_attrs("classifier")
    if kind == "forest":
        for t, est in enumerate(clf.estimators_):
            ob.add_sklearn_tree(attrs, est.tree_, t, ob.classifier_leaf(est.tree_, 1.0 / len(clf.estimators_), True, n))
    else:
        base = clf._raw_predict_init(np.zeros((1, clf.n_features_in_))).ravel()
        attrs["base_values"] = [float(v) for v in base]
        attrs["post_transform"] = "LOGISTIC" if n == 2 else "SOFTMAX"
        for i in range(clf.n_estimators_):
            for c in range(1 if n == 2 else n):
                tree = clf.estimators_[i][c].tree_
                tid = i if n == 2 else i * n + c
                ob.add_sklearn_tree(attrs, tree, tid, _gb_leaf(tree, clf.learning_rate, c if n > 2 else 0))
    attrs.update(ob.class_label_attr([c.item() if hasattr(c, "item") else c for c in classes]))
    label, proba = g.var("label"), g.var("probabilities")
    g.node("TreeEnsembleClassifier", [x], [label, proba], domain=ML, version=1, **ob.float32_lists(attrs))
    return label, proba


def _gb_leaf(tree, lr, class_id):
    def leaf(i):
        return [(class_id, float(tree.value[i].ravel()[0]) * lr)]
    return leaf


def tree_regressor(g, x, reg, kind, out="variable"):
    """skl2onnx TreeEnsembleRegressor (op_version 1) for GradientBoostingRegressor ('gbr':
    base_values = init_.constant_, weights * learning_rate) or RandomForestRegressor ('forest':
    weights / n_trees)."""
    attrs = ob.new_tree_attrs("regressor")
    attrs["n_targets"] = 1
    if kind == "gbr":
        attrs["base_values"] = [float(v) for v in np.ravel(reg.init_.constant_)]
        for i in range(reg.n_estimators_):
            tree = reg.estimators_[i][0].tree_
            ob.add_sklearn_tree(attrs, tree, i, ob.regressor_leaf(tree, reg.learning_rate))
    else:
        w = 1.0 / len(reg.estimators_)
        for t, est in enumerate(reg.estimators_):
            ob.add_sklearn_tree(attrs, est.tree_, t, ob.regressor_leaf(est.tree_, w))
    g.node("TreeEnsembleRegressor", [x], [out], domain=ML, version=1, **ob.float32_lists(attrs))
    g.tensor_output(out, TensorProto.FLOAT, [None, 1])
    return out


def linear_regressor(g, x, reg, out="variable"):
    """skl2onnx LinearRegressor: float32 coefficients and intercept."""
    g.node("LinearRegressor", [x], [out], domain=ML, version=ob.schema_version("LinearRegressor", ML, 3),
           coefficients=np.asarray(reg.coef_, dtype=np.float32).ravel(),
           intercepts=np.array([reg.intercept_], dtype=np.float32).ravel())
    g.tensor_output(out, TensorProto.FLOAT, [None, 1])
    return out


# ---------------------------------------------------------------- onnxmltools XGBoost

def xgb_classifier_attrs(model):
    """TreeEnsembleClassifier attributes as onnxmltools 1.11 writes a binary:logistic XGBClassifier:
    trees from get_dump(json), nodes renumbered in depth-first order, BRANCH_LT on the dumped
    split_condition, true = 'yes', missing_value_tracks_true = (missing == yes), leaf weights
    under class id 0, post_transform LOGISTIC, base_values = [logit(base_score)] unless 0.5,
    no nodes_hitrates."""
    dumps = [json.loads(s) for s in model.get_booster().get_dump(with_stats=True, dump_format="json")]
    keys = ["nodes_treeids", "nodes_nodeids", "nodes_featureids", "nodes_modes", "nodes_values",
            "nodes_truenodeids", "nodes_falsenodeids", "nodes_missing_value_tracks_true",
            "class_treeids", "class_nodeids", "class_ids", "class_weights"]
    attrs = {k: [] for k in keys}
    for tid, root in enumerate(dumps):
        remap = {}
        _number(root, remap)
        _emit(root, tid, remap, attrs)
    attrs["post_transform"] = "LOGISTIC"
    attrs["class_ids"] = [0 for _ in attrs["class_treeids"]]
    bs = float(model.get_xgb_params()["base_score"])
    if dumps[0].get("leaf", None) == 0:
        attrs["base_values"] = [bs]
    elif bs != 0.5:
        attrs["base_values"] = [float(-np.log(1 / np.float32(bs) - 1.0))]
    attrs["classlabels_int64s"] = [int(c) for c in model.classes_]
    return attrs


def _number(node, remap):
    remap[node["nodeid"]] = len(remap)
    for ch in node.get("children", []):
        _number(ch, remap)


def _emit(node, tid, remap, attrs):
    branch = "children" in node
    attrs["nodes_treeids"].append(tid)
    attrs["nodes_nodeids"].append(remap[node["nodeid"]])
    attrs["nodes_featureids"].append(int(node["split"][1:]) if branch else 0)
    attrs["nodes_modes"].append("BRANCH_LT" if branch else "LEAF")
    attrs["nodes_values"].append(float(node["split_condition"]) if branch else 0.0)
    attrs["nodes_truenodeids"].append(remap[node["yes"]] if branch else 0)
    attrs["nodes_falsenodeids"].append(remap[node["no"]] if branch else 0)
    attrs["nodes_missing_value_tracks_true"].append(int(node.get("missing", -1) == node["yes"]) if branch else 0)
    if branch:
        for ch in node["children"]:
            _emit(ch, tid, remap, attrs)
    else:
        attrs["class_treeids"].append(tid)
        attrs["class_nodeids"].append(remap[node["nodeid"]])
        attrs["class_ids"].append(0)
        attrs["class_weights"].append(float(node["leaf"]))
