import { performance } from "node:perf_hooks";

/** One round: what ended inside its measured window, and the server CPU spent in that window. */
export type RoundResult = {
  completed: number;
  failed: number;
  latencies: number[];
  cpuSeconds: number;
  firstError: string | undefined;
};

export type LoadResult = {
  concurrency: number;
  seconds: number;
  completed: number;
  failed: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Server CPU (user + system) over the measured windows, per completed ceremony. */
  cpuMsPerCeremony: number;
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
 * ends there counts, so that a latency longer than the window is still seen), and `cpuSeconds` (the
 * server's CPU clock) is read as the window opens and as it closes. The round returns once every
 * virtual user's last ceremony has ended, so the next round starts on an idle server.
 */
export async function runRound(
  concurrency: number,
  { seconds, warmupSeconds }: { seconds: number; warmupSeconds: number },
  iteration: (virtualUser: number) => Promise<void>,
  cpuSeconds: () => number,
): Promise<RoundResult> {
  const start = performance.now();
  const measureFrom = start + warmupSeconds * 1000;
  const measureUntil = measureFrom + seconds * 1000;
  const latencies: number[] = [];
  let completed = 0;
  let failed = 0;
  let firstError: string | undefined;
  let cpuAtStart = 0;
  let cpuAtEnd = 0;
  const windowOpens = setTimeout(() => {
    cpuAtStart = cpuSeconds();
  }, measureFrom - start);
  const windowCloses = setTimeout(() => {
    cpuAtEnd = cpuSeconds();
  }, measureUntil - start);

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
  // A closed loop whose ceremonies all fail fast can end before the timers fire.
  clearTimeout(windowOpens);
  clearTimeout(windowCloses);
  return { completed, failed, latencies, cpuSeconds: Math.max(0, cpuAtEnd - cpuAtStart), firstError };
}

/** The rounds of one server at one load level, as one row. */
export function summarize(concurrency: number, secondsPerRound: number, rounds: RoundResult[]): LoadResult {
  const latencies = rounds.flatMap((round) => round.latencies).sort((a, b) => a - b);
  const completed = rounds.reduce((sum, round) => sum + round.completed, 0);
  const seconds = secondsPerRound * rounds.length;
  const cpu = rounds.reduce((sum, round) => sum + round.cpuSeconds, 0);
  return {
    concurrency,
    seconds,
    completed,
    failed: rounds.reduce((sum, round) => sum + round.failed, 0),
    perSecond: completed / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    cpuMsPerCeremony: completed ? (cpu * 1000) / completed : Number.NaN,
    firstError: rounds.find((round) => round.firstError)?.firstError,
  };
}
