import { readFileSync } from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { percentile } from "./load";

export type FirstLoadJs = { scripts: number; gzipBytes: number; rawBytes: number };

/**
 * The JavaScript a first visit to `url` downloads before it can run: every `<script src>` in the
 * server's HTML, read from the build in `.next/static` and gzipped (level 9, as a CDN would serve it).
 * Not the `noModule` polyfills, which a browser that runs modules neither downloads nor runs.
 */
export async function firstLoadJs(
  url: string,
  { cookie, status = 200 }: { cookie?: string; status?: number } = {},
): Promise<FirstLoadJs> {
  const response = await fetch(url, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== status) throw new Error(`${url}: ${response.status}`);
  const html = await response.text();
  const sources = new Set(
    [...html.matchAll(/<script[^>]+src="([^"]+)"[^>]*>/g)]
      .filter(([tag]) => !/\snoModule/i.test(tag))
      .map((match) => match[1] as string),
  );
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const source of sources) {
    const file = path.join(
      ".next",
      decodeURIComponent(new URL(source, url).pathname).replace(/^\/_next\//, ""),
    );
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: sources.size, gzipBytes, rawBytes };
}

/** Milliseconds from sending a GET to the first byte of the body, `count` times one after another. */
export async function timeToFirstByte(url: string, count: number): Promise<{ p50: number; p95: number }> {
  const timings: number[] = [];
  for (let i = 0; i < count + 5; i++) {
    const elapsed = await new Promise<number>((resolve, reject) => {
      const started = performance.now();
      request(url, (response) => {
        response.once("data", () => resolve(performance.now() - started));
        response.on("error", reject);
        response.resume();
      })
        .on("error", reject)
        .end();
    });
    if (i >= 5) timings.push(elapsed);
  }
  timings.sort((a, b) => a - b);
  return { p50: percentile(timings, 50), p95: percentile(timings, 95) };
}
