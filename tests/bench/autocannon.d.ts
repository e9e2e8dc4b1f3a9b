// autocannon ships no types and @types/autocannon is not installed; this covers what the bench uses.
declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p99: number;
    max: number;
  }
  interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    pipelining?: number;
    headers?: Record<string, string>;
    /** Each request may be rewritten before it is sent (a different path per request). */
    requests?: Array<{ setupRequest?: (request: { path: string }) => { path: string } }>;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
