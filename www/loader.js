// report-widget loader: the one file a page includes, with
//   <script type="module" src=".../report-widget.js"></script>
// It finds its files next to itself (any folder works), starts the WebAssembly build, and
// mounts every element marked data-report-widget. If WebAssembly cannot run here (a very old
// browser, or a Content-Security-Policy that forbids compiling it), every host that is not
// already showing the report gets data-state="error", a readable message, and the
// report-widget:error event; any fallback content the page put inside the host stays visible.
// The build step (www/tools/postbuild.mjs) fills in the content-hashed file names.
var GLUE = "__GLUE__";
var STYLES = "__STYLES__";
var HOSTS = "[data-report-widget]";

function resolve(name) {
  return new URL(name, import.meta.url).href;
}

function fail(reason) {
  var detail = String((reason && reason.message) || reason);
  var hosts = document.querySelectorAll(HOSTS);
  for (var i = 0; i < hosts.length; i++) {
    var host = hosts[i];
    var state = host.getAttribute("data-state");
    if (state === "ready" || state === "error") continue;
    host.setAttribute("data-state", "error");
    var note = document.createElement("p");
    note.setAttribute("role", "alert");
    note.textContent =
      host.getAttribute("data-lang") === "en"
        ? "The interactive report cannot run in this browser (" + detail + ")."
        : "此浏览器无法运行交互式报告（" + detail + "）。";
    try {
      // Keep the page's own fallback content (light DOM) visible below the message.
      var root = host.shadowRoot || host.attachShadow({ mode: "open" });
      root.textContent = "";
      root.appendChild(note);
      root.appendChild(document.createElement("slot"));
    } catch (e) {
      host.insertBefore(note, host.firstChild);
    }
    host.dispatchEvent(
      new CustomEvent("report-widget:error", {
        bubbles: true,
        composed: true,
        detail: { message: detail, problems: [] },
      })
    );
  }
}

if (typeof WebAssembly !== "object") {
  fail("WebAssembly is not available");
} else {
  import(resolve(GLUE))
    .then(function (glue) {
      return glue.default({ module_or_path: resolve(GLUE.replace(/\.js$/, "_bg.wasm")) }).then(function () {
        glue.boot(resolve(STYLES));
      });
    })
    .catch(fail);
}
