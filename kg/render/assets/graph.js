/* kg render: draws the actor network from the JSON block #kg-data with vis-network.
 * Every piece of data reaches the page through textContent or DOM properties, never
 * as markup. Positions come from Python and physics stays off, so a filter never moves
 * an actor. Progress is written on <body>: data-kg-state = loading | stable,
 * data-kg-stable-ms = milliseconds from navigation start until the first view was fitted
 * and labelled, data-kg-start-ms = until this script started (HTML and vis-network parsed). */
(function () {
  "use strict";
  var LABEL_BUDGET = 45;      // names drawn at once, at most
  var LABEL_PX = [12, 19];    // on-screen size of a drawn name, least to most central
  var UNNAMED_PX = 4;         // the others: below the draw threshold until zoomed ~2.5x
  var MARGIN = 24;            // pixels kept free around the first view
  var EDGE_ROOM = 12;         // no name is drawn closer than this to the canvas's edge
  var MAX_FIT_SCALE = 1.2;    // a tiny network is not blown up
  var body = document.body;
  body.dataset.kgStartMs = String(Math.round(performance.now()));
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var WIKIDATA = /^https?:\/\/www\.wikidata\.org\/entity\/Q\d+$/;
  var status = document.getElementById("kg-search-status");
  var details = document.getElementById("kg-details");
  var container = document.getElementById("kg-network");

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }

  function localName(iri) {
    var s = String(iri || "");
    var name = s.slice(Math.max(s.lastIndexOf("/"), s.lastIndexOf("#")) + 1);
    try { name = decodeURIComponent(name); } catch (e) { /* keep it encoded */ }
    return name || s;
  }

  var labels = {};
  data.nodes.forEach(function (n) { labels[n.id] = n.label; });

  /* ---- which facts count: the confidence slider, the status filter and the date range ---- */
  // dates: ISO strings, compared as strings; null while the range spans every date
  var filter = { minConfidence: data.minConfidence, statuses: {}, dates: null };
  data.statuses.forEach(function (s) { filter.statuses[s.name] = true; });

  function passes(confidence, status, date, until) {
    if (filter.statuses[status] !== true) return false;
    if (confidence !== null && confidence < filter.minConfidence - 1e-9) return false;
    if (!filter.dates) return true;
    // in the range when it began on or before its end and, if it ended, not before its start;
    // a fact with no date cannot be placed in time
    return !!date && date <= filter.dates.end && (!until || until >= filter.dates.start);
  }
  function rowPasses(r) {
    return passes(r.confidence, r.status, r.date, r.until);
  }
  function factPasses(f) {  // on every row (grades), not only the sentences shown
    if (f.supportTotal === 0) return true;  // no sentence at all: a gazetteer fact, timeless
    return f.grades ? f.grades.some(function (g) { return passes(g[0], g[1], g[2], g[3]); }) : f.support.some(rowPasses);
  }

  /* ---- words: a tie as read from one of its ends ---- */
  function tieText(edge, fact, fromId) {
    if (edge.arrows === "") return fact.label + " \u2194 " + labels[edge.from === fromId ? edge.to : edge.from];
    if (edge.from === fromId) return fact.label + " \u2192 " + labels[edge.to];
    return fact.inverse ? "\u2190 " + fact.inverse + " " + labels[edge.from] : "\u2190 " + labels[edge.from] + " " + fact.label;
  }

  function factMeta(fact) {
    var parts = [];
    if (fact.supportTotal === 0) return "no sentence (a known fact, from a gazetteer)";
    parts.push(fact.statuses.join(", "));
    if (fact.confidence !== null) parts.push("confidence up to " + fact.confidence.toFixed(2));
    parts.push(fact.supportTotal + (fact.supportTotal === 1 ? " sentence" : " sentences"));
    return parts.join(" \u00b7 ");
  }

  function evidenceList(fact) {
    var list = el("ul", null, "kg-evidence");
    fact.support.filter(rowPasses).forEach(function (r) {
      var item = el("li", r.sentence);
      item.appendChild(document.createTextNode(" "));
      var how = [localName(r.article)];
      if (r.date) how.push(r.date);
      if (r.from) how.push("from " + r.from);
      if (r.until && r.until !== r.date) how.push("until " + r.until);
      how.push(r.status);
      if (r.confidence !== null) how.push(r.confidence.toFixed(2));
      item.appendChild(el("span", "(" + how.join(", ") + ")", "kg-article"));
      list.appendChild(item);
    });
    return list;
  }

  function nodeInfo(n) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("strong", n.label));
    box.appendChild(el("p", "Type: " + n.kgType));
    if (n.aliases && n.aliases.length) box.appendChild(el("p", "Also known as: " + n.aliases.join(", ")));
    if (n.articles) box.appendChild(el("p", "Mentioned in " + n.articles + (n.articles === 1 ? " article" : " articles")));
    if (n.firstSeen) box.appendChild(el("p", "First seen: " + n.firstSeen));
    if (typeof n.wikidata === "string" && WIKIDATA.test(n.wikidata)) {
      var line = el("p", "Wikidata: ");
      var link = el("a", localName(n.wikidata));
      link.href = n.wikidata;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      line.appendChild(link);
      box.appendChild(line);
    }
    return box;
  }

  function edgeInfo(e) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("strong", labels[e.from] + " \u2014 " + e.label + (e.arrows ? " \u2192 " : " \u2014 ") + labels[e.to]));
    box.appendChild(el("p", e.polarity + " tie, " + e.weight + (e.weight === 1 ? " mention" : " independent mentions")));
    e.facts.filter(factPasses).forEach(function (f) {
      box.appendChild(el("p", tieText(e, f, e.from) + " (" + factMeta(f) + ")", "kg-tie"));
      box.appendChild(evidenceList(f));
    });
    return box;
  }

  /* The panel of an actor: its ties grouped by relation, each read from this actor. */
  function nodePanel(n) {
    var box = nodeInfo(n);
    box.className = "kg-tip kg-panel";
    var groups = {}, order = [];
    edges.get().forEach(function (e) {
      if (e.from !== n.id && e.to !== n.id) return;
      e.facts.filter(factPasses).forEach(function (f) {
        if (!groups[f.label]) { groups[f.label] = []; order.push(f.label); }
        groups[f.label].push({ edge: e, fact: f });
      });
    });
    box.appendChild(el("p", order.length ? "Ties, by relation:" : "No ties among the facts shown.", "kg-hint"));
    order.sort().forEach(function (name) {
      box.appendChild(el("h3", name));
      var list = el("ul", null, "kg-ties");
      groups[name].forEach(function (g) {
        var item = el("li");
        item.appendChild(el("div", tieText(g.edge, g.fact, n.id), "kg-tie"));
        item.appendChild(el("div", factMeta(g.fact), "kg-meta"));
        item.appendChild(evidenceList(g.fact));
        list.appendChild(item);
      });
      box.appendChild(list);
    });
    return box;
  }

  /* ---- the network ---- */
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeInfo(n), typeColor: n.color, font: { size: UNNAMED_PX } });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return Object.assign({}, e, { id: "e" + i, title: edgeInfo(e) });
  }));
  var hiddenTypes = {};
  var showIsolated = data.isolated === data.nodes.length;  // nothing else to show: show them
  var tied = null;  // while the date range is narrowed: the actors with a tie shown
  var nodeView = new vis.DataView(nodes, {
    filter: function (n) {
      if (hiddenTypes[n.kgType]) return false;
      return n.isolated ? showIsolated : !tied || tied[n.id] === true;
    }
  });
  var edgeView = new vis.DataView(edges, { filter: function (e) { return e.facts.some(factPasses); } });
  var network = new vis.Network(container, { nodes: nodeView, edges: edgeView }, data.options);
  window.kgNetwork = network;

  function overlaps(a, b) {
    return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  }

  /* Name the most central actors whose names fit without overlapping another name. */
  var shown = [];
  function chooseLabels() {
    var scale = network.getScale();
    var width = container.clientWidth, height = container.clientHeight;
    var boxes = [], updates = [];
    shown = [];
    var visible = nodeView.get().sort(function (a, b) { return a.rank - b.rank; });
    var positions = network.getPositions(visible.map(function (n) { return n.id; }));
    var dots = visible.map(function (n) {
      var p = network.canvasToDOM(positions[n.id]), r = n.size * scale;
      return { node: n, left: p.x - r, right: p.x + r, top: p.y - r, bottom: p.y + r };
    });
    function clear(box, n) {  // a name covers no other name, nor the dot of an actor as central as its own
      return !boxes.some(function (b) { return overlaps(box, b); }) && !dots.some(function (d) {
        return d.node !== n && d.node.importance >= n.importance && overlaps(box, d);
      });
    }
    visible.forEach(function (n) {
      var px = LABEL_PX[0] + (LABEL_PX[1] - LABEL_PX[0]) * n.importance;
      var p = network.canvasToDOM(positions[n.id]);
      var half = n.label.length * px * 0.3 + 2, r = n.size * scale, line = px * 1.15;
      var below = { left: p.x - half, right: p.x + half, top: p.y + r + 1, bottom: p.y + r + 1 + line };
      var above = { left: below.left, right: below.right, top: p.y - r - 3 - line, bottom: p.y - r - 3 };
      var place = shown.length < LABEL_BUDGET && [below, above].filter(function (box) {
        return box.left >= EDGE_ROOM && box.right <= width - EDGE_ROOM && box.top >= EDGE_ROOM &&
          box.bottom <= height - EDGE_ROOM && clear(box, n);
      })[0];
      if (place) { boxes.push(place); shown.push(n.id); }
      // vis-network draws a dot's label below it; vadjust lifts it above when that is where it fits
      var lift = place === above ? -(2 * r + 4 + line) / scale : 0;
      updates.push({ id: n.id, font: { size: (place ? px : UNNAMED_PX) / scale, vadjust: lift } });
    });
    nodes.update(updates);
    window.kgShownLabels = shown.slice();
  }

  /* Fit every visible actor, its name included, inside the canvas with MARGIN to spare. */
  function fitView() {
    var ids = nodeView.getIds();
    if (!ids.length) return;
    network.fit({ nodes: ids, animation: false });
    for (var pass = 0; pass < 6; pass++) {
      chooseLabels();
      network.redraw();
      var box = null;
      ids.forEach(function (id) {
        var b = network.getBoundingBox(id);
        if (!box) box = { left: b.left, right: b.right, top: b.top, bottom: b.bottom };
        else {
          box.left = Math.min(box.left, b.left); box.right = Math.max(box.right, b.right);
          box.top = Math.min(box.top, b.top); box.bottom = Math.max(box.bottom, b.bottom);
        }
      });
      var scale = network.getScale();
      var want = Math.min(
        (container.clientWidth - 2 * MARGIN) / Math.max(box.right - box.left, 1),
        (container.clientHeight - 2 * MARGIN) / Math.max(box.bottom - box.top, 1),
        MAX_FIT_SCALE
      );
      var centre = { x: (box.left + box.right) / 2, y: (box.top + box.bottom) / 2 };
      network.moveTo({ position: centre, scale: want * 0.98, animation: false });
      if (Math.abs(want * 0.98 - scale) / scale < 0.01) break;
    }
    chooseLabels();
  }

  var relabel = null;
  function relabelSoon() {
    clearTimeout(relabel);
    relabel = setTimeout(chooseLabels, 120);
  }
  var viewMoved = false;  // once the reader zooms, pans or searches, a resized window keeps their view
  network.on("zoom", function () { viewMoved = true; relabelSoon(); });
  network.on("dragEnd", function (p) { viewMoved = viewMoved || !p.nodes.length; relabelSoon(); });
  network.on("resize", function () {
    if (body.dataset.kgState !== "stable") return;
    if (viewMoved) relabelSoon();
    else fitView();
  });
  network.on("hoverNode", function (p) {  // the name of an unnamed actor appears on hover
    if (shown.indexOf(p.node) < 0) nodes.update({ id: p.node, font: { size: LABEL_PX[0] / network.getScale() } });
  });
  network.on("blurNode", function (p) {
    if (shown.indexOf(p.node) < 0) nodes.update({ id: p.node, font: { size: UNNAMED_PX / network.getScale() } });
  });

  network.once("afterDrawing", function () {
    body.dataset.kgDrawnMs = String(Math.round(performance.now()));
    fitView();
    body.dataset.kgStableMs = String(Math.round(performance.now()));
    body.dataset.kgState = "stable";
  });

  function show(element) {
    while (details.firstChild) details.removeChild(details.firstChild);
    details.appendChild(element);
  }
  network.on("click", function (p) {
    if (p.nodes.length) show(nodePanel(nodes.get(p.nodes[0])));
    else if (p.edges.length) show(edgeInfo(edges.get(p.edges[0])));
  });

  /* ---- the side panel's controls ---- */
  function legendItem(list, color, name, count, swatchClass, checkbox) {
    var item = el("li");
    var holder = checkbox ? el("label") : item;
    if (checkbox) holder.appendChild(checkbox);
    if (color) {
      var swatch = el("span", null, swatchClass);
      swatch.style.background = color;
      holder.appendChild(swatch);
    }
    holder.appendChild(el("span", name));
    holder.appendChild(el("span", "(" + count + ")", "kg-count"));
    if (checkbox) item.appendChild(holder);
    list.appendChild(item);
  }
  function checkbox(onChange) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () { onChange(box.checked); });
    return box;
  }
  data.types.forEach(function (t) {
    legendItem(document.getElementById("kg-types"), t.color, t.name, t.count, "kg-swatch", checkbox(function (on) {
      hiddenTypes[t.name] = !on;
      nodeView.refresh();
      chooseLabels();
    }));
  });
  data.polarities.forEach(function (p) {
    legendItem(document.getElementById("kg-polarities"), p.color, p.name, p.count, "kg-line", null);
  });
  function refilter() {  // hides and shows; never moves an actor nor the view
    edgeView.refresh();
    if (filter.dates || tied) {
      tied = filter.dates ? {} : null;
      if (tied) edgeView.get().forEach(function (e) { tied[e.from] = tied[e.to] = true; });
      nodeView.refresh();
      chooseLabels();
    }
    network.redraw();
  }
  data.statuses.forEach(function (s) {
    legendItem(document.getElementById("kg-statuses"), null, s.name, s.count, null, checkbox(function (on) {
      filter.statuses[s.name] = on;
      refilter();
    }));
  });
  var slider = document.getElementById("kg-confidence");
  var sliderValue = document.getElementById("kg-confidence-value");
  slider.value = String(data.minConfidence);
  sliderValue.textContent = data.minConfidence.toFixed(2);
  slider.addEventListener("input", function () {
    filter.minConfidence = Number(slider.value);
    sliderValue.textContent = filter.minConfidence.toFixed(2);
    refilter();
  });

  /* The date range: two sliders over the days from the first date of a fact to the last. */
  var DAY_MS = 86400000;
  function dayOf(iso) { return Math.round(Date.parse(iso + "T00:00:00Z") / DAY_MS); }
  function isoOf(day) { return new Date(day * DAY_MS).toISOString().slice(0, 10); }
  if (data.dates) {
    var first = dayOf(data.dates.first), last = dayOf(data.dates.last);
    var fromSlider = document.getElementById("kg-date-start"), toSlider = document.getElementById("kg-date-end");
    var fromValue = document.getElementById("kg-date-start-value"), toValue = document.getElementById("kg-date-end-value");
    [fromSlider, toSlider].forEach(function (s) { s.min = "0"; s.max = String(last - first); s.step = "1"; });
    fromSlider.value = "0";
    toSlider.value = String(last - first);
    var setDates = function (moved) {
      var a = Number(fromSlider.value), b = Number(toSlider.value);
      if (a > b) {  // the ends do not cross: the other one follows
        if (moved === fromSlider) toSlider.value = String(a); else fromSlider.value = String(b);
        a = Number(fromSlider.value); b = Number(toSlider.value);
      }
      fromValue.textContent = isoOf(first + a);
      toValue.textContent = isoOf(first + b);
      filter.dates = a === 0 && b === last - first ? null : { start: isoOf(first + a), end: isoOf(first + b) };
      refilter();
    };
    [fromSlider, toSlider].forEach(function (s) {
      s.addEventListener("input", function () { setDates(s); });
    });
    fromValue.textContent = data.dates.first;
    toValue.textContent = data.dates.last;
    document.getElementById("kg-dates").hidden = false;
  }

  var isolatedButton = document.getElementById("kg-isolated");
  function isolatedText() {
    var n = data.isolated;
    return (showIsolated ? "Hide " : "Show ") + n + (n === 1 ? " isolated actor" : " isolated actors");
  }
  function setIsolated(on) {
    showIsolated = on;
    isolatedButton.textContent = isolatedText();
    nodeView.refresh();
    fitView();
  }
  if (data.isolated > 0) {
    isolatedButton.hidden = false;
    isolatedButton.textContent = isolatedText();
    isolatedButton.addEventListener("click", function () { setIsolated(!showIsolated); });
  }

  Array.prototype.forEach.call(document.querySelectorAll("#kg-colour input"), function (radio) {
    radio.addEventListener("change", function () {
      var key = radio.value === "community" ? "communityColor" : "typeColor";
      nodes.update(nodes.get().map(function (n) { return { id: n.id, color: n[key] }; }));
    });
  });

  /* ---- search ---- */
  var names = document.getElementById("kg-names");
  data.nodes.forEach(function (n) {
    var option = document.createElement("option");
    option.value = n.label;
    names.appendChild(option);
  });
  document.getElementById("kg-search").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var wanted = document.getElementById("kg-search-input").value.trim().toLowerCase();
    network.unselectAll();
    if (!wanted) { status.textContent = ""; return; }
    var exact = [], partial = [];
    nodes.get().forEach(function (n) {
      if (hiddenTypes[n.kgType]) return;
      var known = [n.label].concat(n.aliases || []).map(function (s) { return String(s).toLowerCase(); });
      if (known.indexOf(wanted) >= 0) exact.push(n.id);
      else if (known.some(function (s) { return s.indexOf(wanted) >= 0; })) partial.push(n.id);
    });
    var ids = exact.length ? exact : partial;
    if (!ids.length) { status.textContent = "No actor matches"; return; }
    if (!showIsolated && ids.some(function (id) { return nodes.get(id).isolated; })) setIsolated(true);
    network.selectNodes(ids);
    network.focus(ids[0], { scale: Math.max(network.getScale(), 1.2), animation: false });
    viewMoved = true;
    chooseLabels();
    show(nodePanel(nodes.get(ids[0])));
    status.textContent = ids.length === 1 ? "1 match" : ids.length + " matches";
  });
})();
