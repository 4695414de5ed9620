"""Node positions computed at build time, so the page never runs physics.

Each connected component is laid out on its own with a seeded force-directed layout
(networkx `spring_layout`; above 500 nodes networkx needs SciPy, which the project does not
depend on, so large components use the same Fruchterman–Reingold model in chunked NumPy),
scaled so that node density is the same in every component, and the components are packed
in rows, largest first.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SEED = 7
SPACING = 95.0        # pixels between isolated nodes (grid), components
NEIGHBOUR_DISTANCE = 105.0  # pixels from a node to its nearest node, for most nodes
_NX_LIMIT = 500       # networkx's dense solver below this size
_CHUNK = 1024
_LABEL_CHECK = 60     # components up to this size get room for their labels


def layout(n_nodes: int, edges: list[tuple[int, int]], *, widths: list[float] | None = None,
           seed: int = SEED) -> list[tuple[int, int]]:
    """Positions (pixels) for nodes 0..n_nodes-1 given undirected `edges`; `widths` are the nodes' label
    widths in pixels (they space isolated nodes and small components so labels do not overlap)."""
    g = nx.Graph()
    g.add_nodes_from(range(n_nodes))
    g.add_edges_from((a, b) for a, b in edges if a != b)
    comps = sorted((sorted(c) for c in nx.connected_components(g)), key=lambda c: (-len(c), c[0]))
    boxes = []
    singles = []
    for comp in comps:
        if len(comp) == 1:
            singles.append(comp[0])
            continue
        pos = _component_layout(g.subgraph(comp), comp, seed)
        if widths and len(comp) <= _LABEL_CHECK:
            pos = _room_for_labels(pos, [widths[v] for v in comp])
        boxes.append((comp, pos))
    if singles:  # isolated nodes: a grid
        side = math.ceil(math.sqrt(len(singles)))
        cell = max([SPACING] + [widths[v] + 24 for v in singles] if widths else [SPACING])
        pos = np.array([[(k % side) * cell, (k // side) * SPACING * 0.8] for k in range(len(singles))], dtype=float)
        boxes.append((singles, pos))
    return _no_level_edges(_pack(n_nodes, boxes), g)


def _no_level_edges(pos: list[tuple[int, int]], g: nx.Graph) -> list[tuple[int, int]]:
    """vis-network 9 keeps integer positions and draws the label of an exactly horizontal edge at the
    canvas origin (its label rotation is skipped when the angle is 0); move one end by a pixel."""
    ys = [p[1] for p in pos]
    for _ in range(5):
        moved = False
        for a, b in g.edges():
            if ys[a] == ys[b]:
                ys[max(a, b)] += 1
                moved = True
        if not moved:
            break
    return [(x, y) for (x, _), y in zip(pos, ys)]


def _component_layout(sub: nx.Graph, comp: list[int], seed: int) -> np.ndarray:
    n = len(comp)
    if n <= 3:
        ring = [[math.cos(2 * math.pi * k / n), math.sin(2 * math.pi * k / n)] for k in range(n)]
        pos = np.array(ring, dtype=float) * (0.5 if n == 2 else 0.6)
    elif n < _NX_LIMIT:
        p = nx.spring_layout(sub, seed=seed, iterations=80, method="force")
        pos = np.array([p[v] for v in comp], dtype=float)
    else:
        try:
            p = nx.spring_layout(sub, seed=seed, iterations=80)
            pos = np.array([p[v] for v in comp], dtype=float)
        except ImportError:  # networkx's sparse solver needs SciPy
            local = {v: k for k, v in enumerate(comp)}
            pos = _fruchterman_reingold(n, [(local[a], local[b]) for a, b in sub.edges()], seed,
                                        iterations=60 if n <= 2000 else 40)
    pos = pos - pos.mean(axis=0)
    # principal axis horizontal: screens are wider than tall
    _, vecs = np.linalg.eigh(np.cov(pos.T))
    pos = pos @ vecs[:, ::-1]
    return _scale_to_spacing(pos, NEIGHBOUR_DISTANCE)


def _room_for_labels(pos: np.ndarray, widths: list[float]) -> np.ndarray:
    """Scale a small component up (at most 2.5×) until no two labels (drawn under their nodes, about
    20 px high) overlap."""
    need = 1.0
    n = len(pos)
    for a in range(n):
        for b in range(a + 1, n):
            dx, dy = abs(pos[a, 0] - pos[b, 0]), abs(pos[a, 1] - pos[b, 1])
            room = (widths[a] + widths[b]) / 2 + 40  # and an edge label between them
            if dy < 22 and dx < room:
                need = max(need, min(room / max(dx, 1e-6), 22 / max(dy, 1e-6)))
    return pos * min(need, 2.5)


def _scale_to_spacing(pos: np.ndarray, target: float) -> np.ndarray:
    """Scale so that most nodes (70 %) are at least `target` pixels from their nearest node: room for
    labels whatever the component's size or the outliers of its layout."""
    n = len(pos)
    nearest = np.empty(n)
    for lo in range(0, n, _CHUNK):
        hi = min(n, lo + _CHUNK)
        d2 = ((pos[lo:hi, None, :] - pos[None, :, :]) ** 2).sum(axis=2)
        d2[np.arange(hi - lo), np.arange(lo, hi)] = np.inf
        nearest[lo:hi] = np.sqrt(d2.min(axis=1))
    scale = float(np.percentile(nearest, 30))
    return pos * (target / scale) if scale > 0 else pos * target


def _fruchterman_reingold(n: int, edges: list[tuple[int, int]], seed: int, iterations: int = 60) -> np.ndarray:
    """Fruchterman–Reingold as in networkx's dense solver (repulsion k²/d, attraction d²/k, linear cooling),
    in float32 row blocks with preallocated buffers: memory O(block·n)."""
    rng = np.random.default_rng(seed)
    pos = rng.random((n, 2), dtype=np.float32)
    k2 = np.float32(1.0 / n)
    k = np.float32(math.sqrt(1.0 / n))
    eps = np.float32(1e-6)
    ea = np.array([a for a, _ in edges], dtype=np.int64)
    eb = np.array([b for _, b in edges], dtype=np.int64)
    rows = min(n, _CHUNK)
    dx = np.empty((rows, n), dtype=np.float32)
    dy = np.empty((rows, n), dtype=np.float32)
    w = np.empty((rows, n), dtype=np.float32)
    t = 0.1
    dt = t / (iterations + 1)
    for _ in range(iterations):
        x, y = pos[:, 0].copy(), pos[:, 1].copy()
        disp = np.empty((n, 2), dtype=np.float32)
        for lo in range(0, n, _CHUNK):
            hi = min(n, lo + _CHUNK)
            m = hi - lo
            bx, by, bw = dx[:m], dy[:m], w[:m]
            np.subtract.outer(x[lo:hi], x, out=bx)
            np.subtract.outer(y[lo:hi], y, out=by)
            np.multiply(bx, bx, out=bw)
            bw += by * by                                   # squared distances
            np.maximum(bw, eps, out=bw)
            np.divide(k2, bw, out=bw)                       # repulsion k²/d, over d for the unit vector
            disp[lo:hi, 0] = np.einsum("ij,ij->i", bx, bw)
            disp[lo:hi, 1] = np.einsum("ij,ij->i", by, bw)
        if len(ea):
            delta = pos[ea] - pos[eb]
            dist = np.sqrt((delta * delta).sum(axis=1))
            f = delta * (dist / k)[:, None]
            np.add.at(disp, ea, -f)
            np.add.at(disp, eb, f)
        length = np.maximum(np.sqrt((disp * disp).sum(axis=1)), np.float32(0.01))
        pos += disp * (np.minimum(length, t) / length)[:, None]
        t -= dt
    return pos.astype(float)


def _pack(n_nodes: int, boxes) -> list[tuple[int, int]]:
    """Rows of component boxes, largest first; of a few row widths, the one whose bounding box best
    fills a landscape screen (aspect about 1.6) at the largest zoom."""
    out = [(0, 0)] * n_nodes
    if not boxes:
        return out
    gap = SPACING * 1.2
    sized = []
    for comp, pos in boxes:
        lo, hi = pos.min(axis=0), pos.max(axis=0)
        sized.append((comp, pos - lo, hi - lo))
    widths = [w for _, _, (w, _h) in sized]
    lo_w, hi_w = max(widths), sum(w + gap for w in widths)
    best = None
    for k in range(16):
        row_width = lo_w + (hi_w - lo_w) * k / 15
        places, width, height = _rows(sized, row_width, gap)
        zoom = min(1.6 / max(width, 1.0), 1.0 / max(height, 1.0))  # fit into a 1.6 × 1 screen
        if best is None or zoom > best[0] * 1.0001:
            best = (zoom, places)
    for (comp, pos, _), (x, y) in zip(sized, best[1]):
        for v, (px, py) in zip(comp, pos):
            out[v] = (int(round(float(px + x))), int(round(float(py + y))))
    return out


def _rows(sized, row_width: float, gap: float):
    places = []
    x = y = row_h = width = 0.0
    for _, _, (w, h) in sized:
        if x > 0 and x + w > row_width:
            x, y, row_h = 0.0, y + row_h + gap, 0.0
        places.append((x, y))
        width = max(width, x + w)
        x += w + gap
        row_h = max(row_h, h)
    return places, width, y + row_h
