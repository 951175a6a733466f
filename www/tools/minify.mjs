// Minifies what the widget ships (esbuild, a pinned dev dependency): about 5 KB gzip off the
// transfer (BENCHMARKS.md). Targets Chromium 90, the oldest engine the widget supports, so no
// newer syntax is introduced.
import { transformSync } from "esbuild";

const options = { target: "chrome90", legalComments: "none", charset: "utf8" };

/** The wasm-bindgen glue, fully minified. */
export const minifyGlue = (text) => transformSync(text, { ...options, loader: "js", format: "esm", minify: true }).code;

/** The loader: whitespace and syntax only. Its names (`GLUE`, `WASM`, `STYLES`, `INTEGRITY`)
 * stay, so a webmaster can still read which files it loads. */
export const minifyLoader = (text) =>
  transformSync(text, { ...options, loader: "js", format: "esm", minifyWhitespace: true, minifySyntax: true }).code;

/** The widget stylesheet. Both builds (widget and editor) minify it the same way, so they
 * name the same content-hashed file. */
export const minifyCss = (text) => transformSync(text, { ...options, loader: "css", minify: true }).code;
