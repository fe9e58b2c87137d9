"""Independent reference SHAP values for the demos, computed from the fitted scikit-learn
pipelines (not from the ONNX files), to check what Einblick's CLI reports.

Interventional SHAP with the source columns as players: v(S) = mean over background rows b of
f(x_S, b_rest). Hybrids are built in the pipeline's transformed space: a player's block of
transformed columns (its one-hot block, or its one scaled / passed-through column) comes from x
or from b. Three exact methods:

- linear_logit: closed form for a logistic regression in log-odds,
  phi_j = sum over j's transformed columns k of w_k (z_k(x) - mean_b z_k(b)).
- trees_logit: gradient boosting in log-odds is a sum of trees, so phi = learning_rate * sum over
  trees of each tree's Shapley values, each enumerated over the (at most 7) players it splits on.
- enumerate_probability: all 2^P coalitions of P players, f = P(positive class) (P <= 12).

Example: players, phi = trees_logit(pipe, X[rows], X[bg], pos=1)  # phi: [len(rows), P]
"""

from math import factorial

import numpy as np


def player_blocks(pipe, order):
    """Transformed column indices of each source column (player), in `order`.

    Example: player_blocks(pipe, ORDER)['Stadtteil'] -> [8, 9, 10, 11, 12, 13]
    """
    ct = pipe.named_steps["pre"]
    blocks = {}
    for name, tr, cols in ct.transformers_:
        if name == "remainder":
            continue
        sl = ct.output_indices_[name]
        start = sl.start
        for j, c in enumerate(cols):
            width = len(tr.categories_[j]) if hasattr(tr, "categories_") else 1
            blocks[order[c]] = list(range(start, start + width))
            start += width
        if start != sl.stop:
            raise AssertionError("block %s: %d columns, expected %d" % (name, start - sl.start, sl.stop - sl.start))
    return {c: blocks[c] for c in order}


def _pairs(Zx, Zb):
    """All (explained row, background row) pairs: x repeated, b tiled; shape [nx * nb, F]."""
    nx, nb = len(Zx), len(Zb)
    return np.repeat(Zx, nb, axis=0), np.tile(Zb, (nx, 1)), nx, nb


def _weights(p):
    return [factorial(s) * factorial(p - s - 1) / factorial(p) for s in range(p)]


def _shapley(values, p):
    """values[mask] -> [nx] game values; returns phi [nx, p]."""
    w = _weights(p)
    phi = np.zeros((values[0].shape[0], p))
    for mask in range(1 << p):
        size = bin(mask).count("1")
        for j in range(p):
            if not mask & (1 << j):
                phi[:, j] += w[size] * (values[mask | (1 << j)] - values[mask])
    return phi


def _hybrid(Xp, Bp, cols):
    H = Bp.copy()
    if cols:
        H[:, cols] = Xp[:, cols]
    return H


def linear_logit(pipe, order, X, B, pos):
    """Exact linear SHAP in log-odds of class `pos` (closed form)."""
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    w = clf.coef_.ravel() * (1.0 if pos == 1 else -1.0)
    Zx, Zb = ct.transform(X).astype(float), ct.transform(B).astype(float)
    d = (Zx - Zb.mean(axis=0)) * w
    blocks = player_blocks(pipe, order)
    return order, np.stack([d[:, blocks[c]].sum(axis=1) for c in order], axis=1)


def trees_logit(pipe, order, X, B, pos):
    """Exact interventional tree SHAP in log-odds of class `pos` for a binary GradientBoostingClassifier."""
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    blocks = player_blocks(pipe, order)
    owner = {k: c for c, ks in blocks.items() for k in ks}
    Xp, Bp, nx, nb = _pairs(ct.transform(X).astype(float), ct.transform(B).astype(float))
    phi = np.zeros((nx, len(order)))
    for est in clf.estimators_[:, 0]:
        tree = est.tree_
        used = sorted({owner[int(f)] for f in tree.feature[tree.feature >= 0]}, key=order.index)
        values = {}
        for mask in range(1 << len(used)):
            cols = [k for j, c in enumerate(used) if mask & (1 << j) for k in blocks[c]]
            values[mask] = est.predict(_hybrid(Xp, Bp, cols)).reshape(nx, nb).mean(axis=1)
        part = _shapley(values, len(used))
        for j, c in enumerate(used):
            phi[:, order.index(c)] += clf.learning_rate * part[:, j]
    return order, phi * (1.0 if pos == 1 else -1.0)


def enumerate_probability(pipe, order, X, B, pos):
    """Exact interventional SHAP of P(class pos) by enumerating all coalitions of the players."""
    ct, clf = pipe.named_steps["pre"], pipe.named_steps["clf"]
    if len(order) > 12:
        raise ValueError("too many players for enumeration: %d" % len(order))
    blocks = player_blocks(pipe, order)
    Xp, Bp, nx, nb = _pairs(ct.transform(X).astype(float), ct.transform(B).astype(float))
    values = {}
    for mask in range(1 << len(order)):
        cols = [k for j, c in enumerate(order) if mask & (1 << j) for k in blocks[c]]
        values[mask] = clf.predict_proba(_hybrid(Xp, Bp, cols))[:, pos].reshape(nx, nb).mean(axis=1)
    return order, _shapley(values, len(order))


def ranking(players, phi):
    """Players by mean |SHAP|, largest first: [(player, value), ...]."""
    m = np.abs(np.asarray(phi)).mean(axis=0)
    return [(players[i], float(m[i])) for i in np.argsort(-m, kind="stable")]
