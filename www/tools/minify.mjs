// Minifies what the widget ships (esbuild, a pinned dev dependency): about 5 KB gzip off the
// transfer (BENCHMARKS.md). Targets Chromium 90, the oldest engine the widget supports, so no
// newer syntax is introduced.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build, transformSync } from "esbuild";

const options = { target: "chrome90", legalComments: "none", charset: "utf8" };

/** The wasm-bindgen glue, fully minified. */
export const minifyGlue = (text) => transformSync(text, { ...options, loader: "js", format: "esm", minify: true }).code;

/** The widget's glue with every `innerHTML` write passed through a Trusted Types policy named
 * "report-widget". Yew writes the report's static markup (built and escaped by the widget,
 * `src/markup.rs`) with `innerHTML`; a page that sends `require-trusted-types-for 'script'`
 * refuses plain strings there. The policy is created on the first write, only where the browser
 * has Trusted Types; a page whose `trusted-types` directive does not name it keeps refusing, and
 * the widget then says so instead of rendering (`embed::host::markup_allowed`). Throws if
 * wasm-bindgen writes `innerHTML` some other way, so an upgrade cannot silently skip this. */
export function trustedInnerHtml(glue) {
  const write = /\.innerHTML = getStringFromWasm0\((\w+), (\w+)\);/g;
  const count = (glue.match(write) || []).length;
  // Writes only: the widget also reads a prerendered report back (`innerHTML`'s getter).
  const any = (glue.match(/\.innerHTML\s*=(?!=)/g) || []).length;
  if (count === 0 || count !== any) {
    throw new Error(`trustedInnerHtml: the glue writes innerHTML ${any} times, ${count} in the expected form`);
  }
  return (
    glue.replace(write, ".innerHTML = trustedHtml(getStringFromWasm0($1, $2));") +
    `
let htmlPolicy;
function trustedHtml(html) {
    if (htmlPolicy === undefined) {
        try {
            htmlPolicy = (globalThis.trustedTypes && globalThis.trustedTypes.createPolicy("report-widget", { createHTML: (s) => s })) || null;
        } catch (e) {
            htmlPolicy = null;
        }
    }
    return htmlPolicy ? htmlPolicy.createHTML(html) : html;
}
`
  );
}

/** The loader with the widget's glue bundled in (one ES module), fully minified. `loaderText`
 * imports the glue as "./widget-glue.js"; `glueText` is that module, already minified. The
 * loader's file names and SRI values are the keys of two objects (`FILES`, `INTEGRITY`), which
 * minification keeps, so a webmaster can still read which files it loads. `keepNames` minifies
 * whitespace and syntax only (the profiler's bundle, whose function names must stay readable). */
export async function bundleLoader(loaderText, glueText, { keepNames = false } = {}) {
  const glueModule = "./widget-glue.js";
  const result = await build({
    ...options,
    stdin: { contents: loaderText, sourcefile: "loader.js", loader: "js" },
    bundle: true,
    format: "esm",
    write: false,
    ...(keepNames ? { minifyWhitespace: true, minifySyntax: true } : { minify: true }),
    plugins: [
      {
        name: "widget-glue",
        setup(build) {
          build.onResolve({ filter: /.*/ }, (args) => {
            if (args.path !== glueModule) throw new Error(`www/loader.js imports ${args.path}; only ${glueModule} is bundled`);
            return { path: glueModule, namespace: "widget-glue" };
          });
          build.onLoad({ filter: /.*/, namespace: "widget-glue" }, () => ({ contents: glueText, loader: "js" }));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

/** The widget stylesheet. Both builds (widget and editor) minify it the same way, so they
 * name the same content-hashed file. */
export const minifyCss = (text) => transformSync(text, { ...options, loader: "css", minify: true }).code;

/** The content hash in a shipped file's name (16 hex digits of the SHA-256 of its bytes, or of
 * several files' bytes that ship together). */
export const contentHash = (...parts) => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest("hex").slice(0, 16);
};

/** The widget stylesheet as shipped: minified `www/report-widget.css` under its content-hashed
 * name. The widget's and the editor's post-build steps both write it, under the same name. */
export function widgetStylesheet(source) {
  const bytes = Buffer.from(minifyCss(readFileSync(join(source, "www/report-widget.css"), "utf8")));
  return { name: `report-widget-${contentHash(bytes)}.css`, bytes };
}

/** Shortens the wasm's import and export names in the wasm and in wasm-bindgen's (unminified)
 * glue. Imports ("__wbg_querySelectorAll_bd785907acdf7800" → "b7", 185 of them, whose hash
 * suffixes gzip cannot shrink, and the module, "./report-widget-web_bg.js" by default → "a"): the glue
 * builds the import object with one `name: function` entry per import. Function exports
 * ("wasm_bindgen_…___convert__closures_____invoke___js_sys_…", up to 339 characters → "$b"):
 * the glue calls each as `wasm.name`. About 3.5 KB gzip off the wasm and 2.5 KB off the glue.
 * The memory keeps its name. Throws if the glue does not name each import exactly once, so a
 * changed glue format fails the build instead of a page. (binaryen's own `--minify-imports`
 * renames only emscripten's "env" imports.) */
export function minifyWasmNames(wasm, glue, MODULE = "./report-widget-web_bg.js") {
  const bytes = new Uint8Array(wasm);
  let at = 8; // magic and version
  const uleb = () => {
    let value;
    [value, at] = readLeb(bytes, at);
    return value;
  };
  const encodeUleb = (n) => {
    const out = [];
    do {
      let b = n % 128;
      n = Math.floor(n / 128);
      if (n) b |= 0x80;
      out.push(b);
    } while (n);
    return out;
  };
  const utf8 = new TextDecoder();
  const readName = () => {
    const length = uleb();
    const name = utf8.decode(bytes.subarray(at, at + length));
    at += length;
    return name;
  };
  const encodeName = (name) => {
    const b = new TextEncoder().encode(name);
    return [...encodeUleb(b.length), ...b];
  };
  const shortName = (i) => {
    const chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    let name = "";
    do {
      name += chars[i % chars.length];
      i = Math.floor(i / chars.length);
    } while (i);
    return name;
  };
  const parts = [bytes.subarray(0, 8)];
  const renames = [];
  const glueExports = new Set([...glue.matchAll(/\bwasm\.([A-Za-z_$][\w$]*)/g)].map((m) => m[1]));
  const exportRenames = [];
  // The export section, with each function export the glue calls renamed.
  const exportSection = (end) => {
    const count = uleb();
    const body = [...encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      const name = readName();
      const descStart = at;
      const kind = bytes[at++];
      uleb(); // index
      // "$" starts no name wasm-bindgen gives, so the short names clash with none it keeps.
      // The widget's own entry points (`boot`, `instances`: the glue exports a JS function of
      // the same name for each) keep their names.
      const internal = !new RegExp(`\\bexport function ${name}\\(`).test(glue);
      const to = kind === 0 && internal && glueExports.has(name) ? `$${shortName(exportRenames.length)}` : name;
      if (to !== name) exportRenames.push([name, to]);
      body.push(...encodeName(to), ...bytes.subarray(descStart, at));
    }
    if (at !== end) throw new Error("minifyWasmNames: the export section did not parse to its end");
    return Uint8Array.of(7, ...encodeUleb(body.length), ...body);
  };
  // The import section, every import renamed (all are functions of MODULE).
  const importSection = (end) => {
    const count = uleb();
    const body = [...encodeUleb(count)];
    for (let i = 0; i < count; i++) {
      const module = readName();
      const name = readName();
      const descStart = at;
      const kind = bytes[at++];
      if (kind !== 0) throw new Error(`minifyWasmNames: import ${module}.${name} is not a function`);
      uleb(); // type index
      if (module !== MODULE) throw new Error(`minifyWasmNames: unexpected import module ${module}`);
      const to = shortName(i);
      renames.push([name, to]);
      body.push(...encodeName("a"), ...encodeName(to), ...bytes.subarray(descStart, at));
    }
    if (at !== end) throw new Error("minifyWasmNames: the import section did not parse to its end");
    return Uint8Array.of(2, ...encodeUleb(body.length), ...body);
  };
  while (at < bytes.length) {
    const start = at;
    const id = bytes[at++];
    const size = uleb();
    const end = at + size;
    if (id === 2) parts.push(importSection(end));
    else if (id === 7) parts.push(exportSection(end));
    else {
      parts.push(bytes.subarray(start, end));
      at = end;
    }
  }
  let text = glue;
  const moduleKey = `${JSON.stringify(MODULE)}: import0`;
  if (text.split(moduleKey).length !== 2) throw new Error(`minifyWasmNames: the glue has no single ${moduleKey}`);
  text = text.replace(moduleKey, `"a": import0`);
  for (const [from, to] of renames) {
    const key = new RegExp(`(^|[\\s{,])${from}:`, "g");
    const found = text.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`minifyWasmNames: the glue names import ${from} ${found} times, not once`);
    text = text.replace(key, (_, before) => `${before}${JSON.stringify(to)}:`);
  }
  for (const [from, to] of exportRenames) {
    text = text.replace(new RegExp(`\\bwasm\\.${from.replace(/\$/g, "\\$")}(?![\\w$])`, "g"), () => `wasm.${to}`);
    // Any other use (wasm["…"], a destructuring) would now name nothing. (The glue's own JS
    // wrapper of the same name is local to it, and minified away.)
    if (new RegExp(`["'.]${from}\\b`).test(text)) throw new Error(`minifyWasmNames: the glue uses export ${from} other than as wasm.${from}`);
  }
  return { wasm: Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))), glue: text };
}

/** wasm-opt runs with --low-memory-unused (index.html, run): it may fold `x + C` (C < 1024) into
 * a load's offset, which differs only where the sum wraps past 2^32 to an address below 1024.
 * That is sound while nothing the program keeps lives there: Rust puts the stack first
 * ([0, 1 MiB), growing down, reaching that kilobyte only just before it overflows) and static
 * data and the heap above it. Throws if a data segment starts below 1024, so a toolchain or
 * linker change that moved data down fails the build instead of a page; also for a passive
 * segment (placed at run time, where this cannot see) or a module with no data at all (not
 * what this build makes: something changed). Returns how many segments it checked. */
export function checkLowMemoryUnused(wasm) {
  const bytes = new Uint8Array(wasm);
  let at = 8;
  const uleb = () => {
    let value;
    [value, at] = readLeb(bytes, at);
    return value;
  };
  const sleb32 = () => {
    let value;
    [value, at] = readLeb(bytes, at, true);
    return value;
  };
  let segments = 0;
  while (at < bytes.length) {
    const id = bytes[at++];
    const end = uleb() + at;
    if (id === 11) {
      for (let count = uleb(); count > 0; count--) {
        const flags = uleb();
        if (flags === 1) throw new Error("checkLowMemoryUnused: a passive data segment: where it is placed cannot be checked");
        if (flags === 2) uleb(); // memory index
        if (bytes[at++] !== 0x41) throw new Error("checkLowMemoryUnused: a data segment's offset is not an i32.const");
        const offset = sleb32() >>> 0;
        if (bytes[at++] !== 0x0b) throw new Error("checkLowMemoryUnused: a data segment's offset expression is longer");
        if (offset < 1024) {
          throw new Error(`checkLowMemoryUnused: a data segment starts at ${offset}, below 1024: drop --low-memory-unused from wasm-opt's options`);
        }
        segments++;
        const length = uleb(); // of the bytes (read before `at` is: `at += uleb()` would not)
        at += length;
      }
      if (at !== end) throw new Error("checkLowMemoryUnused: the data section did not parse to its end");
    }
    at = end;
  }
  if (segments === 0) throw new Error("checkLowMemoryUnused: no data segment: not the module this build makes");
  return segments;
}

/** A LEB128 number in `bytes` at `at` (wasm's encoding of counts, sizes and constants): its
 * value and where the next thing starts. Unsigned (any size a double holds exactly), or
 * `signed32` for an i32 constant. */
function readLeb(bytes, at, signed32 = false) {
  let result = 0;
  let shift = 0;
  let b;
  do {
    b = bytes[at++];
    result = signed32 ? result | ((b & 0x7f) << shift) : result + (b & 0x7f) * 2 ** shift;
    shift += 7;
  } while (b & 0x80);
  if (signed32 && shift < 32 && b & 0x40) result |= -1 << shift;
  return [result, at];
}
