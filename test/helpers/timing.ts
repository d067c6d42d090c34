import { afterAll, beforeAll } from "vitest";
import { serverConfig } from "@/config/env";

export const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

/** What `work` answered, and how many milliseconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/**
 * The production answer floor (`SIGN_UP_ANSWER_FLOOR_MS`), short enough for a test, for the tests of
 * the enclosing describe block: the suite runs with none (vitest.config.ts), so that its many
 * sign-ups stay quick.
 */
export function withAnswerFloor(ms: number): void {
  const config = serverConfig();
  const suiteFloor = config.signUpAnswerFloorMs;
  beforeAll(() => {
    config.signUpAnswerFloorMs = ms;
  });
  afterAll(() => {
    config.signUpAnswerFloorMs = suiteFloor;
  });
}
