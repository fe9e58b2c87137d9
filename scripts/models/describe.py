"""Print an ONNX model's header, inputs, outputs and nodes compactly (for comparing structure).

Usage: python3 scripts/models/describe.py MODEL.onnx [MODEL2.onnx ...]
"""
import sys

import onnx
from onnx import helper


def dims(t):
    if not t.HasField("tensor_type"):
        return str(t).replace("\n", " ")
    return "%s%s" % (onnx.TensorProto.DataType.Name(t.tensor_type.elem_type),
                     [d.dim_value if d.HasField("dim_value") else (d.dim_param or None)
                      for d in t.tensor_type.shape.dim])


def short(v):
    if isinstance(v, list) and len(v) > 6:
        return "[%d values: %s ...]" % (len(v), ", ".join(map(str, v[:3])))
    return v


for path in sys.argv[1:]:
    m = onnx.load(path)
    print("==", path)
    print("ir", m.ir_version, "opset", [(o.domain, o.version) for o in m.opset_import],
          "producer", m.producer_name, m.producer_version, "domain", repr(m.domain))
    for i in m.graph.input:
        print(" in ", i.name, dims(i.type))
    for o in m.graph.output:
        print(" out", o.name, dims(o.type))
    for t in m.graph.initializer:
        print(" init", t.name, t.data_type, list(t.dims))
    for n in m.graph.node:
        attrs = {a.name: short(helper.get_attribute_value(a)) for a in n.attribute}
        print(" node", n.domain or "ai.onnx", n.op_type, repr(n.name), list(n.input), "->", list(n.output), attrs)
