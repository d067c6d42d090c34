import { performance } from "node:perf_hooks";

export type LoadResult = {
  concurrency: number;
  seconds: number;
  completed: number;
  failed: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  firstError: string | undefined;
};

/** Nearest-rank percentile of sorted milliseconds. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * `concurrency` virtual users run `iteration` back to back, each waiting for its previous one (a
 * closed loop, like people who click again when the page answers). The first `warmupSeconds` are
 * run and discarded; throughput and latency count what ends inside the next `seconds` (whatever
 * ends there counts, so that a latency longer than the window is still seen).
 */
export async function runLoad(
  concurrency: number,
  { seconds, warmupSeconds }: { seconds: number; warmupSeconds: number },
  iteration: (virtualUser: number) => Promise<void>,
): Promise<LoadResult> {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const measureUntil = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;

  async function virtualUser(index: number) {
    while (performance.now() < measureUntil) {
      const began = performance.now();
      try {
        await iteration(index);
      } catch (error) {
        if (began >= measureFrom) failed += 1;
        firstError ??= error instanceof Error ? error.message : String(error);
        continue;
      }
      const ended = performance.now();
      if (ended < measureFrom || ended > measureUntil) continue;
      completed += 1;
      latencies.push(ended - began);
    }
  }

  await Promise.all(Array.from({ length: concurrency }, (_, index) => virtualUser(index)));
  latencies.sort((a, b) => a - b);
  return {
    concurrency,
    seconds,
    completed,
    failed,
    perSecond: completed / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    firstError,
  };
}
