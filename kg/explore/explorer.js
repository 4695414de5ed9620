/* The explorer's behaviour: legend and class filter, search, side panel, focus mode, timeline.
 * Every string from the graph is put into the page as text (textContent / text nodes), never as HTML. */
(function () {
  "use strict";

  function readJSON(id) { return JSON.parse(document.getElementById(id).textContent); }
  var D = readJSON("kg-data");
  var nodeList = readJSON("kg-nodes");
  var edgeList = readJSON("kg-edges");
  var options = readJSON("kg-options");

  var ents = D.ents, ST = D.st, docs = D.docs;
  var classInfo = {};
  D.classes.forEach(function (c) { classInfo[c.k] = c; });
  var OTHER_COLOR = "#a0a0a0";

  // ------------------------------------------------------------ indexes
  var outSt = ents.map(function () { return []; });
  var inSt = ents.map(function () { return []; });
  var docSt = docs.map(function () { return []; });
  ST.forEach(function (st, k) {
    if (st.s != null) outSt[st.s].push(k);
    if (st.o != null) inSt[st.o].push(k);
    if (st.sd != null) docSt[st.sd].push(k);
    if (st.od != null) docSt[st.od].push(k);
  });
  var docEnts = docs.map(function () { return []; });
  ents.forEach(function (e, i) { (e.docs || []).forEach(function (d) { docEnts[d].push(i); }); });

  // ------------------------------------------------------------ the network
  var nodes = new vis.DataSet(nodeList);
  var edges = new vis.DataSet(edgeList);
  var container = document.getElementById("kg-graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var inGraph = new Set(nodeList.map(function (n) { return n.id; }));
  // The page carries evidence only for what is drawn at load (kg/explore/data.py): the drawn entities'
  // types and the statements with a drawn end. An entity revealed later keeps what it came with.
  var carried = new Set(inGraph);
  function evidenceCarried(st) { return carried.has(st.s) || carried.has(st.o); }
  var nextEdgeId = edgeList.length;

  // ------------------------------------------------------------ small DOM helpers (text only)
  function el(tag, cls, children) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    (children || []).forEach(function (c) {
      if (c == null) return;
      e.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
    });
    return e;
  }
  function swatch(cls) {
    var s = el("span", "kg-swatch");
    s.style.background = (classInfo[cls] || {}).color || OTHER_COLOR;
    return s;
  }
  function classText(cls) {
    var c = classInfo[cls];
    return c ? c.zh + " · " + c.en : cls;
  }
  function propZh(p) { return (D.props[p] || [p])[0]; }
  function propEn(p) { return (D.props[p] || [p, p])[1]; }
  function entLink(i, current) {
    if (i === current) return el("span", "kg-self", [ents[i].l]);
    var b = el("button", "kg-link", [ents[i].l]);
    b.type = "button";
    b.title = classText(ents[i].c) + (inGraph.has(i) ? "" : "（未在图中显示）");
    b.addEventListener("click", function () { selectEntity(i, { center: true }); });
    return b;
  }
  function docLink(d) {
    var b = el("button", "kg-link", ["《" + docs[d].title + "》"]);
    b.type = "button";
    b.addEventListener("click", function () { showDoc(d); });
    return b;
  }
  function section(title, children) {
    return el("section", null, [el("h3", null, [title])].concat(children));
  }

  // ------------------------------------------------------------ evidence and statements
  // evIds: the first sources the page carries (kg/explore/data.py, EVIDENCE_SHOWN); total: how many there are
  function evidenceBlock(evIds, limit, isCarried, total) {
    var box = el("div", "kg-evs");
    total = Math.max(total || 0, (evIds || []).length);
    (evIds || []).slice(0, limit).forEach(function (x) {
      var ev = D.ev[x], sentence = D.sent[ev[0]], d = ev[1];
      box.appendChild(el("blockquote", "kg-ev", [sentence || "（无句子）"]));
      var src = el("div", "kg-src");
      if (d >= 0) {
        src.appendChild(docLink(d));
        if (docs[d].published) src.appendChild(document.createTextNode(" · " + docs[d].published));
        if (docs[d].source) src.appendChild(document.createTextNode(" · " + docs[d].source));
      } else {
        src.appendChild(document.createTextNode("出处文档未知"));
      }
      if (ev[2] != null) src.appendChild(document.createTextNode(" · 字符 " + ev[2] + "–" + ev[3]));
      box.appendChild(src);
    });
    if (total > limit) {
      box.appendChild(el("div", "kg-more", ["另有 " + (total - limit) + " 处出处"]));
    }
    if (!evIds || !evIds.length) {
      box.appendChild(el("div", "kg-more", [isCarried ? "（无出处记录）" : "（出处未收入本页：本页只收入图中显示的实体的出处）"]));
    }
    return box;
  }

  function statementLine(st, current) {
    var line = el("div", "kg-st-line");
    if (st.s != null) line.appendChild(entLink(st.s, current));
    else if (st.sd != null) line.appendChild(docLink(st.sd));
    var prop = el("span", "kg-prop", ["—" + propZh(st.p) + "→"]);
    prop.title = propEn(st.p);
    line.appendChild(prop);
    if (st.v != null && st.o != null) {
      line.appendChild(el("span", "kg-value", [st.v]));
      line.appendChild(document.createTextNode(" ("));
      line.appendChild(entLink(st.o, current));
      line.appendChild(document.createTextNode(")"));
    } else if (st.o != null) {
      line.appendChild(entLink(st.o, current));
    } else if (st.od != null) {
      line.appendChild(docLink(st.od));
    } else if (st.v != null) {
      line.appendChild(el("span", "kg-value", [st.v]));
    }
    return line;
  }

  // posts and roles first, then by property and the other end's label
  var PROP_ORDER = { holdsPost: 0, membership: 1, author: 2 };
  function byProp(a, b) {
    var x = ST[a], y = ST[b];
    var px = x.p in PROP_ORDER ? PROP_ORDER[x.p] : 9, py = y.p in PROP_ORDER ? PROP_ORDER[y.p] : 9;
    if (px !== py) return px - py;
    if (x.p !== y.p) return x.p < y.p ? -1 : 1;
    return a - b;
  }

  // statements in pages of `page`: a hub with hundreds of statements must not freeze the panel
  function statementList(ids, current, page) {
    var box = el("div");
    var shownCount = 0;
    var more = el("button", "kg-more-btn");
    more.type = "button";
    function fill() {
      var next = ids.slice(shownCount, shownCount + page);
      next.forEach(function (k) {
        var evs = evidenceBlock(ST[k].ev, 3, evidenceCarried(ST[k]), ST[k].evn);
        box.insertBefore(el("div", "kg-st", [statementLine(ST[k], current), evs]), more);
      });
      shownCount += next.length;
      var left = ids.length - shownCount;
      more.textContent = "再显示 " + Math.min(left, page) + " 条（还有 " + left + " 条）";
      more.hidden = left <= 0;
    }
    more.addEventListener("click", fill);
    box.appendChild(more);
    fill();
    return box;
  }

  // ------------------------------------------------------------ panel
  var panel = document.getElementById("kg-panel-body");
  var current = null;

  function setPanel(children) {
    panel.textContent = "";
    panel.parentNode.scrollTop = 0;
    var frag = document.createDocumentFragment();
    children.forEach(function (c) { if (c) frag.appendChild(c); });
    panel.appendChild(frag);
  }

  function showEntity(i) {
    var e = ents[i];
    current = { kind: "entity", id: i };
    var head = el("div", "kg-p-head", [swatch(e.c), el("h2", null, [e.l])]);
    var parts = [head, el("div", "kg-p-class", [classText(e.c)])];
    if (!inGraph.has(i)) {
      var reveal = el("button", null, ["在图中显示"]);
      reveal.type = "button";
      reveal.addEventListener("click", function () { revealEntity(i); selectEntity(i, { center: true }); });
      parts.push(el("div", "kg-note", ["此实体未在图中显示（图中只显示连接最多的实体），本页只有它与图中实体之间的陈述的出处。",
        reveal]));
    } else if (nodes.get(i) && nodes.get(i).hidden) {
      parts.push(el("div", "kg-note", ["此实体的类别已被隐藏或不在当前聚焦范围内。"]));
    }
    var dl = el("dl", "kg-dl");
    function row(k, vals) {
      if (!vals || !vals.length) return;
      dl.appendChild(el("dt", null, [k]));
      dl.appendChild(el("dd", null, [vals.join("、")]));
    }
    row("标签", e.lz && e.lz.length ? e.lz : [e.l]);
    row("首选名称", e.p);
    row("别名", e.a);
    row("其他语言", e.o);
    parts.push(section("名称", [dl]));

    var lits = [], rels = [], incoming = [];
    outSt[i].forEach(function (k) { (ST[k].o == null && ST[k].od == null ? lits : rels).push(k); });
    inSt[i].forEach(function (k) { if (ST[k].s !== i) incoming.push(k); });
    rels.sort(byProp);
    incoming.sort(byProp);
    if (lits.length) parts.push(section("属性 (" + lits.length + ")", [statementList(lits, i, 20)]));
    if (rels.length) parts.push(section("关系 (" + rels.length + ")", [statementList(rels, i, 25)]));
    if (incoming.length) parts.push(section("被指向的关系 (" + incoming.length + ")", [statementList(incoming, i, 25)]));
    if (!lits.length && !rels.length && !incoming.length) {
      parts.push(section("关系", [el("div", "kg-more", ["没有抽取到与其他实体的关系。"])]));
    }
    parts.push(section("类型依据", [el("div", "kg-st-line", [el("span", "kg-self", [e.l]),
      el("span", "kg-prop", ["—" + propZh("type") + "→"]), el("span", "kg-value", [classText(e.c)])]),
      evidenceBlock(e.tev, 3, carried.has(i), e.tevn)]));
    if (e.docs && e.docs.length) {
      var list = el("ul", "kg-list");
      e.docs.forEach(function (d) {
        list.appendChild(el("li", null, [docLink(d), docs[d].published ? " " + docs[d].published : ""]));
      });
      parts.push(section("提及于 (" + e.docs.length + ")", [list]));
    }
    parts.push(section("标识 IRI", [el("div", "kg-iri", [e.iri])]));
    setPanel(parts);
    updateTools();
  }

  function showDoc(d) {
    var doc = docs[d];
    current = { kind: "doc", id: d };
    var dl = el("dl", "kg-dl");
    [["发布日期", doc.published], ["来源", doc.source], ["文件", doc.path]].forEach(function (r) {
      if (r[1]) { dl.appendChild(el("dt", null, [r[0]])); dl.appendChild(el("dd", null, [r[1]])); }
    });
    var parts = [el("div", "kg-p-head", [el("h2", null, ["《" + doc.title + "》"])]),
      el("div", "kg-p-class", ["文档 · Document"]), section("文档信息", [dl])];
    if (docSt[d].length) parts.push(section("陈述 (" + docSt[d].length + ")", [statementList(docSt[d], null, 25)]));
    var mentioned = docEnts[d].slice().sort(function (a, b) { return ents[b].d - ents[a].d; });
    var filter = entityList(mentioned, "提及的实体");
    parts.push(section("提及的实体 (" + mentioned.length + ")", filter));
    parts.push(section("标识 IRI", [el("div", "kg-iri", [doc.iri])]));
    setPanel(parts);
    network.unselectAll();
    highlight(null);
    updateTools();
  }

  function entityList(ids, what) {
    var input = el("input", "kg-filter");
    input.type = "search";
    input.placeholder = "筛选" + what + "…";
    var list = el("ul", "kg-list");
    var LIMIT = 200;
    function fill() {
      var q = input.value.trim().toLowerCase();
      list.textContent = "";
      var n = 0;
      for (var k = 0; k < ids.length && n < LIMIT; k++) {
        var i = ids[k];
        if (q && ents[i].l.toLowerCase().indexOf(q) < 0) continue;
        var li = el("li", null, [swatch(ents[i].c), entLink(i, null)]);
        if (!inGraph.has(i)) li.appendChild(el("span", "kg-tag-hidden", ["未显示"]));
        list.appendChild(li);
        n++;
      }
      if (n === LIMIT) list.appendChild(el("li", "kg-more", ["只列出前 " + LIMIT + " 个，请用筛选或搜索。"]));
    }
    input.addEventListener("input", fill);
    fill();
    return [input, list];
  }

  function showHiddenList() {
    var hidden = [];
    ents.forEach(function (e, i) { if (!inGraph.has(i)) hidden.push(i); });
    hidden.sort(function (a, b) { return ents[b].d - ents[a].d || (ents[a].l < ents[b].l ? -1 : 1); });
    current = { kind: "hidden" };
    setPanel([el("div", "kg-p-head", [el("h2", null, ["未在图中显示的实体"])]),
      el("div", "kg-p-class", [hidden.length + " 个，按连接数排序；点击查看详情，可在图中显示。"])]
      .concat(entityList(hidden, "未显示的实体")));
  }

  function showEdge(edgeId) {
    var edge = edges.get(edgeId);
    if (!edge) return;
    current = { kind: "edge", id: edgeId };
    setPanel([el("div", "kg-p-head", [el("h2", null, [ents[edge.from].l + " → " + ents[edge.to].l])]),
      el("div", "kg-p-class", ["关系 · Statements"]),
      section("陈述 (" + edge.st.length + ")", [statementList(edge.st, null, 25)])]);
    updateTools();
  }

  function showIntro() {
    current = null;
    var p = el("div", "kg-intro");
    [["搜索", "：在上方输入中文名、别名或英文名，选择建议即可定位实体。"],
     ["点击节点", "：在此查看类型、名称、属性，以及每条陈述的原文句子和出处文档；点击陈述另一端的实体可跳转。"],
     ["图例", "：点击左侧类别可隐藏或显示该类实体。"],
     ["聚焦", "：选中实体后只显示其若干跳邻域；“重置”恢复全图。"],
     ["时间线", "：点击底部日期选中当天的活动。"]].forEach(function (r) {
      p.appendChild(el("div", null, [el("b", null, [r[0]]), r[1]]));
    });
    setPanel([el("div", "kg-p-head", [el("h2", null, ["使用说明"])]), p]);
  }

  // ------------------------------------------------------------ selection and highlight
  // Highlight without touching the DataSets (updating thousands of items costs seconds): after vis has
  // drawn a frame, wash it out with a translucent layer and draw the highlighted nodes and edges again
  // on top. Uses vis-network's per-item draw methods; if they are missing, only vis's selection shows.
  var overlay = null;

  // next animation frame, not now: Network.redraw() draws synchronously, which at thousands of
  // edges would hold up the panel
  function requestRedraw() {
    if (network.renderer && network.renderer._requestRedraw) network.renderer._requestRedraw();
    else network.redraw();
  }

  function highlight(centerIds) {
    if (!centerIds || !centerIds.length) {
      if (overlay) { overlay = null; requestRedraw(); }
      return;
    }
    var keepNodes = new Set(), keepEdges = new Set();
    centerIds.forEach(function (id) {
      if (!inGraph.has(id)) return;
      keepNodes.add(id);
      network.getConnectedNodes(id).forEach(function (n) { keepNodes.add(n); });
      network.getConnectedEdges(id).forEach(function (e) { keepEdges.add(e); });
    });
    overlay = { nodes: Array.from(keepNodes), edges: Array.from(keepEdges) };
    requestRedraw();
  }

  network.on("afterDrawing", function (ctx) {
    if (!overlay) return;
    var body = network.body;
    if (!body || !body.nodes || !body.edges) return;
    try {
      var frame = container.getBoundingClientRect();
      var tl = network.DOMtoCanvas({ x: -10, y: -10 });
      var br = network.DOMtoCanvas({ x: frame.width + 10, y: frame.height + 10 });
      ctx.save();
      ctx.fillStyle = "rgba(255, 255, 255, 0.72)";
      ctx.fillRect(tl.x, tl.y, br.x - tl.x, br.y - tl.y);
      ctx.restore();
      var shown = function (n) { return n && n.options && n.options.hidden !== true; };
      overlay.edges.forEach(function (id) {
        var e = body.edges[id];
        if (e && e.connected && e.options.hidden !== true && shown(e.from) && shown(e.to)) e.draw(ctx);
      });
      overlay.edges.forEach(function (id) {
        var e = body.edges[id];
        if (e && e.connected && e.options.hidden !== true && shown(e.from) && shown(e.to)) e.drawArrows(ctx);
      });
      var labels = [];
      overlay.nodes.forEach(function (id) {
        var n = body.nodes[id];
        if (!shown(n)) return;
        var r = n.draw(ctx);
        if (r && r.drawExternalLabel) labels.push(r.drawExternalLabel);
      });
      labels.forEach(function (f) { f(); });
    } catch (err) {
      overlay = null;  // a vis-network without these internals: keep its own selection highlight
    }
  });

  // animate view changes only while frames are cheap
  function animation() {
    return inGraph.size + edges.length <= 2500 ? { duration: 350, easingFunction: "easeInOutQuad" } : false;
  }

  function selectEntity(i, opts) {
    opts = opts || {};
    if (inGraph.has(i)) {
      network.selectNodes([i]);
      highlight([i]);
      if (opts.center) {
        network.focus(i, { scale: Math.max(network.getScale(), 1.1), animation: animation() });
      }
    } else {
      network.unselectAll();
      highlight(null);
    }
    showEntity(i);
  }

  // reveal an entity that the cap left out, beside its drawn neighbours
  function revealEntity(i) {
    if (inGraph.has(i)) return;
    var nbs = [];
    outSt[i].concat(inSt[i]).forEach(function (k) {
      var st = ST[k], other = st.s === i ? st.o : st.s;
      if (other != null && other !== i && inGraph.has(other)) nbs.push(other);
    });
    var pos = { x: 0, y: 0 };
    if (nbs.length) {
      var p = network.getPositions(nbs);
      nbs.forEach(function (n) { pos.x += p[n].x / nbs.length; pos.y += p[n].y / nbs.length; });
    } else {
      pos = network.getViewPosition();
    }
    var angle = (i * 2.399963) % (2 * Math.PI) + 0.01;
    var x = Math.round(pos.x + 90 * Math.cos(angle)), y = Math.round(pos.y + 90 * Math.sin(angle));
    // vis keeps integer positions and misplaces the label of an exactly horizontal edge
    var p2 = network.getPositions(nbs), levels = new Set(nbs.map(function (n) { return Math.round(p2[n].y); }));
    while (levels.has(y)) y++;
    var c = (classInfo[ents[i].c] || {}).color || OTHER_COLOR;
    var color = { background: c, border: "#333333", highlight: { background: c, border: "#111111" },
                  hover: { background: c, border: "#111111" } };
    inGraph.add(i);
    nodes.add({ id: i, label: ents[i].l.length > 14 ? ents[i].l.slice(0, 13) + "…" : ents[i].l,
                title: ents[i].l + "\n" + classText(ents[i].c) + "\n（展开显示的实体）",
                x: x, y: y, color: color,
                size: 10, cls: ents[i].c, shape: "dot", physics: false,
                hidden: hiddenClasses.has(ents[i].c) });
    var pairs = {};
    outSt[i].concat(inSt[i]).forEach(function (k) {
      var st = ST[k];
      if (st.s == null || st.o == null || st.s === st.o) return;
      if (!inGraph.has(st.s) || !inGraph.has(st.o)) return;
      var key = st.s + ">" + st.o;
      (pairs[key] = pairs[key] || { from: st.s, to: st.o, st: [] }).st.push(k);
    });
    Object.keys(pairs).forEach(function (key) {
      var e = pairs[key];
      var byProp = {}, order = [];
      e.st.forEach(function (k) {
        var p = ST[k].p;
        if (!(p in byProp)) { byProp[p] = []; order.push(p); }
        if (ST[k].v != null && byProp[p].indexOf(ST[k].v) < 0) byProp[p].push(ST[k].v);
      });
      var labels = order.map(function (p) { return propZh(p) + (byProp[p].length ? " " + byProp[p].join("、") : ""); });
      edges.add({ id: nextEdgeId++, from: e.from, to: e.to, arrows: "to", label: labels.join(" · "),
                  title: ents[e.from].l + " → " + ents[e.to].l + "\n" + labels.join(" · "), st: e.st });
    });
    updateStats();
  }

  // ------------------------------------------------------------ class filter (legend)
  var hiddenClasses = new Set();
  var focusSet = null;

  function refreshVisibility() {
    var upd = [];
    nodes.forEach(function (n) {
      var h = hiddenClasses.has(n.cls) || (focusSet !== null && !focusSet.has(n.id));
      if (!!n.hidden !== h) upd.push({ id: n.id, hidden: h });
    });
    if (upd.length) nodes.update(upd);
    document.querySelectorAll(".kg-class").forEach(function (b) {
      b.setAttribute("aria-pressed", hiddenClasses.has(b.dataset.cls) ? "false" : "true");
    });
  }

  function buildLegend() {
    var ul = document.getElementById("kg-classes");
    D.classes.forEach(function (c) {
      var b = el("button", "kg-class", [swatch(c.k), el("span", "kg-c-zh", [c.zh]), el("span", "kg-c-en", [c.en]),
        el("span", "kg-c-n", [c.s === c.n ? String(c.n) : c.s + "/" + c.n])]);
      b.type = "button";
      b.dataset.cls = c.k;
      b.setAttribute("aria-pressed", "true");
      b.title = c.zh + " " + c.en + "：共 " + c.n + " 个，图中显示 " + c.s + " 个。点击隐藏／显示。";
      b.addEventListener("click", function () {
        if (hiddenClasses.has(c.k)) hiddenClasses.delete(c.k); else hiddenClasses.add(c.k);
        refreshVisibility();
      });
      ul.appendChild(el("li", null, [b]));
    });
    document.getElementById("kg-all").addEventListener("click", function () {
      hiddenClasses.clear(); refreshVisibility();
    });
    document.getElementById("kg-none").addEventListener("click", function () {
      D.classes.forEach(function (c) { hiddenClasses.add(c.k); }); refreshVisibility();
    });
  }

  // ------------------------------------------------------------ focus mode
  var hopsSel = document.getElementById("kg-hops");
  var focusBtn = document.getElementById("kg-focus");

  function updateTools() {
    focusBtn.disabled = !(current && current.kind === "entity" && inGraph.has(current.id));
  }

  function focusOn(i, hops) {
    var adj = {};
    edges.forEach(function (e) {
      (adj[e.from] = adj[e.from] || []).push(e.to);
      (adj[e.to] = adj[e.to] || []).push(e.from);
    });
    var keep = new Set([i]), frontier = [i];
    for (var h = 0; h < hops; h++) {
      var next = [];
      frontier.forEach(function (n) {
        (adj[n] || []).forEach(function (m) { if (!keep.has(m)) { keep.add(m); next.push(m); } });
      });
      frontier = next;
    }
    focusSet = keep;
    refreshVisibility();
    network.fit({ nodes: Array.from(keep), animation: animation() });
    updateStats();
  }

  focusBtn.addEventListener("click", function () {
    if (current && current.kind === "entity") focusOn(current.id, parseInt(hopsSel.value, 10));
  });
  document.getElementById("kg-reset").addEventListener("click", function () {
    focusSet = null;
    refreshVisibility();
    network.unselectAll();
    highlight(null);
    setActiveChip(null);
    network.fit({ animation: animation() });
    updateStats();
  });
  document.getElementById("kg-fit").addEventListener("click", function () {
    network.fit({ animation: animation() });
  });

  // ------------------------------------------------------------ search
  var input = document.getElementById("kg-search");
  var list = document.getElementById("kg-suggest");
  var box = document.getElementById("kg-search-box");
  var index = ents.map(function (e, i) {
    var names = [e.l].concat(e.lz || [], e.p || [], e.a || [], e.o || []);
    var seen = {}, keys = [];
    names.forEach(function (n) { if (!seen[n]) { seen[n] = 1; keys.push([n, n.toLowerCase()]); } });
    return keys;
  });
  var suggestions = [], active = -1;

  function suggest(q) {
    q = q.trim().toLowerCase();
    if (!q) return [];
    var res = [];
    for (var i = 0; i < index.length; i++) {
      var best = 9, hit = null, keys = index[i];
      for (var k = 0; k < keys.length; k++) {
        var pos = keys[k][1].indexOf(q);
        if (pos < 0) continue;
        var score = keys[k][1] === q ? 0 : pos === 0 ? 1 : 2;
        if (k > 0) score += 0.5;  // the main label before an alias
        if (score < best) { best = score; hit = keys[k][0]; }
      }
      if (hit !== null) res.push({ i: i, score: best, hit: hit });
    }
    res.sort(function (a, b) {
      return a.score - b.score || ents[b.i].d - ents[a.i].d || ents[a.i].l.length - ents[b.i].l.length || a.i - b.i;
    });
    return res.slice(0, 12);
  }

  function renderSuggestions() {
    list.textContent = "";
    active = suggestions.length ? 0 : -1;
    if (!input.value.trim()) { list.hidden = true; box.setAttribute("aria-expanded", "false"); return; }
    if (!suggestions.length) {
      list.appendChild(el("li", "kg-s-empty", ["没有匹配的实体"]));
    }
    suggestions.forEach(function (s, n) {
      var e = ents[s.i];
      var li = el("li", "kg-sugg" + (n === active ? " kg-active" : ""), [el("span", "kg-s-label", [e.l])]);
      li.setAttribute("role", "option");
      li.dataset.idx = String(s.i);
      if (s.hit !== e.l) li.appendChild(el("span", "kg-s-alias", ["（" + s.hit + "）"]));
      if (!inGraph.has(s.i)) li.appendChild(el("span", "kg-tag-hidden", ["未显示"]));
      li.appendChild(el("span", "kg-badge", [swatch(e.c), (classInfo[e.c] || { zh: e.c }).zh]));
      li.addEventListener("mousedown", function (ev) { ev.preventDefault(); choose(n); });
      list.appendChild(li);
    });
    list.hidden = false;
    box.setAttribute("aria-expanded", "true");
  }

  function setActive(n) {
    var items = list.querySelectorAll("li.kg-sugg");
    if (!items.length) return;
    active = (n + items.length) % items.length;
    items.forEach(function (li, k) { li.classList.toggle("kg-active", k === active); });
    items[active].scrollIntoView({ block: "nearest" });
  }

  function choose(n) {
    var s = suggestions[n];
    if (!s) return;
    input.value = ents[s.i].l;
    list.hidden = true;
    box.setAttribute("aria-expanded", "false");
    selectEntity(s.i, { center: true });
  }

  input.addEventListener("input", function () { suggestions = suggest(input.value); renderSuggestions(); });
  input.addEventListener("keydown", function (ev) {
    if (ev.key === "ArrowDown") { ev.preventDefault(); if (list.hidden) renderSuggestions(); else setActive(active + 1); }
    else if (ev.key === "ArrowUp") { ev.preventDefault(); setActive(active - 1); }
    else if (ev.key === "Enter") { ev.preventDefault(); choose(active < 0 ? 0 : active); }
    else if (ev.key === "Escape") { list.hidden = true; box.setAttribute("aria-expanded", "false"); }
  });
  input.addEventListener("focus", function () { if (input.value.trim()) { suggestions = suggest(input.value); renderSuggestions(); } });
  input.addEventListener("blur", function () { list.hidden = true; box.setAttribute("aria-expanded", "false"); });

  // ------------------------------------------------------------ timeline
  var chips = [];
  function setActiveChip(k) { chips.forEach(function (c, n) { c.classList.toggle("kg-active", n === k); }); }

  function buildTimeline() {
    var strip = document.getElementById("kg-tl-strip");
    if (!D.timeline.length) {
      strip.appendChild(el("span", "kg-tl-empty", ["没有带日期的活动"]));
      return;
    }
    var lastYear = null;
    D.timeline.forEach(function (entry, k) {
      var date = entry[0], ids = entry[1], year = date.slice(0, 4);
      if (year !== lastYear) { strip.appendChild(el("span", "kg-tl-year", [year + " 年"])); lastYear = year; }
      var chip = el("button", "kg-tl-chip", [el("span", "kg-tl-date", [date.slice(5) || date]),
        el("span", "kg-tl-n", [ids.length + " 个活动"])]);
      chip.type = "button";
      chip.dataset.date = date;
      chip.title = date + "：" + ids.map(function (i) { return ents[i].l; }).join("、");
      chip.addEventListener("click", function () { selectDate(k); });
      chips.push(chip);
      strip.appendChild(chip);
    });
  }

  function selectDate(k) {
    var date = D.timeline[k][0], ids = D.timeline[k][1];
    setActiveChip(k);
    var drawn = ids.filter(function (i) { return inGraph.has(i); });
    network.selectNodes(drawn);
    highlight(drawn);
    if (drawn.length) network.fit({ nodes: drawn, animation: animation() });
    current = { kind: "date", id: date };
    var items = ids.map(function (i) {
      var dateSt = outSt[i].filter(function (s) { return ST[s].p === "date" && ST[s].v === date; });
      var ev = [], total = 0;
      dateSt.forEach(function (s) { ev = ev.concat(ST[s].ev || []); total += ST[s].evn || (ST[s].ev || []).length; });
      return el("div", "kg-st", [el("div", "kg-st-line", [swatch(ents[i].c), " ", entLink(i, null)]),
        evidenceBlock(ev, 2, carried.has(i), total)]);
    });
    setPanel([el("div", "kg-p-head", [el("h2", null, [date])]),
      el("div", "kg-p-class", [ids.length + " 个活动 · Events"])].concat(items));
    updateTools();
  }

  // ------------------------------------------------------------ header, banner
  function updateStats() {
    var s = ents.length + " 个实体 · " + ST.length + " 条陈述 · " + docs.length + " 篇文档 · 图中 " +
      inGraph.size + " 个节点、" + edges.length + " 条边";
    if (D.focus) s += " · 以“" + D.focus.label + "”为中心的 " + D.focus.hops + " 跳邻域";
    if (focusSet) s += " · 聚焦中（" + focusSet.size + " 个）";
    document.getElementById("kg-stats").textContent = s;
  }

  function buildBanner() {
    if (!D.hidden) return;
    var banner = document.getElementById("kg-banner");
    var b = el("button", null, ["列出未显示的实体"]);
    b.type = "button";
    b.addEventListener("click", showHiddenList);
    banner.appendChild(el("span", null, ["图中只显示连接最多的 " + D.shown + " 个实体，另有 " + D.hidden +
      " 个未显示；搜索仍可找到全部实体，并可将其在图中显示。"]));
    banner.appendChild(b);
    banner.hidden = false;
  }

  // ------------------------------------------------------------ network events
  network.on("click", function (p) {
    if (p.nodes.length) { selectEntity(p.nodes[0], { center: false }); }
    else if (p.edges.length) { highlight(null); showEdge(p.edges[0]); }
    else { highlight(null); }
  });

  buildLegend();
  buildTimeline();
  buildBanner();
  updateStats();
  showIntro();
  network.fit();
  network.once("afterDrawing", function () {
    window.kgReadyAt = performance.now();  // first frame drawn: read by benchmarks/explorer_scale.py
    document.documentElement.setAttribute("data-kg-ready", "1");
  });
  if (D.focus) selectEntity(D.focus.entity, { center: false });

  // for tests and the console
  window.kgExplorer = {
    network: network, nodes: nodes, edges: edges, data: D,
    selectEntity: selectEntity, showDoc: showDoc, focusOn: focusOn, revealEntity: revealEntity,
    hiddenClasses: hiddenClasses, current: function () { return current; },
    highlighted: function () { return overlay ? overlay.nodes.slice() : []; }
  };
})();
