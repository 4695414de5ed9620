"""The self-contained HTML explorer: pyvis generates the page from our template, with vis-network's
JavaScript and CSS inlined from the installed pyvis package, so the file works from file:// offline.

Safety: every string from the graph is plain text. Node and edge titles are strings, which
vis-network 9 renders with `innerText`; the panel, legend, search and timeline build DOM nodes with
`textContent`. Embedded JSON escapes `<`, `>`, `&`, `/` and U+2028/9, so no `</script>` or `<!--`
can end a script block and no literal URL appears in the data. A Content-Security-Policy allows only
the page's own scripts (by hash) and no network access at all.
"""
from __future__ import annotations

import base64
import hashlib
import json
import re
from functools import lru_cache
from pathlib import Path

from rdflib import Graph

from ..export.atomic import atomic_path
from .data import CLASS_COLORS, CLASS_ORDER, OTHER, View, build_view
from .layout import layout

HERE = Path(__file__).resolve().parent
TEMPLATE = "template.html"
LABEL_MAX = 14          # characters of a label drawn on the canvas
TITLE_SENTENCE_MAX = 160
FONT = ("-apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', "
        "'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif")
_JSON_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "/": "\\/",
                 "\u2028": "\\u2028", "\u2029": "\\u2029"}
_JSON_ESCAPE_RE = re.compile("[<>&/\u2028\u2029]")


def write_explorer(graph: Graph, target: Path, *, cap: int = 1500, focus: str | None = None,
                   hops: int = 1) -> dict:
    """Write the explorer of `graph` to `target` (atomically).

    Shows the `cap` most connected entities (the rest stay searchable); with `focus`, only the
    entities within `hops` relations of the entity labelled `focus` (raises `FocusNotFound`, a
    `ValueError`, if there is none). Returns {"nodes": shown, "hidden": not shown, "edges": drawn}.
    """
    from ..graph.build import ontology_graph

    view = build_view(graph, ontology_graph(), cap=cap, focus=focus, hops=hops)
    html, info = render(view)
    with atomic_path(Path(target)) as tmp:
        tmp.write_text(html, encoding="utf-8")
    return info


def render(view: View) -> tuple[str, dict]:
    from pyvis.network import Network

    shown = set(view.shown)
    edges = _edges(view, shown)
    local = {e: k for k, e in enumerate(view.shown)}
    widths = [_label_width(_short(view.entities[i].label)) for i in view.shown]
    positions = layout(len(view.shown), [(local[a], local[b]) for a, b in edges], widths=widths)

    first_ev: dict[int, int] = {}
    for st in view.statements:
        if st.ev:
            for end in (st.s, st.o):
                if end is not None:
                    first_ev.setdefault(end, st.ev[0])

    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _IdList()  # pyvis checks `id in node_ids` (a list) for every node and edge added
    for k, i in enumerate(view.shown):
        e = view.entities[i]
        x, y = positions[k]
        net.add_node(i, label=_short(e.label), title=_node_title(view, i, first_ev.get(i)), x=x, y=y,
                     color=_color(e.cls), size=round(9 + 3.2 * min(e.degree, 80) ** 0.5, 1),
                     cls=e.cls, physics=False)
    for eid, ((a, b), sts) in enumerate(edges.items()):
        net.add_edge(a, b, id=eid, label=_edge_label(view, [view.statements[k] for k in sts]),
                     title=_edge_title(view, sts), st=sts)
    net.options = _options(len(view.shown))
    net.set_template_dir(str(HERE) + "/", TEMPLATE)
    env = net.templateEnv
    env.filters["kgjson"] = lambda obj: safe_json(obj)
    env.filters["kgjsontext"] = lambda s: _escape_json_text(s)
    scripts = _scripts()
    env.globals.update(
        kg_data=safe_json(_data(view)),
        vis_css=_asset_css(),
        app_css=(HERE / "explorer.css").read_text(encoding="utf-8"),
        scripts=scripts,
        csp=_csp(scripts),
        page_title=_page_title(view),
    )
    html = net.generate_html()
    info = {"nodes": len(view.shown), "hidden": len(view.entities) - len(view.shown), "edges": len(edges)}
    return html, info


# ---------------------------------------------------------------- text for vis

def _short(label: str) -> str:
    return label if len(label) <= LABEL_MAX else label[: LABEL_MAX - 1] + "…"


def _label_width(label: str) -> float:
    """Approximate pixels of a label at the node font size (CJK characters are about twice as wide)."""
    return sum(15.0 if ord(ch) > 0x2E80 else 8.5 for ch in label)


def _clip(s: str, n: int = TITLE_SENTENCE_MAX) -> str:
    return s if len(s) <= n else s[: n - 1] + "…"


def _color(cls: str) -> dict:
    c = CLASS_COLORS.get(cls, CLASS_COLORS[OTHER])
    return {"background": c, "border": _darker(c), "highlight": {"background": c, "border": "#111111"},
            "hover": {"background": c, "border": "#111111"}}


def _darker(hex_color: str) -> str:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return "#%02x%02x%02x" % (int(r * 0.7), int(g * 0.7), int(b * 0.7))


def _source_line(view: View, ev: int) -> str:
    _, d, _, _ = view.evidence[ev]
    if d < 0:
        return ""
    doc = view.docs[d]
    return "——《" + doc["title"] + "》" + (" " + doc["published"] if doc["published"] else "")


class _IdList(list):
    """pyvis's list of node ids with set-speed membership tests."""

    def __init__(self):
        super().__init__()
        self._ids = set()

    def append(self, item):
        self._ids.add(item)
        super().append(item)

    def __contains__(self, item):
        return item in self._ids


def _node_title(view: View, i: int, ev: int | None) -> str:
    """Plain text (vis-network shows string titles with innerText)."""
    e = view.entities[i]
    zh, en = view.classes.get(e.cls, (e.cls, e.cls))
    lines = [e.label, f"{zh} · {en}"]
    names = [n for n in (*e.pref, *e.alt, *e.other) if n != e.label]
    if names:
        lines.append("别名：" + "、".join(names[:6]) + ("…" if len(names) > 6 else ""))
    if ev is None and e.type_ev:
        ev = e.type_ev[0]
    if ev is not None:
        lines.append("证据：" + _clip(view.sentences[view.evidence[ev][0]]))
        src = _source_line(view, ev)
        if src:
            lines.append(src)
    lines.append("（点击查看全部陈述与出处）")
    return "\n".join(lines)


def _edge_label(view: View, sts) -> str:
    """担任 副市长、市委常委 · 推介: the Chinese property labels, values of the same property joined."""
    values: dict[str, list[str]] = {}
    for st in sts:
        vals = values.setdefault(st.prop, [])
        if st.value and st.value not in vals:
            vals.append(st.value)
    parts = []
    for prop, vals in values.items():
        zh = view.props.get(prop, (prop,))[0]
        parts.append(f"{zh} {'、'.join(vals)}" if vals else zh)
    return " · ".join(parts)


def _edge_title(view: View, sts: list[int]) -> str:
    lines = []
    for k in sts[:4]:
        st = view.statements[k]
        s, o = view.entities[st.s].label, view.entities[st.o].label
        zh = view.props.get(st.prop, (st.prop,))[0]
        lines.append(f"{s} —{zh}→ {st.value} ({o})" if st.value else f"{s} —{zh}→ {o}")
        if st.ev:
            lines.append("证据：" + _clip(view.sentences[view.evidence[st.ev[0]][0]]))
            src = _source_line(view, st.ev[0])
            if src:
                lines.append(src)
    if len(sts) > 4:
        lines.append(f"另有 {len(sts) - 4} 条陈述")
    return "\n".join(lines)


def _edges(view: View, shown: set[int]) -> dict[tuple[int, int], list[int]]:
    """One vis edge per ordered pair of shown entities, carrying the statements it stands for."""
    out: dict[tuple[int, int], list[int]] = {}
    for k, st in enumerate(view.statements):
        if st.s in shown and st.o in shown and st.s is not None and st.o is not None and st.s != st.o:
            out.setdefault((st.s, st.o), []).append(k)
    return out


def _options(n: int) -> dict:
    big = n > 400
    return {
        "autoResize": True,
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": big, "hideEdgesOnZoom": big,
                        "multiselect": True, "navigationButtons": False, "keyboard": False,
                        "zoomSpeed": 0.8},
        "nodes": {"shape": "dot", "borderWidth": 1.5, "borderWidthSelected": 3,
                  "font": {"size": 15, "face": FONT, "color": "#1f2933", "strokeWidth": 3,
                           "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 7}}},
        "edges": {"smooth": False, "width": 1.2, "selectionWidth": 1.5,
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
                  "color": {"color": "#aab4c0", "highlight": "#2b3a4a", "hover": "#52606d"},
                  "font": {"size": 12, "face": FONT, "color": "#52606d", "strokeWidth": 3,
                           "strokeColor": "#ffffff", "align": "middle"},
                  "scaling": {"label": {"drawThreshold": 7}}},
    }


def _page_title(view: View) -> str:
    """Plain text; the template escapes it."""
    base = "在线新经济知识图谱 · 图谱浏览"
    return f"{view.focus['label']} · {base}" if view.focus else base


# ---------------------------------------------------------------- the data blob

def _data(view: View) -> dict:
    def ent(e):
        d = {"iri": e.iri, "l": e.label, "c": e.cls, "d": e.degree}
        for key, val in (("lz", e.labels_zh), ("p", e.pref), ("a", e.alt), ("o", e.other),
                         ("docs", e.docs), ("tev", e.type_ev)):
            if val:
                d[key] = val
        if e.n_type_ev > len(e.type_ev):
            d["tevn"] = e.n_type_ev
        return d

    def stmt(st):
        d = {"p": st.prop}
        for key in ("s", "sd", "o", "od"):
            if getattr(st, key) is not None:
                d[key] = getattr(st, key)
        if st.value is not None:
            d["v"] = st.value
        if st.ev:
            d["ev"] = st.ev
        if st.n_ev > len(st.ev):
            d["evn"] = st.n_ev
        return d

    counts: dict[str, list[int]] = {}
    shown = set(view.shown)
    for i, e in enumerate(view.entities):
        c = counts.setdefault(e.cls, [0, 0])
        c[0] += 1
        c[1] += i in shown
    classes = [{"k": k, "zh": view.classes[k][0], "en": view.classes[k][1], "color": CLASS_COLORS[k],
                "n": counts[k][0], "s": counts[k][1]} for k in (*CLASS_ORDER, OTHER) if k in counts]
    timeline: dict[str, list[int]] = {}
    for st in view.statements:
        if st.prop == "date" and st.s is not None and st.value and view.entities[st.s].cls == "Event":
            timeline.setdefault(st.value, [])
            if st.s not in timeline[st.value]:
                timeline[st.value].append(st.s)
    return {
        "ents": [ent(e) for e in view.entities],
        "st": [stmt(st) for st in view.statements],
        "docs": view.docs,
        "sent": view.sentences,
        "ev": [list(x) for x in view.evidence],
        "props": {k: list(v) for k, v in view.props.items()},
        "classes": classes,
        "timeline": sorted([d, ids] for d, ids in timeline.items()),
        "shown": len(view.shown),
        "hidden": len(view.entities) - len(view.shown),
        "focus": view.focus,
    }


def safe_json(obj) -> str:
    """JSON that is safe inside <script>: no `<`, `>`, `&`, `/` (hence no `</script>`, `<!--`, URL) left literal."""
    return _escape_json_text(json.dumps(obj, ensure_ascii=False, separators=(",", ":")))


def _escape_json_text(s: str) -> str:
    # These characters only occur inside JSON strings, where the escapes mean the same.
    return _JSON_ESCAPE_RE.sub(lambda m: _JSON_ESCAPES[m.group()], s)


# ---------------------------------------------------------------- inlined assets

@lru_cache(maxsize=1)
def _vis_dir() -> Path:
    import pyvis

    libs = sorted((Path(pyvis.__file__).parent / "lib").glob("vis-*/vis-network.min.js"),
                  key=lambda p: tuple(int(x) for x in re.findall(r"\d+", p.parent.name)))
    if not libs:
        raise RuntimeError("pyvis ships no vis-network build (expected pyvis/lib/vis-*/vis-network.min.js)")
    return libs[-1].parent


def _inline_js(js: str) -> str:
    """A script's text made safe to inline: `</script` and `<!--` cannot occur, and `://` is written `:\\/\\/`
    (inside JS strings, regexes and comments, the only places it can occur, that means the same), so the
    licence comments and namespace constants of the library leave no literal URL in the page."""
    js = re.sub(r"</(script)", r"<\\/\1", js, flags=re.I)
    js = js.replace("<!--", "<\\!--").replace("://", ":\\/\\/")
    return js


@lru_cache(maxsize=1)
def _asset_css() -> str:
    css = (_vis_dir() / "vis-network.css").read_text(encoding="utf-8")
    if re.search(r"https?:|@import", css):
        raise RuntimeError("vis-network.css refers to an external resource")
    return re.sub(r"</(style)", r"<\\/\1", css, flags=re.I)


@lru_cache(maxsize=1)
def _vis_js() -> str:
    return _inline_js((_vis_dir() / "vis-network.min.js").read_text(encoding="utf-8"))


def _scripts() -> list[str]:
    return [_vis_js(), _inline_js((HERE / "explorer.js").read_text(encoding="utf-8"))]


def _csp(scripts: list[str]) -> str:
    hashes = " ".join("'sha256-%s'" % base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()
                      for s in scripts)
    return ("default-src 'none'; script-src " + hashes + "; style-src 'unsafe-inline'; "
            "img-src data:; font-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'")
