// The page's script: it looks up what the Rust side worked out (DATA) and draws it. No rule
// is decided here but the order of "not a state", "unknown" and "no tie" (see mod.rs).
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const K = {};
  DATA.keys.forEach((k, i) => { K[k.key] = i; });
  const $ = (id) => document.getElementById(id);
  const state = { chosen: DATA.chosen, year: DATA.years.length - 1, view: "map", selected: null };

  // Ties by pair "a,b" (a < b): runs [first, last, key, evidence ids].
  const ties = new Map();
  const partners = DATA.states.map(() => []);
  for (const [a, b, runs] of DATA.ties) {
    ties.set(a + "," + b, runs);
    partners[a].push(b);
    partners[b].push(a);
  }
  const runAt = (runs, year) => runs.find((r) => r[0] <= year && year <= r[1]);
  const alive = (s, year) => DATA.states[s].alive[year] === "1";
  const name = (s) => DATA.states[s].name;

  // The key of state s toward the chosen state c in a year, as seen from c, and the
  // evidence ids. One-sided keys are stored as seen from the lower index of the pair.
  function relation(c, s, year) {
    if (s === c) return [alive(c, year) ? K["chosen"] : K["not-a-state"], []];
    if (!alive(s, year)) return [K["not-a-state"], []];
    const runs = ties.get(Math.min(c, s) + "," + Math.max(c, s));
    const run = runs && runAt(runs, year);
    if (run && run[2] !== K["unknown"]) {
      let key = run[2];
      if (c > s && key === K["defended-by-chosen"]) key = K["defends-chosen"];
      else if (c > s && key === K["defends-chosen"]) key = K["defended-by-chosen"];
      return [key, run[3]];
    }
    if (DATA.outside[year] === "1" || !alive(c, year) || run) return [K["unknown"], run ? run[3] : []];
    return [K["no-tie"], []];
  }

  function evidenceText(id, c, s) {
    const [a, b] = c < s ? [c, s] : [s, c];
    return DATA.evidence[id].replace("{a}", name(a)).replace("{b}", name(b));
  }

  function keyLabel(k) {
    const key = DATA.keys[k];
    const chosen = name(state.chosen);
    if (key.key === "chosen") return chosen;
    if (key.key === "defended-by-chosen") return chosen + " owes it defense, one-sided";
    if (key.key === "defends-chosen") return "it owes " + chosen + " defense, one-sided";
    return key.label;
  }

  // The outlines: each drawn as the states on it that year, striped when several.
  const outlineEls = Array.from(document.querySelectorAll("#outlines [data-i]"));
  function statesOn(i, year) {
    const run = runAt(DATA.outlines[i], year);
    return run ? run[2] : [];
  }
  function fillFor(keys) {
    if (keys.length === 0) return DATA.keys[K["not-a-state"]].colour;
    if (keys.length === 1) return DATA.keys[keys[0]].colour;
    const id = "stripes-" + keys.join("-");
    if (!document.getElementById(id)) {
      const w = 5 * keys.length;
      const p = document.createElementNS(SVG, "pattern");
      p.setAttribute("id", id);
      p.setAttribute("patternUnits", "userSpaceOnUse");
      p.setAttribute("width", w);
      p.setAttribute("height", w);
      p.setAttribute("patternTransform", "rotate(45)");
      keys.forEach((k, n) => {
        const r = document.createElementNS(SVG, "rect");
        r.setAttribute("x", 5 * n);
        r.setAttribute("width", 5);
        r.setAttribute("height", w);
        r.setAttribute("fill", DATA.keys[k].colour);
        p.appendChild(r);
      });
      $("patterns").appendChild(p);
    }
    return "url(#" + id + ")";
  }

  function drawMap() {
    outlineEls.forEach((el) => {
      const i = +el.dataset.i;
      const on = statesOn(i, state.year);
      const keys = [...new Set(on.map((s) => relation(state.chosen, s, state.year)[0]))];
      el.setAttribute("fill", fillFor(keys));
      el.dataset.states = on.map((s) => DATA.states[s].id).join(" ");
      el.dataset.key = keys.length ? keys.map((k) => DATA.keys[k].key).join(" ") : "not-a-state";
      el.classList.toggle("selected", state.selected !== null && on.includes(state.selected));
    });
  }

  // The network: the chosen state in the middle, the states tied to it on a circle, in
  // key order, labels along the radius so that they never overlap.
  function drawNetwork() {
    const svg = $("network");
    svg.textContent = "";
    const c = state.chosen, year = state.year;
    const tied = [];
    DATA.states.forEach((_, s) => {
      if (s === c) return;
      const [k] = relation(c, s, year);
      if (k !== K["no-tie"] && k !== K["not-a-state"] && k !== K["unknown"]) tied.push([k, s]);
    });
    tied.sort((x, y) => x[0] - y[0] || name(x[1]).localeCompare(name(y[1])));
    const r = 250, at = new Map([[c, [0, 0]]]);
    tied.forEach(([, s], n) => {
      const t = (2 * Math.PI * n) / Math.max(tied.length, 1) - Math.PI / 2;
      at.set(s, [r * Math.cos(t), r * Math.sin(t)]);
    });
    const line = (a, b, key, cls) => {
      const [x1, y1] = at.get(a), [x2, y2] = at.get(b);
      const l = document.createElementNS(SVG, "line");
      Object.entries({ x1, y1, x2, y2 }).forEach(([k, v]) => l.setAttribute(k, v.toFixed(1)));
      l.setAttribute("stroke", DATA.keys[key].colour);
      l.setAttribute("class", "tie " + cls);
      l.dataset.pair = a + "," + b;
      l.dataset.key = DATA.keys[key].key;
      l.addEventListener("click", (e) => { e.stopPropagation(); showTie(a, b); });
      svg.appendChild(l);
    };
    if ($("among").checked) {
      tied.forEach(([, a]) => tied.forEach(([, b]) => {
        if (a < b) {
          const [k] = relation(a, b, year);
          if (k !== K["no-tie"] && k !== K["unknown"] && k !== K["not-a-state"]) line(a, b, k, "among");
        }
      }));
    }
    tied.forEach(([k, s]) => line(c, s, k, "direct"));
    [[DATA.keys[K["chosen"]].key, c]].concat(tied.map(([k, s]) => [DATA.keys[k].key, s])).forEach(([key, s]) => {
      const [x, y] = at.get(s);
      const g = document.createElementNS(SVG, "g");
      g.setAttribute("class", "node");
      g.dataset.state = DATA.states[s].id;
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", x.toFixed(1));
      dot.setAttribute("cy", y.toFixed(1));
      dot.setAttribute("r", s === c ? 9 : 5);
      dot.setAttribute("fill", DATA.keys[K[key]].colour);
      g.appendChild(dot);
      const text = document.createElementNS(SVG, "text");
      text.textContent = name(s);
      if (s === c) {
        text.setAttribute("x", 0);
        text.setAttribute("y", -14);
        text.setAttribute("text-anchor", "middle");
        text.setAttribute("font-weight", "bold");
      } else {
        let deg = (Math.atan2(y, x) * 180) / Math.PI;
        const flip = Math.abs(deg) > 90;
        text.setAttribute("transform", "rotate(" + (flip ? deg + 180 : deg).toFixed(1) + ")");
        text.setAttribute("x", ((flip ? -1 : 1) * (r + 9)).toFixed(1));
        text.setAttribute("y", 4);
        text.setAttribute("text-anchor", flip ? "end" : "start");
      }
      g.appendChild(text);
      g.addEventListener("click", () => showState(s));
      svg.appendChild(g);
    });
    if (tied.length === 0) {
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("y", 40);
      t.setAttribute("text-anchor", "middle");
      t.textContent = "No ties in " + DATA.years[year].slice(0, 4);
      svg.appendChild(t);
    }
  }

  function drawLegend() {
    const counts = DATA.keys.map(() => 0);
    DATA.states.forEach((_, s) => { counts[relation(state.chosen, s, state.year)[0]] += 1; });
    const ul = $("legend");
    ul.textContent = "";
    counts.forEach((n, k) => {
      if (n === 0) return;
      const li = document.createElement("li");
      li.dataset.key = DATA.keys[k].key;
      li.dataset.count = n;
      const sw = document.createElement("span");
      sw.className = "swatch";
      sw.style.background = DATA.keys[k].colour;
      li.appendChild(sw);
      li.appendChild(document.createTextNode(keyLabel(k) + " (" + n + ")"));
      ul.appendChild(li);
    });
  }

  function detail(title, lines) {
    const d = $("details");
    d.textContent = "";
    const h = document.createElement("h2");
    h.textContent = title;
    d.appendChild(h);
    lines.forEach(([cls, text]) => {
      const p = document.createElement("p");
      p.className = cls;
      p.textContent = text;
      d.appendChild(p);
    });
    return d;
  }

  function showTie(a, b) {
    const [k, ev] = relation(a, b, state.year);
    detail(name(a) + " and " + name(b) + ", " + DATA.years[state.year], [["key", DATA.keys[k].label]]
      .concat(ev.map((id) => ["evidence", evidenceText(id, a, b)])));
  }

  function showState(s) {
    state.selected = s;
    const c = state.chosen, year = state.year;
    const [k, ev] = relation(c, s, year);
    const lines = [["key", keyLabel(k)]].concat(ev.map((id) => ["evidence", evidenceText(id, c, s)]));
    const said = DATA.stances.filter(([who, from]) => who === s && from <= year);
    if (said.length) lines.push(["heading", "Stances on record by " + DATA.years[year] + ":"]);
    said.forEach(([, , text]) => lines.push(["stance", text]));
    const d = detail(name(s) + " and " + name(c) + ", " + DATA.years[year], lines);
    if (s !== c) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = "Show the ties of " + name(s);
      b.addEventListener("click", () => choose(s));
      d.appendChild(b);
    }
    drawMap();
  }

  function draw() {
    const date = DATA.years[state.year];
    $("year-label").textContent = date;
    $("heading").textContent = "Ties of " + name(state.chosen) + ", as of " + date;
    drawLegend();
    if (state.view === "map") drawMap(); else drawNetwork();
  }

  function choose(s) {
    state.chosen = s;
    state.selected = null;
    $("details").textContent = "";
    draw();
  }

  // Search: a name, alias or id, any case; among several, the state that was one that year.
  const names = new Map();
  DATA.states.forEach((st, s) => {
    [st.id, st.name].concat(st.aliases).forEach((n) => {
      const key = n.toLowerCase();
      if (!names.has(key)) names.set(key, []);
      names.get(key).push(s);
    });
    const o = document.createElement("option");
    o.value = st.name;
    $("names").appendChild(o);
  });
  function search(text) {
    const q = text.trim().toLowerCase();
    if (!q) return;
    let found = names.get(q);
    if (!found) {
      const near = [...names.keys()].filter((n) => n.startsWith(q) || n.includes(" " + q));
      found = near.length ? names.get(near[0]) : null;
    }
    if (!found) {
      const like = DATA.states.filter((st) => st.name.toLowerCase().includes(q.slice(0, 3))).map((st) => st.name);
      $("message").textContent = "No state named '" + text + "'" + (like.length ? "; did you mean " + like.slice(0, 3).join(", ") + "?" : ".");
      return;
    }
    const s = found.find((x) => alive(x, state.year)) ?? found[0];
    $("message").textContent = "";
    choose(s);
    showState(s);
  }
  $("search").addEventListener("change", (e) => search(e.target.value));
  $("search").addEventListener("keydown", (e) => { if (e.key === "Enter") search(e.target.value); });

  const slider = $("year");
  slider.max = DATA.years.length - 1;
  slider.value = state.year;
  slider.addEventListener("input", () => {
    state.year = +slider.value;
    draw();
    if (state.selected !== null) showState(state.selected);
  });
  outlineEls.forEach((el) => el.addEventListener("click", () => {
    const on = statesOn(+el.dataset.i, state.year);
    if (on.length) showState(on[0]);
    else detail(el.dataset.outline, [["key", "no state of the data here in " + DATA.years[state.year]]]);
  }));
  const setView = (v) => {
    state.view = v;
    $("map").toggleAttribute("hidden", v !== "map");
    $("network").toggleAttribute("hidden", v !== "network");
    $("show-map").setAttribute("aria-pressed", v === "map");
    $("show-network").setAttribute("aria-pressed", v === "network");
    draw();
  };
  $("show-map").addEventListener("click", () => setView("map"));
  $("show-network").addEventListener("click", () => setView("network"));
  $("among").addEventListener("change", draw);
  // The page's state for tests and for links: #USA/1955 opens on that state and year.
  const hash = decodeURIComponent(location.hash.slice(1)).split("/");
  if (hash[0]) {
    const s = DATA.states.findIndex((st) => st.id === hash[0]);
    if (s >= 0) state.chosen = s;
  }
  if (hash[1]) {
    const y = DATA.years.findIndex((d) => d.startsWith(hash[1]));
    if (y >= 0) state.year = y;
    slider.value = state.year;
  }
  draw();
  document.body.dataset.ready = "true";
})();
