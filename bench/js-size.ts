/**
 * The JavaScript each route of the production build makes the browser download at first load,
 * compressed: `npm run build && npm run bench:js [-- --only /w/ --json]` (NEXT_DIST_DIR, default .next).
 *
 * Per route: the build's root main files (the framework and runtime every page loads) plus the
 * chunks of every client entry in the page's client reference manifest (its layouts, its
 * page, and the error / not-found boundaries above it) — what the page's HTML and RSC payload
 * point at. Chunks that are only loaded later (next/dynamic, import()) are not counted.
 * Sizes: raw, gzip (level 9) and brotli (quality 11), in KiB, each chunk counted once per route.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import zlib from "node:zlib";

const root = path.resolve(import.meta.dirname, "..");
const { values } = parseArgs({ options: { only: { type: "string" }, json: { type: "boolean", default: false } } });
const dist = path.join(root, process.env.NEXT_DIST_DIR || ".next");

if (!fs.existsSync(path.join(dist, "BUILD_ID"))) {
  console.error(`No production build in ${path.relative(root, dist)}: run \`npm run build\` first (with the same NEXT_DIST_DIR).`);
  process.exit(1);
}

type BuildManifest = { rootMainFiles: string[]; pagesChunkGroupBootstrapParams?: Record<string, unknown> };
const manifest = JSON.parse(fs.readFileSync(path.join(dist, "build-manifest.json"), "utf8")) as BuildManifest;

/** The app/ pages of the build, from the client reference manifests next to each page. */
function pages(): { route: string; manifest: string }[] {
  const appDir = path.join(dist, "server", "app");
  const out: { route: string; manifest: string }[] = [];
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name === "page_client-reference-manifest.js") {
        const segments = path.relative(appDir, dir).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s));
        out.push({ route: `/${segments.join("/")}`, manifest: p });
      }
    }
  };
  walk(appDir);
  return out.sort((a, b) => a.route.localeCompare(b.route));
}

/** The chunks a page's client reference manifest lists for its entries (layouts, page, boundaries). */
function entryChunks(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const json = text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, "");
  const m = JSON.parse(json) as { entryJSFiles?: Record<string, string[]> };
  return Object.values(m.entryJSFiles ?? {}).flat();
}

const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
function sizeOf(chunk: string) {
  let s = sizes.get(chunk);
  if (!s) {
    const buf = fs.readFileSync(path.join(dist, chunk.replace(/^\/?_next\//, "")));
    s = {
      raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    sizes.set(chunk, s);
  }
  return s;
}

const kib = (n: number) => (n / 1024).toFixed(1);
const rows = pages()
  .filter((p) => !values.only || p.route.includes(values.only))
  .map((p) => {
    const chunks = [...new Set([...manifest.rootMainFiles, ...entryChunks(p.manifest)])];
    const total = chunks.map(sizeOf).reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), { raw: 0, gzip: 0, brotli: 0 });
    return { route: p.route, chunks: chunks.length, ...total };
  });
const shared = manifest.rootMainFiles.map(sizeOf).reduce((a, s) => a + s.gzip, 0);

if (values.json) {
  console.log(JSON.stringify({ dist: path.relative(root, dist), rootMainGzip: shared, routes: rows }, null, 2));
} else {
  const table = [
    ["route", "chunks", "raw KiB", "gzip KiB", "brotli KiB"],
    ...rows.map((r) => [r.route, String(r.chunks), kib(r.raw), kib(r.gzip), kib(r.brotli)]),
  ];
  const widths = table[0]!.map((_, i) => Math.max(...table.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  console.log(`\nJavaScript at first load per route (${path.relative(root, dist)}; framework and runtime shared by all: ${kib(shared)} KiB gzip)\n`);
  console.log([line(table[0]!), `|${widths.map((w, i) => (i === 0 ? `:${"-".repeat(w + 1)}` : `${"-".repeat(w + 1)}:`)).join("|")}|`, ...table.slice(1).map(line)].join("\n"));
}
