// Unpacks headless Chromium 92 from the npm package chrome-aws-lambda@10.1.0 (already installed
// by `npm ci` in DIR, see ./run ensure_chromium92) into DIR/chrome/:
//   chromium            the brotli-compressed bin/chromium.br, decompressed
//   lib/, .fonts/, ...  bin/aws.tar.br (the shared libraries it needs: LD_LIBRARY_PATH=DIR/chrome/lib)
//   libEGL.so, ...      bin/swiftshader.tar.br
// Only Node's zlib and the system `tar`: no download beyond what npm already fetched.
// Usage: node tests/e2e/chromium92/install.mjs DIR
import { execFileSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { brotliDecompressSync } from "node:zlib";

const dir = resolve(process.argv[2] || ".tools/chromium92");
const bin = join(dir, "node_modules/chrome-aws-lambda/bin");
if (!existsSync(join(bin, "chromium.br"))) {
  throw new Error(`${bin}/chromium.br is missing: run npm ci in ${dir} first`);
}
// Unpack into a temporary folder and rename at the end, so an interrupted run never leaves a
// half-written browser that later runs would take for a complete one.
const out = join(dir, "chrome");
const tmp = `${out}.partial`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const unbrotli = (name) => brotliDecompressSync(readFileSync(join(bin, name)));
writeFileSync(join(tmp, "chromium"), unbrotli("chromium.br"));
chmodSync(join(tmp, "chromium"), 0o755);
for (const archive of ["aws.tar.br", "swiftshader.tar.br"]) {
  execFileSync("tar", ["-x", "-C", tmp, "--no-same-owner"], { input: unbrotli(archive), maxBuffer: 1 << 30 });
}
// This headless build has no working --version: ask the engine itself for its user agent.
const probe = "data:text/html,<p id=v></p><script>v.textContent=navigator.userAgent</script>";
const dom = execFileSync(
  join(tmp, "chromium"),
  ["--headless", "--no-sandbox", "--disable-gpu", "--single-process", "--no-zygote", "--dump-dom", probe],
  { env: { ...process.env, LD_LIBRARY_PATH: join(tmp, "lib") }, stdio: ["ignore", "pipe", "ignore"], timeout: 60000 }
).toString();
const version = (/HeadlessChrome\/([\d.]+)/.exec(dom) || [])[1];
if (!version || !version.startsWith("92.")) throw new Error(`unexpected browser: ${dom.slice(0, 300)}`);
writeFileSync(join(tmp, "VERSION"), `${version}\n`);
rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
console.log(`chromium92: ${version} in ${out}`);
