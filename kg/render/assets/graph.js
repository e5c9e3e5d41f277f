/* kg render: draws the actor network from the JSON block #kg-data with vis-network.
 * Every piece of data reaches the page through textContent or DOM properties, never
 * as markup. Progress is written on <body>: data-kg-state = loading | drawn | stable,
 * data-kg-stable-ms = milliseconds from navigation start until the layout stopped,
 * data-kg-start-ms = until this script started (HTML and vis-network parsed). */
(function () {
  "use strict";
  var body = document.body;
  body.dataset.kgStartMs = String(Math.round(performance.now()));
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var WIKIDATA = /^https?:\/\/www\.wikidata\.org\/entity\/Q\d+$/;
  var status = document.getElementById("kg-search-status");
  var details = document.getElementById("kg-details");

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

  function nodeInfo(n) {
    var box = el("div", null, "kg-tip");
    box.appendChild(el("strong", n.label));
    box.appendChild(el("p", "Type: " + n.kgType));
    if (n.aliases && n.aliases.length) box.appendChild(el("p", "Also known as: " + n.aliases.join(", ")));
    if (n.articles) box.appendChild(el("p", "Mentioned in " + n.articles + (n.articles === 1 ? " article" : " articles")));
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
    box.appendChild(el("strong", labels[e.from] + " \u2014 " + e.relations.join(", ") + " \u2014 " + labels[e.to]));
    box.appendChild(el("p", e.polarity + " tie, " + e.weight + (e.weight === 1 ? " mention" : " independent mentions")));
    if (e.evidence.length) {
      var list = el("ul");
      e.evidence.forEach(function (ev) {
        var item = el("li", ev.sentence);
        item.appendChild(document.createTextNode(" "));
        item.appendChild(el("span", "(" + localName(ev.article) + ")", "kg-article"));
        list.appendChild(item);
      });
      box.appendChild(list);
      if (e.evidenceTotal > e.evidence.length) {
        box.appendChild(el("p", "\u2026 and " + (e.evidenceTotal - e.evidence.length) + " more", "kg-hint"));
      }
    }
    return box;
  }

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { title: nodeInfo(n) });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e, i) {
    return Object.assign({}, e, { id: "e" + i, title: edgeInfo(e) });
  }));
  var hiddenTypes = {};
  var nodeView = new vis.DataView(nodes, { filter: function (n) { return !hiddenTypes[n.kgType]; } });
  var network = new vis.Network(document.getElementById("kg-network"), { nodes: nodeView, edges: edges }, data.options);
  window.kgNetwork = network;

  network.on("stabilizationProgress", function (p) {
    status.textContent = "Laying out\u2026 " + Math.round(100 * p.iterations / p.total) + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({ physics: { enabled: false } });  // keep the layout still from now on
    status.textContent = "";
    body.dataset.kgStableMs = String(Math.round(performance.now()));
    body.dataset.kgState = "stable";
  });
  network.once("afterDrawing", function () {
    body.dataset.kgDrawnMs = String(Math.round(performance.now()));
    if (body.dataset.kgState === "loading") body.dataset.kgState = "drawn";
  });

  function show(element) {
    while (details.firstChild) details.removeChild(details.firstChild);
    details.appendChild(element);
  }
  network.on("click", function (p) {
    if (p.nodes.length) show(nodeInfo(nodes.get(p.nodes[0])));
    else if (p.edges.length) show(edgeInfo(edges.get(p.edges[0])));
  });

  function legendItem(list, color, name, count, swatchClass, checkbox) {
    var item = el("li");
    var holder = checkbox ? el("label") : item;
    if (checkbox) holder.appendChild(checkbox);
    var swatch = el("span", null, swatchClass);
    swatch.style.background = color;
    holder.appendChild(swatch);
    holder.appendChild(el("span", name));
    holder.appendChild(el("span", "(" + count + ")", "kg-count"));
    if (checkbox) item.appendChild(holder);
    list.appendChild(item);
  }
  data.types.forEach(function (t) {
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.addEventListener("change", function () {
      hiddenTypes[t.name] = !box.checked;
      nodeView.refresh();
    });
    legendItem(document.getElementById("kg-types"), t.color, t.name, t.count, "kg-swatch", box);
  });
  data.polarities.forEach(function (p) {
    legendItem(document.getElementById("kg-polarities"), p.color, p.name, p.count, "kg-line", null);
  });

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
    nodeView.get().forEach(function (n) {
      var known = [n.label].concat(n.aliases || []).map(function (s) { return String(s).toLowerCase(); });
      if (known.indexOf(wanted) >= 0) exact.push(n.id);
      else if (known.some(function (s) { return s.indexOf(wanted) >= 0; })) partial.push(n.id);
    });
    var ids = exact.length ? exact : partial;
    if (!ids.length) { status.textContent = "No actor matches"; return; }
    network.selectNodes(ids);
    network.focus(ids[0], { scale: 1.2, animation: { duration: 400 } });
    show(nodeInfo(nodes.get(ids[0])));
    status.textContent = ids.length === 1 ? "1 match" : ids.length + " matches";
  });
})();
