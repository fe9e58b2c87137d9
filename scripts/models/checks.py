"""Numeric checks of a built model against the training library's own predictions."""

import numpy as np
import onnx

import onnx_eval


def evaluate(path, feeds):
    """Run the saved model file with the independent numpy evaluator."""
    return onnx_eval.run_model(onnx.load(path), feeds)


def max_diff(name, onnx_values, lib_values, tol):
    """Max |onnx - library| with the row where it occurs; raises if above tol.

    Example: max_diff('p', [0.1], [0.1000001], 1e-4) -> 'p: max |diff| 1.0e-07 (row 0), tol 1e-04'
    """
    a = np.asarray(onnx_values, dtype=np.float64)
    b = np.asarray(lib_values, dtype=np.float64)
    if a.size != b.size:
        raise AssertionError("%s: sizes differ %s vs %s" % (name, a.shape, b.shape))
    a = a.reshape(b.shape) if b.ndim == 2 else a.reshape(-1, 1)
    b = b.reshape(a.shape)
    nan_a, nan_b = np.isnan(a), np.isnan(b)
    if (nan_a != nan_b).any():
        raise AssertionError("%s: NaN pattern differs" % name)
    d = np.abs(np.where(nan_a, 0, a - b))
    row = int(np.unravel_index(np.argmax(d), d.shape)[0])
    worst = float(d.max())
    msg = "%s: max |diff| %.1e (row %d), tol %.0e" % (name, worst, row, tol)
    if worst > tol:
        raise AssertionError(msg)
    return msg


def same_labels(name, onnx_labels, lib_labels, allow=0):
    """Count rows whose predicted labels differ; raises if more than allow."""
    a = [str(v) for v in np.asarray(onnx_labels).ravel()]
    b = [str(v) for v in np.asarray(lib_labels).ravel()]
    bad = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
    msg = "%s: %d of %d labels differ%s" % (name, len(bad), len(a), (" (rows %s)" % bad[:10]) if bad else "")
    if len(bad) > allow:
        raise AssertionError(msg)
    return msg


def zipmap_matrix(maps, classes):
    """[N, K] float matrix from a ZipMap output (list of dicts) in class order."""
    return np.array([[m[c] for c in classes] for m in maps], dtype=np.float64)


def mutated_rows(path, feeds, mutate, output, col, reference, tol):
    """Rows whose output moves by more than tol after mutate(model) edits the loaded graph: shows
    that the fixture detects that kind of mistake.

    Example: mutated_rows('m.onnx', feeds, drop_base_values, 'probabilities', 1, ref, 1e-5) -> 1000
    """
    m = onnx.load(path)
    mutate(m)
    out = np.asarray(onnx_eval.run_model(m, feeds)[output], dtype=np.float64)
    out = out[:, col] if out.ndim == 2 else out.ravel()
    return int((np.abs(out - np.asarray(reference, dtype=np.float64)) > tol).sum())
