// A small static file server for dist/ (the demo and the end-to-end tests), bound to
// 127.0.0.1 only. Usage: node www/tools/serve.mjs [DIR] [PORT] [--prefix /static/rw/1.0/] [--csp]
//   --prefix  serve DIR under that path (the widget copied into a portal's sub-folder)
//   --csp     send the strict Content-Security-Policy of docs/embedding.md with every file
// Serves .wasm as application/wasm (needed for streaming compilation).
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** Starts a server for `root` (its files served under `prefix`). `routes` maps extra paths to
 * { body, type, headers } or to an async function (req, res) that answers itself; `headers` are
 * added to every answer (e.g. a Content-Security-Policy); `onRequest(url, req)` sees every request. */
export function serve({ root, port = 0, prefix = "/", routes = {}, headers = {}, onRequest }) {
  const base = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    onRequest?.(url, req);
    const extra = routes[url.pathname];
    if (typeof extra === "function") {
      return extra(req, res);
    }
    if (extra) {
      res.writeHead(200, { "content-type": extra.type || TYPES[".html"], ...headers, ...(extra.headers || {}) });
      return res.end(extra.body);
    }
    if (!url.pathname.startsWith(prefix)) {
      res.writeHead(404);
      return res.end("not found");
    }
    let rel = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
    if (rel.endsWith("/")) rel += "index.html";
    const file = normalize(join(base, rel));
    if (!file.startsWith(base)) {
      res.writeHead(403);
      return res.end("forbidden");
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error("not a file");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end("not found");
    }
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

export const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const positional = [];
  let prefix = "/";
  let headers = {};
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--prefix") prefix = args[++i] || "/";
    else if (args[i] === "--csp") headers = { "content-security-policy": STRICT_CSP };
    else if (args[i].startsWith("--")) throw new Error(`serve.mjs: unknown option ${args[i]}`);
    else positional.push(args[i]);
  }
  if (!prefix.startsWith("/") || !prefix.endsWith("/")) throw new Error(`serve.mjs: --prefix must start and end with "/": ${prefix}`);
  const [dir = "dist", port = "8080"] = positional;
  const server = await serve({ root: dir, port: Number(port), prefix, headers });
  const csp = headers["content-security-policy"] ? " with the strict CSP" : "";
  console.log(`report-widget demo${csp}: http://127.0.0.1:${server.address().port}${prefix}  (Ctrl+C to stop)`);
}
