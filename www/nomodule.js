/* report-widget: the message for browsers without ES modules (Internet Explorer, Chrome < 61,
   ...), which cannot run the widget. The snippet includes it as
     <script nomodule defer src=".../report-widget-nomodule.js"></script>
   Browsers with modules never fetch it; old ones run it after the page is parsed. It puts one
   short sentence first in every host and leaves the page's own fallback content in place.
   Deliberately ES3: no let/const, arrow functions, classList or shadow DOM. The Chinese text is
   written as \u escapes because a classic script is decoded in the page's charset when the
   server sends none, and many portal pages are GBK. */
(function () {
  var probe = document.createElement("script");
  // Safari 10.1 runs nomodule scripts although it has modules: leave those to the loader.
  if ("noModule" in probe || !document.querySelectorAll) return;
  var hosts = document.querySelectorAll("[data-report-widget]");
  for (var i = 0; i < hosts.length; i++) {
    var host = hosts[i];
    if (host.getAttribute("data-state")) continue;
    var en = /^\s*en(-|\s*$)/i.test(host.getAttribute("data-lang") || "");
    var note = document.createElement("p");
    note.setAttribute("role", "alert");
    note.className = "report-widget-unsupported";
    note.appendChild(
      document.createTextNode(
        en
          ? "The interactive report needs a newer browser."
          : "\u6b64\u6d4f\u89c8\u5668\u7248\u672c\u8fc7\u65e7\uff0c\u65e0\u6cd5\u663e\u793a\u4ea4\u4e92\u5f0f\u62a5\u544a\u3002"
      )
    );
    host.insertBefore(note, host.firstChild);
    host.setAttribute("data-state", "error");
    if (document.createEvent) {
      try {
        var event = document.createEvent("CustomEvent");
        event.initCustomEvent("report-widget:error", true, false, {
          message: "this browser has no ES module support",
          problems: [],
          lang: en ? "en" : "zh-CN"
        });
        host.dispatchEvent(event);
      } catch (e) {
        /* IE 8 and older: the message is enough */
      }
    }
  }
})();
