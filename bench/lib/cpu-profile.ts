/**
 * Self time of a V8 .cpuprofile by category: frames in the bundles (.next/server chunks, Next's
 * compiled runtime) are mapped through their source maps to the file they came from; native
 * frames and Node internals are charged to the nearest caller that has a category, except the
 * few Node internals that are a cost of their own (sockets, streams, AsyncLocalStorage, zlib).
 */
import fs from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
export type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };

const root = path.resolve(import.meta.dirname, "..", "..") + path.sep;
const maps = new Map<string, SourceMap | null>();

function mapFor(file: string): SourceMap | null {
  if (!maps.has(file)) {
    let map: SourceMap | null = null;
    try {
      if (fs.existsSync(`${file}.map`)) map = new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, "utf8")));
    } catch {
      map = null;
    }
    maps.set(file, map);
  }
  return maps.get(file) ?? null;
}

/** The source file a frame's code came from, relative to the project ("node_modules/…", "lib/…"). */
function sourceOf(cf: CallFrame): string {
  const file = cf.url.slice("file://".length);
  // Packages loaded from node_modules are their own files; only bundles need their maps.
  const bundled = !file.includes("/node_modules/") || file.includes("/next/dist/compiled/");
  const map = bundled && cf.lineNumber >= 0 ? mapFor(file) : null;
  const src = map?.findEntry(cf.lineNumber, cf.columnNumber) as { originalSource?: string } | undefined;
  let s = src?.originalSource ?? file;
  if (s.startsWith("webpack://next/./")) s = `node_modules/next/${s.slice("webpack://next/./".length)}`;
  else if (s.startsWith("file://")) s = s.slice("file://".length);
  else if (!path.isAbsolute(s)) s = path.resolve(path.dirname(file), s);
  return decodeURIComponent(s).replace(root, "");
}

function ownCategory(cf: CallFrame): string | null {
  const { functionName: fn, url } = cf;
  if (fn === "(idle)") return "idle";
  if (fn === "(garbage collector)") return "GC";
  if (fn === "(program)" || fn === "(root)") return "V8 (program)";
  if (/^node:(internal\/)?zlib/.test(url)) return "Node: gzip of the response";
  if (/^node:internal\/crypto/.test(url)) return "Auth.js / jose"; // WebCrypto: only Auth.js's JWE and CSRF token use it per request
  if (/^node:(net|_http_|internal\/stream_base_commons|internal\/http)/.test(url)) return "Node: HTTP + sockets";
  if (/^node:(internal\/)?(webstreams|streams|stream)/.test(url)) return "Node: streams";
  if (/^node:(internal\/)?async_(hooks|local_storage)/.test(url)) return "Node: AsyncLocalStorage";
  if (/^node:internal\/deps\/undici/.test(url)) return "Node: undici (Request, Response, Headers)";
  if (!url.startsWith("file://")) return null;
  const s = sourceOf(cf);
  if (/react-server-dom-[a-z]+[-/]client/.test(s)) return "React: Flight client (SSR reads the RSC stream)";
  if (/react-server-dom-[a-z]+[-/]server/.test(s)) return "React: RSC (Flight) serialise";
  if (/react-dom[-/](cjs\/react-dom-)?(server|static)/.test(s)) return "React: SSR to HTML (Fizz)";
  if (/(^|\/)react(-dom|-is)?\//.test(s)) return "React: other";
  if (/@tanstack\//.test(s)) return "React Query";
  if (/next-auth|@auth\/|\/jose\/|oauth4webapi|@panva/.test(s)) return "Auth.js / jose";
  if (/node_modules\/postgres\//.test(s)) return "postgres.js";
  if (/node_modules\/drizzle-orm\//.test(s)) return "drizzle";
  if (/\[turbopack\]/.test(s)) return null;
  if (/node_modules\/next\/(dist\/(esm\/)?|src\/)client\//.test(s)) return "Next.js: client components rendered on the server (Link, router)";
  if (/node_modules\/next\/.*(app-render|stream-ops|stream-utils|create-component-tree|metadata|walk-tree|segment)/.test(s)) return "Next.js: app render (streams, tree, metadata)";
  if (/node_modules\/(next|@next)\//.test(s)) return "Next.js: server (routing, request, response)";
  if (/^(app|components)\//.test(s)) return "ours: app/, components/";
  if (/^(lib|db)\//.test(s)) return "ours: lib/, db/";
  const pkg = s.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  return pkg ? `package ${pkg[1]}` : `other: ${s}`;
}

/** Microseconds of self time per category, and per category :: function. */
export function categorise(profile: CpuProfile): { categories: Map<string, number>; functions: Map<string, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, string>();
  const categoryOf = (id: number): string => {
    const known = memo.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    let c = ownCategory(node.callFrame);
    if (c === null || c === "Node: HTTP + sockets") {
      // A socket write postgres.js issued is a database round trip, not the HTTP response.
      for (let a = parent.get(id); a !== undefined; a = parent.get(a)) {
        const url = byId.get(a)!.callFrame.url;
        if (url.includes("/node_modules/postgres/")) {
          if (c) c = "postgres.js: socket writes (kernel, loopback TCP)";
          break;
        }
        if (url.startsWith("file://")) break;
      }
    }
    const p = parent.get(id);
    const resolved = c ?? (p === undefined ? "V8 (program)" : categoryOf(p));
    memo.set(id, resolved);
    return resolved;
  };
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const us = profile.timeDeltas[i + 1] ?? 0; // a sample's time is the gap to the next one
    const c = categoryOf(id);
    categories.set(c, (categories.get(c) ?? 0) + us);
    const cf = byId.get(id)!.callFrame;
    const where = cf.url.startsWith("file://") ? path.basename(sourceOf(cf)) : cf.url || "native";
    const key = `${c} :: ${cf.functionName || "(anonymous)"} (${where})`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  });
  return { categories, functions };
}

/** The categories folded into the few columns the README's table shows. */
export const GROUPS: [string, RegExp][] = [
  ["React render", /^React:|^Next\.js: client components/],
  ["Next.js", /^Next\.js: (server|app render)/],
  ["Auth.js", /^Auth\.js/],
  ["drizzle", /^drizzle/],
  ["postgres.js", /^postgres\.js$/],
  ["PG socket writes", /^postgres\.js: socket/],
  ["Node HTTP, streams, ALS", /^Node: (HTTP|streams|AsyncLocal|undici)/],
  ["GC", /^GC$/],
  ["ours", /^ours/],
  ["other", /./],
];

export function grouped(categories: Map<string, number>): Map<string, number> {
  const out = new Map(GROUPS.map(([name]) => [name, 0]));
  for (const [c, us] of categories) {
    if (c === "idle") continue;
    const name = GROUPS.find(([, re]) => re.test(c))![0];
    out.set(name, out.get(name)! + us);
  }
  return out;
}
