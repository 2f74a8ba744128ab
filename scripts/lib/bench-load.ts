/**
 * One autocannon load in a process of its own (scripts/bench-http.ts starts one per load).
 *
 * Two loads that run side by side (the static file beside the heaviest page) must not share one
 * JavaScript thread: reading a large page's answers kept that thread busy (106 % CPU while the
 * server used 31 %), so the static file's requests waited in the load generator, not in the
 * server. In separate processes each load gets its own thread, as separate browsers would.
 *
 * Input: the options as JSON in argv[2]. Output: one JSON line on stdout (LoadResult).
 */
import autocannon from "autocannon";

export interface LoadOptions {
  url: string;
  connections: number;
  duration: number;
  timeoutS: number;
  headers: Record<string, string>;
}

export interface LoadResult {
  /** Every answer's latency in ms, sorted, time-outs counted as the time-out. */
  latencies: number[];
  requests: number;
  duration: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  bytes: number;
}

const options = JSON.parse(process.argv[2] ?? "{}") as LoadOptions;
const latencies: number[] = [];
const instance = autocannon({ url: options.url, connections: options.connections, duration: options.duration, timeout: options.timeoutS, headers: options.headers });
instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
const result = await instance;
// A time-out is an answer that took at least the time-out: it counts in the percentiles.
for (let i = 0; i < result.timeouts; i++) latencies.push(options.timeoutS * 1000);
latencies.sort((a, b) => a - b);
const out: LoadResult = {
  latencies,
  requests: result.requests.total,
  duration: result.duration || options.duration,
  errors: result.errors,
  timeouts: result.timeouts,
  non2xx: result.non2xx,
  bytes: result.throughput.total,
};
process.stdout.write(`${JSON.stringify(out)}\n`);
