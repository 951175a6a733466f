// report-widget loader: the one file a page includes, with
//   <script type="module" src=".../report-widget.js"></script>
// It finds its files next to itself (any folder works), starts the WebAssembly build, and the
// widget then mounts every element marked data-report-widget, now and whenever one is added.
// A module script runs once the page is parsed; one made `async` (or moved into <head>) by a CMS
// may run sooner, so hosts are touched only once the page is parsed (whenParsed).
//
// If the widget cannot run here (no WebAssembly, a Content-Security-Policy that forbids
// compiling it, a file that failed to load or failed its integrity check), every host that is
// not already showing the report gets data-state="error", a short readable message and the
// report-widget:error event; any fallback content the page put inside the host stays visible
// below the message. The same happens if the widget's code fails later on, and to a host whose
// report is shown without its stylesheet (it turns from ready to error; checkStyles).
//
// Syntax and APIs stay within what Chromium 90 and other 2019-era engines run: office browsers on
// UOS and Kylin are built on Chromium 90-93. A module script runs only where ES modules do
// (Chromium 61 and later), so Symbol, MutationObserver, console and performance.mark need no
// checks. The build step (www/tools/postbuild.mjs) bundles the widget's wasm-bindgen glue into
// this file (one module fewer to fetch and evaluate before the wasm can start) and fills in the
// content-hashed file names and their SRI hashes, so pinning this file with integrity="..."
// pins the whole widget.
import initWidget, { boot, instances } from "./widget-glue.js";

// The files this build loads (relative to this file) and their SRI hashes, filled in by the
// build. Object keys survive minification, so a webmaster can still read them in the built file.
var FILES = {
  wasm: "__WASM__",
  styles: "__STYLES__",
  // The on-demand module: CSV files, chart images (SVG, PNG) and the messages of a payload's
  // problems, fetched on a reader's first download or for a payload that has problems.
  exportGlue: "__EXPORT_GLUE__",
  exportWasm: "__EXPORT_WASM__",
};
var INTEGRITY = {
  wasm: "__WASM_SRI__",
  styles: "__STYLES_SRI__",
  exportGlue: "__EXPORT_GLUE_SRI__",
  exportWasm: "__EXPORT_WASM_SRI__",
};
var HOSTS = "[data-report-widget]";
// The widget's wasm exports, once instantiated.
var widgetExports = null;

var MESSAGES = {
  unsupported: {
    zh: "此浏览器无法运行交互式报告。",
    en: "The interactive report cannot run in this browser.",
  },
  unavailable: {
    zh: "交互式报告的文件未能加载。请刷新页面。",
    en: "The interactive report's files could not be loaded. Please reload the page.",
  },
  // `failed` and `stale` in the same words as src/embed/panic.rs, which says them where the
  // widget's own code saw the failure.
  failed: {
    zh: "报告组件出现内部错误，无法显示报告。请刷新页面。",
    en: "The report could not be shown: the report widget hit an internal error. Please reload the page.",
  },
  stale: {
    zh: "报告组件出现内部错误，以下内容可能无法再交互。请刷新页面。",
    en: "The report widget hit an internal error; what is shown below may no longer respond. Please reload the page.",
  },
};

// An error's message, or the thrown value itself as text.
function errorText(error) {
  return String((error && error.message) || error);
}

// User Timing marks of start-up (visible in the browser's performance tools; the benchmark's
// start-up breakdown reads them).
function mark(step) {
  performance.mark("report-widget:" + step);
}

function resolve(name) {
  return new URL(name, import.meta.url).href;
}

// As the widget reads data-lang (Lang::parse): spaces around it do not count.
function langOf(host) {
  return /^\s*en(-|\s*$)/i.test(host.getAttribute("data-lang") || "") ? "en" : "zh";
}

function alertFor(host, text) {
  var note = document.createElement("p");
  note.setAttribute("role", "alert");
  note.setAttribute("class", "rw-alert");
  note.setAttribute("lang", langOf(host) === "en" ? "en" : "zh-CN");
  note.textContent = text;
  return note;
}

function styleLink() {
  var link = document.createElement("link");
  link.setAttribute("rel", "stylesheet");
  if (INTEGRITY.styles) {
    link.setAttribute("integrity", INTEGRITY.styles);
    link.setAttribute("crossorigin", "anonymous");
  }
  link.setAttribute("href", resolve(FILES.styles));
  return link;
}

// Shows `kind`'s message in one host. A host already showing a report (rendered, or
// prerendered by the server into a declarative shadow root) keeps it, with the message above;
// any other host shows the message with the page's fallback content below it.
function markFailed(host, kind, detail) {
  var state = host.getAttribute("data-state");
  if (state === "error") return;
  var lang = langOf(host);
  try {
    var root = host.shadowRoot || host.attachShadow({ mode: "open" });
    // When the widget never ran, any report in the shadow root is the server's; once it has
    // run, the server's report is the one it marked (while rendering afresh beside it) or the
    // one it was hydrating (keyed: a failed hydration leaves the server's nodes in place). A
    // half-drawn live render is not worth keeping.
    var neverRan = kind === "unsupported" || kind === "unavailable";
    var prerendered = root.querySelector(neverRan ? ".rw-root > *" : ".rw-root[data-rw-prerendered] > *, .rw-root[data-rw-key] > *");
    if (state === "ready" || prerendered) {
      var first = root.firstChild;
      while (first && first.nodeName === "LINK") first = first.nextSibling;
      root.insertBefore(alertFor(host, MESSAGES[neverRan ? kind : "stale"][lang]), first);
    } else {
      // The stylesheet link the loader opened the host with (linkStylesEarly) stays: a new one
      // could fetch the file again.
      var link = root.firstChild && root.firstChild.nodeName === "LINK" ? root.firstChild : null;
      while (root.lastChild && root.lastChild !== link) root.removeChild(root.lastChild);
      if (!link) root.appendChild(styleLink());
      root.appendChild(alertFor(host, MESSAGES[kind][lang]));
      // The page's own fallback content (light DOM) stays visible below the message.
      root.appendChild(document.createElement("slot"));
    }
  } catch (e) {
    // No shadow DOM here (or the host cannot have one): the message goes first in the host.
    host.insertBefore(alertFor(host, MESSAGES[kind][lang]), host.firstChild);
  }
  host.setAttribute("data-state", "error");
  host.dispatchEvent(
    new CustomEvent("report-widget:error", {
      bubbles: true,
      composed: true,
      detail: { message: detail, problems: [], lang: lang === "en" ? "en" : "zh-CN" },
    })
  );
}

// Gives each host the page has now its shadow root and the widget's stylesheet while the wasm
// still compiles, so that the two download side by side. The widget keeps that link when it
// mounts the host (src/embed/host.rs, prepare_shadow); data-rw-done tells it the file is in. A
// slot keeps the page's fallback content inside the host on show meanwhile. (A prerendered host
// has its shadow root already.)
function linkStylesEarly() {
  function done() {
    this.setAttribute("data-rw-done", "");
  }
  var hosts = document.querySelectorAll(HOSTS);
  for (var i = 0; i < hosts.length; i++) {
    if (hosts[i].shadowRoot) continue;
    try {
      var root = hosts[i].attachShadow({ mode: "open" });
      var link = root.appendChild(styleLink());
      link.setAttribute("data-rw-early", "");
      link.onload = link.onerror = done;
      root.appendChild(document.createElement("slot"));
    } catch (e) {
      // This element cannot have a shadow root; the widget says so when it mounts it.
    }
  }
}

// Runs `task` once the page is parsed: a host still being parsed (its prerendered report, its
// fallback content, a later host or payload) must not be touched half-way.
function whenParsed(task) {
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", task);
  else task();
}

// Runs `start` (fetching and compiling the wasm) at once where the page has a host or is still
// being parsed; otherwise only when a host appears (a single-page portal's next view, a CMS tab):
// a site-wide template that loads the widget on every page costs pages without a report
// nothing but this file. A report's payload with no host says so in the console: a CMS that
// drops unknown attributes removes data-report-widget, and the page shows only its fallback.
function startWhenHosted(start) {
  function hosted() {
    return document.querySelector(HOSTS) !== null;
  }
  if (hosted() || document.readyState === "loading") return start();
  var payloads = document.querySelectorAll('script[type="application/json"]');
  for (var i = 0; i < payloads.length; i++) {
    if (/^\s*\{\s*"schema"\s*:\s*"report-widget\//.test(payloads[i].textContent.slice(0, 200))) {
      console.warn(
        "report-widget: a report's payload" + (payloads[i].id ? " (#" + payloads[i].id + ")" : "") +
          " but no element with data-report-widget: was the attribute removed (by the CMS)?",
        payloads[i]
      );
    }
  }
  var observer = new MutationObserver(function () {
    if (!hosted()) return;
    observer.disconnect();
    start();
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-report-widget"] });
}

function markAll(kind, detail) {
  var hosts = document.querySelectorAll(HOSTS);
  for (var i = 0; i < hosts.length; i++) markFailed(hosts[i], kind, detail);
}

// A host in error may keep a report on screen below its message (the widget cannot run, failed,
// or was refused by the page's Trusted Types policy; or a prerendered report under a payload's
// problems). The report stays readable, but its controls need the widget: a sort button, a
// section's toggle or a chart's keyboard group becomes its content, so nothing is a Tab stop or
// a button that does nothing. (The stylesheet hides the other buttons; a message has none.)
function freezeReport(event) {
  var host = event.target;
  if (styling) return;
  (host.shadowRoot || host).querySelectorAll(".rw-sort,.rw-section-toggle,.rw-plot").forEach(function (control) {
    control.replaceWith(...control.childNodes);
  });
}

// A report whose stylesheet could not be loaded (missing on the server, changed since the build
// and refused by its integrity check, or refused by the page's style-src) shows unstyled: every
// tooltip open, every rank square filled. Its host says that the files could not be loaded (the
// report stays below, its controls working: the widget runs, so freezeReport leaves them) and
// turns to error; the console and the event say which file. Looked at each time the host is
// ready (a language switch draws the report again: one message, the error said again). A
// stylesheet not in yet is waited for: its own load or error, and the page's load event (a
// prerendered report's may have failed before the loader ran); once the page has loaded (a host
// moved in the page, whose stylesheet is read again), a while.
var styling = false;
function checkStyles(event) {
  var host = event.target;
  var link = host.shadowRoot && host.shadowRoot.querySelector("link[rel=stylesheet]");
  if (!link) return;
  try {
    // Chromium keeps an empty sheet for a file answered with 404.
    if (link.sheet.cssRules.length) return;
  } catch (e) {
    // Another origin's, linked without CORS, cannot be read: taken as loaded. No sheet: not in
    // yet, or refused.
    if (link.sheet) return;
    if (!event.late) {
      var again = function () {
        if (again) checkStyles({ target: host, late: true });
        again = null;
      };
      link.addEventListener("load", again);
      link.addEventListener("error", again);
      if (document.readyState !== "complete") addEventListener("load", again);
      else setTimeout(again, 3000);
      return;
    }
  }
  if (host.getAttribute("data-state") !== "ready") return;
  var detail = "the widget's stylesheet " + link.href + " could not be loaded or failed its integrity check. " +
    "Deploy the six files of one build together, unchanged; a Content-Security-Policy must allow style-src.";
  console.error("report-widget: " + detail);
  host.shadowRoot.querySelectorAll(".rw-alert").forEach((alert) => alert.remove());
  styling = true;
  markFailed(host, "unavailable", detail);
  styling = false;
}

// Marks every host now, and hosts added later too (a CMS tab opened afterwards must not show an
// empty box either): used once the widget cannot run, or can no longer be trusted.
var watching = false;
function markAllFromNowOn(kind, detail) {
  markAll(kind, detail);
  if (watching) return;
  watching = true;
  new MutationObserver(function () {
    markAll(kind, detail);
  }).observe(document, { childList: true, subtree: true });
}

// The widget never started: this engine or the page's policy cannot run WebAssembly
// ("unsupported"), or the wasm could not be loaded: a network error, a missing file, a file that
// failed its integrity check ("unavailable"; fetch and the response checks reject with a
// TypeError, a refused compilation with a CompileError).
function cannotRun(reason) {
  var unavailable = reason instanceof TypeError;
  // The same advice in the console and in the error event's detail, for a page's listener.
  var detail = unavailable
    ? "the widget's WebAssembly could not be loaded (" + errorText(reason) + "). " +
      "Deploy the six files of one build together, unchanged; " +
      "a Content-Security-Policy must allow fetching it (connect-src)."
    : "the widget cannot run here (" + errorText(reason) + "). " +
      "If the page sends a Content-Security-Policy, script-src must allow 'self' and 'wasm-unsafe-eval' " +
      "(before Chrome 97, also 'unsafe-eval').";
  console.error("report-widget: " + detail);
  whenParsed(function () {
    markAllFromNowOn(unavailable ? "unavailable" : "unsupported", detail);
  });
}

// The widget's code failed: a trap in its WebAssembly leaves the instance unusable. The release
// build aborts on panic without running hooks (-Cpanic=immediate-abort), so a Rust panic arrives
// here as a trap; this marks every host, and hosts added afterwards. Only traps whose stack
// names the widget's own files count: another script's WebAssembly, or a page listener for
// report-widget:ready that throws, is none of the widget's business. The flag tells the Rust
// side (if it still runs, e.g. its MutationObserver) to start no new work.
function failed(error) {
  globalThis["report-widget:failed"] = true;
  markAllFromNowOn("failed", "internal error: " + errorText(error));
}
function onUncaught(error) {
  if (!(error instanceof WebAssembly.RuntimeError)) return;
  var stack = String(error.stack || "");
  if (stack.indexOf(import.meta.url) === -1 && stack.indexOf(FILES.wasm.replace(/^\.\//, "")) === -1) return;
  failed(error);
}
function watchTraps() {
  window.addEventListener("error", function (event) {
    onUncaught(event.error);
  });
  window.addEventListener("unhandledrejection", function (event) {
    onUncaught(event.reason);
  });
}

// Loads a wasm-bindgen glue module. Where the engine supports it, a <link rel="modulepreload">
// with the glue's SRI hash fetches and checks it first; import() then reuses that checked
// module. The link is removed again once the module is in, leaving the page's <head> as it was.
function importGlue(name, integrity) {
  var url = resolve(name);
  var link = document.createElement("link");
  var checked = integrity && link.relList && link.relList.supports && link.relList.supports("modulepreload");
  if (!checked) return import(url);
  return new Promise(function (done, fail) {
    link.setAttribute("rel", "modulepreload");
    link.setAttribute("integrity", integrity);
    link.setAttribute("href", url);
    link.onload = function () {
      done(import(url));
    };
    link.onerror = function () {
      fail(new Error(name + " could not be loaded or failed its integrity check"));
    };
    (document.head || document.documentElement).appendChild(link);
  }).then(
    function (glue) {
      link.parentNode.removeChild(link);
      return glue;
    },
    function (error) {
      link.parentNode.removeChild(link);
      throw error;
    }
  );
}

// Starts fetching a wasm, checked against its SRI hash, for a glue's init() to instantiate.
function fetchWasm(wasmName, wasmIntegrity) {
  var wasm = fetch(resolve(wasmName), wasmIntegrity ? { integrity: wasmIntegrity } : {});
  // init() takes the rejection over; without this it would also be reported as unhandled.
  wasm.catch(function () {});
  return wasm;
}

// Fetches a module's wasm and its glue in parallel, then instantiates.
function load(glueName, wasmName, glueIntegrity, wasmIntegrity) {
  var wasm = fetchWasm(wasmName, wasmIntegrity);
  return importGlue(glueName, glueIntegrity).then(function (glue) {
    return glue.default({ module_or_path: wasm }).then(function () {
      return glue;
    });
  });
}

// The on-demand module (the "export" files): CSV files, chart images and the messages of a
// payload's problems, which the widget's own wasm leaves out. Loaded on the first request, then reused; a
// failed load is tried again at the next request.
var onDemand = null;
function onDemandModule() {
  if (!onDemand) {
    onDemand = load(FILES.exportGlue, FILES.exportWasm, INTEGRITY.exportGlue, INTEGRITY.exportWasm);
    onDemand.catch(function () {
      onDemand = null;
    });
  }
  return onDemand;
}

function report(what, error) {
  console.error("report-widget: " + what + " (" + errorText(error) + ")");
}

// The widget asks for a file (a chart image, a CSV table) through window["report-widget:export"]
// (see src/embed/exporter.rs). The answer is a promise of whether a file was made; if not, the
// chart says so, the console says why, and the next click tries again.
function exportChart(request) {
  return onDemandModule().then(function (module) {
    // True, false, or for a PNG image a promise of true (rejected with what stopped it).
    return module.export_chart(request);
  }).then(function (made) {
    if (!made) throw new Error("the widget sent a request the export module does not understand");
    return true;
  }).catch(function (error) {
    report("the file could not be made", error);
    return false;
  });
}

// The widget asks for the messages of a payload's problems through
// window["report-widget:describe"] (see src/embed/messages.rs): a promise of one
// [pointer, zh, en] array per problem, or of null if the module could not be loaded (the widget
// then shows the problems with a shorter message of its own).
function describeProblems(text) {
  return onDemandModule().then(function (module) {
    return module.describe_problems(text);
  }).catch(function (error) {
    report("the messages of the payload's problems could not be loaded", error);
    return null;
  });
}

// The widget asks for the reading order of a ranking's labels through
// window["report-widget:collate"] (see src/embed/mod.rs) when a reader sorts by them: each
// label's rank in the collation of the report's language (pinyin for Chinese), equal labels
// ranked equal, numbers by their value ("站点 2" before "站点 10"). Intl.Collator has the
// tables the wasm does not.
function collate(labels, lang) {
  var compare = new Intl.Collator(lang, { numeric: true }).compare;
  var order = labels.map(function (label, i) {
    return i;
  });
  order.sort(function (a, b) {
    return compare(labels[a], labels[b]) || a - b;
  });
  var ranks = new Uint32Array(labels.length);
  for (var i = 0, rank = 0; i < order.length; i++) {
    if (i && compare(labels[order[i - 1]], labels[order[i]])) rank++;
    ranks[order[i]] = rank;
  }
  return ranks;
}

// One widget per page: a second copy of the loader (another release folder, or the same file
// under another URL, which makes it a separate module) would mount every host a second time.
var LOADED = Symbol.for("report-widget.loader");
if (window[LOADED]) {
  console.warn("report-widget: " + import.meta.url + " is ignored, the page already loaded " + window[LOADED]);
} else {
  window[LOADED] = import.meta.url;
  window.addEventListener("report-widget:error", freezeReport);
  window.addEventListener("report-widget:ready", checkStyles);
  if (typeof WebAssembly !== "object" || typeof WebAssembly.instantiate !== "function") {
    cannotRun("WebAssembly is not available");
  } else {
    mark("loader-start");
    watchTraps();
    window["report-widget:export"] = exportChart;
    window["report-widget:describe"] = describeProblems;
    window["report-widget:collate"] = collate;
    whenParsed(linkStylesEarly);
    startWhenHosted(function () {
      initWidget({ module_or_path: fetchWasm(FILES.wasm, INTEGRITY.wasm) }).then(function (exports) {
        widgetExports = exports;
        mark("wasm-instantiated");
        whenParsed(function () {
          try {
            boot(resolve(FILES.styles), INTEGRITY.styles);
            mark("boot-returned");
          } catch (error) {
            // The widget started but failed while mounting the hosts present now.
            failed(error);
          }
        });
      }, cannotRun);
    });
  }
}

// For tests, the benchmark and support (import this module again: same instance): how many
// hosts are mounted, and the size of the widget's WebAssembly memory in bytes (0 before the
// wasm is instantiated).
export { instances };
export function wasmMemoryBytes() {
  return widgetExports ? widgetExports.memory.buffer.byteLength : 0;
}
