/**
 * The part of autocannon 8 (which ships no types) that bench/ uses.
 * Shapes checked against node_modules/autocannon/lib/run.js and aggregateResult.js:
 * histograms carry p2_5 … p99 but no p95, so percentiles are computed in bench/lib/http-measure.ts
 * from the per-request times of the `response` event.
 */
declare module "autocannon" {
  namespace autocannon {
    interface Options {
      url: string;
      connections?: number;
      /** Seconds. */
      duration?: number;
      /** Seconds before a request counts as a timeout. */
      timeout?: number;
      pipelining?: number;
      /** Sent with every request (bench/dashboard.ts: the session cookie). */
      headers?: Record<string, string>;
      /** Requests per second over all connections (bench/load.ts: a fixed rate). */
      overallRate?: number;
      method?: string;
      body?: string;
      /** The sequence each connection loops over; `setupRequest` may rewrite a request before it is sent (a fresh body). */
      requests?: { method?: string; path?: string; body?: string; headers?: Record<string, string>; setupRequest?: (request: RawRequest) => RawRequest }[];
    }

    interface RawRequest {
      method?: string;
      path?: string;
      body?: string;
      headers?: Record<string, string>;
    }

    /** hdr-histogram-percentiles-obj: averages and the percentiles 0.001 … 99.999. */
    interface Histogram {
      average: number;
      mean: number;
      stddev: number;
      min: number;
      max: number;
      total: number;
      p50: number;
      p90: number;
      p97_5: number;
      p99: number;
    }

    interface Result {
      url: string;
      connections: number;
      /** Seconds actually run. */
      duration: number;
      errors: number;
      timeouts: number;
      non2xx: number;
      resets: number;
      statusCodeStats: Record<string, { count: number }>;
      /** Latency in whole milliseconds (autocannon's own histogram). */
      latency: Histogram;
      /** Requests completed per one-second sample; `total` is all completed requests. */
      requests: Histogram & { sent: number };
      throughput: Histogram;
    }

    interface Instance extends PromiseLike<Result> {
      on(
        event: "response",
        listener: (client: unknown, statusCode: number, resBytes: number, responseTimeMs: number) => void,
      ): this;
      stop(): void;
    }
  }

  function autocannon(options: autocannon.Options): autocannon.Instance;
  export = autocannon;
}
