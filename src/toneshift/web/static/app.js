/* toneshift: type-ahead and the dyad chart (inline SVG). No dependencies. */
"use strict";
(function () {
  const SVG = "http://www.w3.org/2000/svg";
  const W = 960, H = 360, M = { l: 48, r: 16, t: 16, b: 40 };

  function el(name, attrs, text) {
    const node = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    if (text !== undefined) node.textContent = text;
    return node;
  }

  async function getJSON(url) {
    const res = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await res.json();
    if (!res.ok || body.ok === false) throw new Error(body.error || res.statusText);
    return body;
  }

  function typeahead(input) {
    const list = document.getElementById(input.dataset.typeahead);
    let timer = null;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim();
      if (!q) return;
      timer = setTimeout(async () => {
        try {
          const data = await getJSON("/api/actors?q=" + encodeURIComponent(q));
          list.replaceChildren(...data.items.map((it) => {
            const opt = document.createElement("option");
            opt.value = it.code; opt.label = it.label; return opt;
          }));
        } catch (e) { /* type-ahead is a convenience; ignore errors */ }
      }, 150);
    });
  }

  function scales(periods) {
    const x0 = new Date(periods[0]).getTime(), x1 = new Date(periods[periods.length - 1]).getTime();
    const sx = (d) => M.l + ((new Date(d).getTime() - x0) / Math.max(x1 - x0, 1)) * (W - M.l - M.r);
    const sy = (v) => M.t + ((10 - v) / 20) * (H - M.t - M.b);
    return { sx, sy };
  }

  function axes(svg, periods, sx, sy) {
    for (const v of [-10, -5, 0, 5, 10]) {
      svg.append(el("line", { x1: M.l, x2: W - M.r, y1: sy(v), y2: sy(v), class: "grid",
        stroke: v === 0 ? "#8a96a3" : "#e3e7eb" }));
      svg.append(el("text", { x: M.l - 6, y: sy(v) + 4, "text-anchor": "end", "font-size": 11,
        fill: "#5b6570" }, String(v)));
    }
    const step = Math.max(1, Math.ceil(periods.length / 12));
    periods.forEach((p, i) => {
      if (i % step) return;
      svg.append(el("text", { x: sx(p), y: H - M.b + 16, "text-anchor": "middle", "font-size": 11,
        fill: "#5b6570" }, String(p).slice(0, 7)));
    });
  }

  function line(svg, rows, key, sx, sy, style) {
    const pts = rows.filter((r) => r[key] !== null && r[key] !== undefined)
      .map((r) => `${sx(r.period).toFixed(1)},${sy(key === "tone_mean" ? r[key] * 10 : r[key]).toFixed(1)}`);
    if (pts.length) svg.append(el("polyline", Object.assign({ points: pts.join(" "), fill: "none" }, style)));
  }

  function shiftMarks(svg, shifts, sx) {
    const seen = {};
    for (const s of shifts) {
      const x = sx(s.date), warm = s.direction === "warming";
      const k = (seen[s.date] = (seen[s.date] || 0) + 1) - 1;
      const g = el("g", { class: "changepoint", "data-date": s.date });
      g.append(el("line", { x1: x, x2: x, y1: M.t, y2: H - M.b, stroke: warm ? "#11633a" : "#9c2a12",
        "stroke-width": 2, "stroke-dasharray": "6 3" }));
      g.append(el("text", { x: x + 4, y: M.t + 12 + 14 * k, "font-size": 11, fill: warm ? "#11633a" : "#9c2a12" },
        `${s.direction} ${String(s.date).slice(0, 7)}${s.dyad ? " (" + s.dyad + ")" : ""}`));
      g.append(el("title", {}, `${s.direction}: Goldstein ${(+s.goldstein_before).toFixed(2)} → ${(+s.goldstein_after).toFixed(2)}`));
      svg.append(g);
    }
  }

  function legend(svg, dirs) {
    dirs.forEach((d, i) => {
      const x = M.l + 10 + i * 220, y = H - 8, color = i ? "var(--b)" : "var(--a)";
      svg.append(el("line", { x1: x, x2: x + 24, y1: y - 4, y2: y - 4, stroke: color, "stroke-width": 2.5 }));
      svg.append(el("text", { x: x + 30, y: y, "font-size": 12, fill: "#1d232a" }, `${d} Goldstein / tone`));
    });
  }

  function draw(box, a, b, series, shifts) {
    series = series.map((r) => Object.assign({}, r, { period: r.period_start || r.period }));
    const periods = [...new Set(series.map((r) => String(r.period)))].sort();
    if (!periods.length) { box.textContent = "No events for this dyad yet."; return; }
    const { sx, sy } = scales(periods);
    const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "series-chart" });
    axes(svg, periods, sx, sy);
    [`${a}->${b}`, `${b}->${a}`].forEach((dir, i) => {
      const rows = series.filter((r) => r.direction === dir);
      const color = i ? "var(--b)" : "var(--a)";
      line(svg, rows, "goldstein_mean", sx, sy, { stroke: color, "stroke-width": 2.5, class: "goldstein" });
      line(svg, rows, "tone_mean", sx, sy, { stroke: color, "stroke-width": 1.5, "stroke-dasharray": "4 3", class: "tone" });
    });
    shiftMarks(svg, shifts, sx);
    legend(svg, [`${a}→${b}`, `${b}→${a}`]);
    box.replaceChildren(svg);
  }

  async function chart(fig) {
    const box = fig.querySelector(".chart-body"), a = fig.dataset.a, b = fig.dataset.b;
    const q = `a=${encodeURIComponent(a)}&b=${encodeURIComponent(b)}`;
    try {
      const [series, shifts] = await Promise.all([getJSON("/api/series?" + q), getJSON("/api/shifts?" + q)]);
      draw(box, a, b, series.items, shifts.items);
      fig.dataset.ready = "1";
    } catch (e) {
      box.textContent = "Could not load the chart: " + e.message;
    }
  }

  document.querySelectorAll("input[data-typeahead]").forEach(typeahead);
  const fig = document.getElementById("chart");
  if (fig) chart(fig);
})();
