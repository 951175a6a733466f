// ECharts reference page for the benchmark (not shipped): draws the same figures as the widget
// from the same payload, the way a portal typically does it with ECharts — HTML for text and
// cards, ECharts (tree-shaken to the bar chart, SVG renderer) for every chart the widget draws:
// the ranking (rank positions), the month strip, completion bars and the bar chart per shared
// unit of case statistics.
//
// It follows the widget's embed contract so the runner measures both the same way: each
// [data-report-widget] host gets an open shadow root with its stylesheet (awaited, like the
// widget), then data-state="ready" and a bubbling, composed report-widget:ready event once every
// chart has been drawn (ECharts' setOption renders synchronously with lazyUpdate off; animation
// is off, as the widget has none).
//
// Bundled by bench/run.mjs with esbuild (--bundle --minify --format=esm), from npm `echarts`.
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { AriaComponent, GridComponent, TooltipComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";

echarts.use([BarChart, GridComponent, TooltipComponent, AriaComponent, SVGRenderer]);

const STYLES = new URL("./ref.css", import.meta.url).href;

const UI = {
  zh: {
    publishedBy: "发布单位", publishedOn: "发布日期", synthetic: "本报告为合成数据，仅用于测试或示例。",
    source: "原文", item: "项目", value: "数值", change: "变化", valueRank: "数值排名", changeRank: "改善排名",
    notGiven: "未给出", resolved: "已办结", computed: "（计算值）", yoy: "同比", flat: "持平",
    improved: "改善", worsened: "恶化", up: "上升", down: "下降", points: "个百分点", reward: "奖励",
    months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  },
  en: {
    publishedBy: "Published by", publishedOn: "Date", synthetic: "Synthetic data, for testing or illustration only.",
    source: "Source", item: "Item", value: "Value", change: "Change", valueRank: "Rank by value", changeRank: "Rank by improvement",
    notGiven: "not given", resolved: "Resolved", computed: " (computed)", yoy: "year on year", flat: "unchanged",
    improved: "improved", worsened: "worsened", up: "up", down: "down", points: " points", reward: "reward",
    months: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  },
};

const text = (t, lang) => (t == null ? "" : typeof t === "string" ? t : t[lang] || t.zh || "");

function number(v, lang) {
  if (lang === "en") return v.toLocaleString("en-US", { maximumFractionDigits: 6 });
  const abs = Math.abs(v);
  if (abs >= 1e8) return `${+(v / 1e8).toFixed(8)}亿`;
  if (abs >= 1e4) return `${+(v / 1e4).toFixed(8)}万`;
  return String(v);
}

function figure(value, qualifier, unit, lang) {
  const n = number(value, lang);
  const u = text(unit, lang);
  const sep = lang === "en" && u && !u.startsWith("%") ? " " : "";
  if (lang === "zh") {
    const pre = { more_than: "超过", at_least: "不少于", about: "约", less_than: "不足" }[qualifier] || "";
    return `${pre}${n}${qualifier === "over" ? "余" : ""}${u}`;
  }
  const pre = { more_than: "more than ", over: "more than ", at_least: "at least ", about: "about ", less_than: "less than " }[qualifier] || "";
  return `${pre}${n}${sep}${u}`;
}

function changeText(change, direction, unit, lang) {
  const t = UI[lang];
  if (change.value === 0) return { phrase: `${t.yoy}${t.flat}`, tone: "neutral", arrow: "▬" };
  const up = change.value > 0;
  const mag = number(Math.abs(change.value), lang);
  const amount = change.kind === "percent" ? `${mag}%` : change.kind === "points" ? `${mag}${t.points}` : `${mag}${text(unit, lang)}`;
  let tone = "neutral";
  let verb = up ? t.up : t.down;
  if (direction === "higher_is_better" || direction === "lower_is_better") {
    const good = up === (direction === "higher_is_better");
    tone = good ? "good" : "bad";
    verb = good ? t.improved : t.worsened;
  }
  return { phrase: `${t.yoy}${verb}${lang === "en" ? " " : ""}${amount}`, tone, arrow: up ? "▲" : "▼" };
}

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  if (attrs) for (const k in attrs) if (attrs[k] != null) e.setAttribute(k, attrs[k]);
  for (const c of children) if (c != null) e.append(c);
  return e;
}

function sourceNote(src, lang) {
  if (!src) return null;
  return el("details", { class: "ref-source" }, el("summary", null, UI[lang].source), el("blockquote", null, text(src, lang)));
}

/** One ECharts bar chart in its own box; returns the box (charts are drawn once it is in the DOM). */
function chartBox(charts, height, option, label) {
  const box = el("div", { class: "ref-chart", role: "img", "aria-label": label });
  box.style.height = `${height}px`;
  charts.push({ box, option: { animation: false, aria: { enabled: true, label: { description: label } }, tooltip: {}, ...option } });
  return box;
}

function barOption(labels, values, valueTexts, max) {
  return {
    grid: { left: 8, right: 90, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: "value", show: false, max },
    yAxis: { type: "category", inverse: true, data: labels, axisTick: { show: false }, axisLine: { show: false } },
    series: [{
      type: "bar", data: values, barWidth: 14, itemStyle: { color: "#1f6fb2" }, showBackground: true,
      label: { show: true, position: "right", formatter: (p) => valueTexts[p.dataIndex] },
    }],
  };
}

function render(report, lang, charts) {
  const t = UI[lang];
  const metrics = new Map();
  const groups = new Map((report.groups || []).map((g) => [g.id, g]));
  for (const s of report.sections) if (s.kind === "metrics") for (const m of s.items) metrics.set(m.id, m);
  const m = report.meta;
  const article = el("article", { class: "ref", lang: lang === "en" ? "en" : "zh-CN" },
    el("header", null,
      el("h2", null, text(m.title, lang)),
      el("p", { class: "ref-meta" }, `${t.publishedBy}：${text(m.publisher, lang)} ${t.publishedOn}：${m.date} ${text(m.period, lang)}`),
      m.synthetic ? el("p", { role: "note" }, t.synthetic) : null,
      m.note ? el("p", { class: "ref-note" }, text(m.note, lang)) : null));
  for (const s of report.sections) {
    const sec = el("section", { class: "ref-section", id: s.id }, el("h3", null, text(s.title, lang)), s.intro ? el("p", null, text(s.intro, lang)) : null);
    if (s.kind === "metrics") {
      const ul = el("ul", { class: "ref-cards" });
      for (const it of s.items) {
        const ch = it.change && changeText(it.change, it.direction, it.unit, lang);
        const badges = (it.ranks || []).map((r) => {
          const g = groups.get(r.group);
          return el("li", null, lang === "en" ? `#${r.position} of ${g.size} ${text(g.label, lang)}` : `${text(g.label, lang)}第${r.position}名`);
        });
        ul.append(el("li", { class: "ref-card" },
          el("p", { class: "ref-label" }, text(it.label, lang)),
          el("p", { class: "ref-value" }, figure(it.value, it.qualifier, it.unit, lang)),
          ch ? el("p", { class: `ref-${ch.tone}` }, `${ch.arrow} ${ch.phrase}`) : null,
          badges.length ? el("ul", { class: "ref-badges" }, ...badges) : null,
          it.note ? el("p", null, text(it.note, lang)) : null,
          sourceNote(it.source, lang)));
      }
      sec.append(ul);
    } else if (s.kind === "ranking") {
      const g = groups.get(s.group);
      const rows = s.rows.map((r) => {
        const mt = r.metric ? metrics.get(r.metric) : null;
        const rank = (basis) => (mt ? (mt.ranks || []).find((x) => x.group === s.group && (x.basis || "value") === basis)?.position : basis === "value" ? r.value_rank : r.change_rank);
        return {
          label: text(mt ? mt.label : r.label, lang),
          value: mt ? figure(mt.value, mt.qualifier, mt.unit, lang) : r.value != null ? figure(r.value, null, r.unit, lang) : "—",
          change: mt && mt.change ? changeText(mt.change, mt.direction, mt.unit, lang) : null,
          valueRank: rank("value"), changeRank: rank("change"),
        };
      });
      const cell = (p) => (p == null ? el("td", null, "—") : el("td", null, `${p} / ${g.size}`));
      const tbody = el("tbody");
      for (const r of rows) {
        tbody.append(el("tr", null, el("th", { scope: "row" }, r.label), el("td", null, r.value),
          r.change ? el("td", { class: `ref-${r.change.tone}` }, `${r.change.arrow}${r.change.phrase}`) : el("td", null, "—"),
          cell(r.valueRank), cell(r.changeRank)));
      }
      sec.append(el("table", { class: "ref-table" },
        el("caption", null, `${text(s.title, lang)}（${text(g.label, lang)}）`),
        el("thead", null, el("tr", null, ...[t.item, t.value, t.change, t.valueRank, t.changeRank].map((h) => el("th", { scope: "col" }, h)))),
        tbody));
      // The rank meters: rank positions as bars (a shorter bar is a better rank, drawn as size - position + 1).
      const ranked = rows.filter((r) => r.valueRank != null || r.changeRank != null);
      if (ranked.length) {
        const labels = ranked.map((r) => r.label);
        const score = (p) => (p == null ? null : g.size - p + 1);
        sec.append(chartBox(charts, 40 + 36 * ranked.length, {
          grid: { left: 8, right: 30, top: 28, bottom: 8, containLabel: true },
          xAxis: { type: "value", show: false, max: g.size },
          yAxis: { type: "category", inverse: true, data: labels, axisTick: { show: false } },
          series: [
            { name: t.valueRank, type: "bar", barGap: "10%", data: ranked.map((r) => score(r.valueRank)), label: { show: true, position: "right", formatter: (p) => `${ranked[p.dataIndex].valueRank ?? "—"}/${g.size}` } },
            { name: t.changeRank, type: "bar", data: ranked.map((r) => score(r.changeRank)), label: { show: true, position: "right", formatter: (p) => `${ranked[p.dataIndex].changeRank ?? "—"}/${g.size}` } },
          ],
        }, `${text(s.title, lang)}：${t.valueRank} / ${t.changeRank}`));
      }
    } else if (s.kind === "calendar") {
      const marked = new Map(s.marked.map((x) => [x.month, x]));
      sec.append(el("p", null, `★ ${text(s.label, lang)} (${s.year})`));
      sec.append(chartBox(charts, 120, {
        grid: { left: 8, right: 8, top: 8, bottom: 24 },
        xAxis: { type: "category", data: t.months },
        yAxis: { type: "value", show: false, max: 1 },
        series: [{ type: "bar", data: t.months.map((_, i) => (marked.has(i + 1) ? 1 : 0.08)),
          label: { show: true, position: "inside", formatter: (p) => (marked.has(p.dataIndex + 1) ? "★" : "") },
          tooltip: { formatter: (p) => { const x = marked.get(p.dataIndex + 1); return x && x.reward ? `${t.reward} ${figure(x.reward.value, null, x.reward.unit, lang)}` : p.name; } } }],
      }, text(s.label, lang)));
      const src = sourceNote(s.source, lang);
      if (src) sec.append(src);
    } else if (s.kind === "case_stats") {
      const ul = el("ul", { class: "ref-cases" });
      for (const it of s.items) {
        ul.append(el("li", null, el("span", null, text(it.label, lang)), " ", el("strong", null, figure(it.value, it.qualifier, it.unit, lang)),
          it.resolved != null ? el("span", null, ` ${t.resolved} ${it.resolved} / ${it.value}（${(it.value ? (100 * it.resolved) / it.value : 0).toFixed(1)}%）${t.computed}`) : null,
          it.note ? el("span", null, ` ${text(it.note, lang)}`) : null, sourceNote(it.source, lang)));
      }
      sec.append(ul);
      const done = s.items.filter((it) => it.resolved != null);
      if (done.length) {
        // Completion as stacked bars: resolved and remaining.
        sec.append(chartBox(charts, 30 + 30 * done.length, {
          grid: { left: 8, right: 60, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: "value", show: false, max: 100 },
          yAxis: { type: "category", inverse: true, data: done.map((it) => text(it.label, lang)), axisTick: { show: false } },
          series: [
            { type: "bar", stack: "c", barWidth: 12, data: done.map((it) => (it.value ? (100 * it.resolved) / it.value : 0)),
              label: { show: true, position: "insideRight", formatter: (p) => `${p.value.toFixed(1)}%` } },
            { type: "bar", stack: "c", barWidth: 12, itemStyle: { color: "#ddd" }, data: done.map((it) => (it.value ? 100 - (100 * it.resolved) / it.value : 100)) },
          ],
        }, `${text(s.title, lang)}：${t.resolved}`));
      }
      // One bar chart per unit shared by two or more items, like the widget.
      const byUnit = new Map();
      for (const it of s.items) {
        const u = text(it.unit, lang);
        if (!byUnit.has(u)) byUnit.set(u, []);
        byUnit.get(u).push(it);
      }
      for (const [u, items] of byUnit) {
        if (items.length < 2) continue;
        const caption = `${text(s.title, lang)}${u ? `（${u}）` : ""}`;
        sec.append(el("figure", null, el("figcaption", null, caption),
          chartBox(charts, 46 * items.length, barOption(items.map((it) => text(it.label, lang)), items.map((it) => it.value), items.map((it) => figure(it.value, it.qualifier, it.unit, lang))), caption)));
      }
    } else if (s.kind === "highlights") {
      sec.append(el("dl", null, ...s.items.flatMap((h) => [el("dt", null, text(h.title, lang)), el("dd", null, text(h.text, lang))])));
    } else if (s.kind === "narrative") {
      for (const p of s.paragraphs) sec.append(el("p", null, text(p, lang)));
    }
    article.append(sec);
  }
  return article;
}

function mount(host) {
  host.setAttribute("data-state", "loading");
  const lang = host.getAttribute("data-lang") === "en" ? "en" : "zh";
  const shadow = host.shadowRoot || host.attachShadow({ mode: "open" });
  const link = el("link", { rel: "stylesheet", href: STYLES });
  const loaded = new Promise((r) => { link.onload = r; link.onerror = r; });
  const root = el("div", { class: "ref-root" });
  shadow.append(link, root);
  return loaded.then(() => {
    try {
      const report = JSON.parse(document.getElementById(host.getAttribute("data-payload")).textContent);
      if (!/^report-widget\/1(\.|$)/.test(report.schema)) throw new Error(`unknown schema ${report.schema}`);
      const charts = [];
      root.append(render(report, lang, charts));
      for (const { box, option } of charts) echarts.init(box, null, { renderer: "svg" }).setOption(option);
      host.setAttribute("data-state", "ready");
      host.dispatchEvent(new CustomEvent("report-widget:ready", { bubbles: true, composed: true }));
    } catch (e) {
      root.textContent = String(e);
      host.setAttribute("data-state", "error");
      host.dispatchEvent(new CustomEvent("report-widget:error", { bubbles: true, composed: true, detail: { message: String(e), problems: [] } }));
    }
  });
}

document.querySelectorAll("[data-report-widget]").forEach(mount);
