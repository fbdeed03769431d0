/**
 * One route under autocannon: a warm-up at `connections`, then `seconds` at ONE connection
 * (latency: every request's own time, exact nearest-rank percentiles — autocannon's own
 * histogram has no p95 and keeps whole milliseconds) and `seconds` at `connections`
 * (throughput: completed requests ÷ elapsed seconds).
 */
import autocannon from "autocannon";
import { percentile, round, summarize } from "./stats";

export type HttpRequestSpec = {
  url: string;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** A fresh body for every request (a POST that must not repeat itself); otherwise none. */
  body?: () => string;
};

export type HttpFigures = {
  requests1: number;
  p50: number;
  p95: number;
  p99: number;
  reqPerSec: number;
  p95AtConcurrency: number;
  failures: number;
};

/** One autocannon run; failures = transport errors + timeouts + non-2xx answers. */
export async function autocannonRun(spec: HttpRequestSpec, connections: number, seconds: number, onFailure?: (what: string) => void) {
  const times: number[] = [];
  const { pathname, search } = new URL(spec.url);
  const makeBody = spec.body;
  const run = autocannon({
    url: spec.url,
    connections,
    duration: seconds,
    timeout: 30,
    headers: spec.headers ?? {},
    method: spec.method ?? "GET",
    ...(makeBody
      ? { requests: [{ method: spec.method ?? "POST", path: pathname + search, setupRequest: (req) => ({ ...req, body: makeBody() }) }] }
      : {}),
  });
  run.on("response", (_client, status, _bytes, ms) => {
    if (status >= 200 && status < 300) times.push(ms);
  });
  const result = await run;
  const failures = result.errors + result.timeouts + result.non2xx;
  if (failures > 0) onFailure?.(`${spec.method ?? "GET"} ${pathname}: ${result.errors} errors, ${result.timeouts} timeouts, statuses ${JSON.stringify(result.statusCodeStats)}`);
  return { times, result, failures };
}

export async function measureHttp(
  spec: HttpRequestSpec,
  opts: { warmupSeconds: number; seconds: number; connections: number; onFailure?: (what: string) => void },
): Promise<HttpFigures> {
  const warm = opts.warmupSeconds > 0 ? await autocannonRun(spec, opts.connections, opts.warmupSeconds, opts.onFailure) : { failures: 0 };
  const one = await autocannonRun(spec, 1, opts.seconds, opts.onFailure);
  const many = await autocannonRun(spec, opts.connections, opts.seconds, opts.onFailure);
  const latency = summarize(one.times);
  return {
    requests1: latency.n,
    p50: latency.p50,
    p95: latency.p95,
    p99: latency.p99,
    reqPerSec: round(many.result.requests.total / many.result.duration, 1),
    p95AtConcurrency: round(percentile([...many.times].sort((a, b) => a - b), 95)),
    failures: warm.failures + one.failures + many.failures,
  };
}
