import type { SignInsOnDay } from "@/lib/admin/adoption";
import { SIGN_IN_METHOD_WORDS, SIGN_IN_METHODS, type SignInMethod } from "@/lib/sign-in-methods/methods";

const COLOURS: Record<SignInMethod, { fill: string; swatch: string }> = {
  passkey: { fill: "fill-sky-600 dark:fill-sky-400", swatch: "bg-sky-600 dark:bg-sky-400" },
  password: { fill: "fill-amber-500 dark:fill-amber-300", swatch: "bg-amber-500 dark:bg-amber-300" },
  recovery_code: { fill: "fill-rose-700 dark:fill-rose-400", swatch: "bg-rose-700 dark:bg-rose-400" },
};

const label = (method: SignInMethod) => SIGN_IN_METHOD_WORDS[method].label;

const WIDTH = 600;
const HEIGHT = 160;
const SLOT = WIDTH / 30;

const dayLabel = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", timeZone: "UTC" });
const formatDay = (day: string) => dayLabel.format(new Date(`${day}T00:00:00Z`));
const total = (day: SignInsOnDay) => SIGN_IN_METHODS.reduce((sum, method) => sum + day[method], 0);

/**
 * Sign-ins per day as stacked bars, drawn as plain SVG. The picture is one image to assistive
 * technology, named by its totals; the same numbers are in a table below it.
 */
export function SignInsChart({ days }: { days: SignInsOnDay[] }) {
  const busiest = Math.max(0, ...days.map(total));
  const highest = Math.max(1, busiest);
  const sums = SIGN_IN_METHODS.map((method) => ({
    method,
    count: days.reduce((sum, day) => sum + day[method], 0),
  }));
  const summary = `Sign-ins per day from ${formatDay(days[0]?.day ?? "")} to ${formatDay(days.at(-1)?.day ?? "")}: ${sums
    .map(({ method, count }) => `${count} with a ${label(method).toLowerCase()}`)
    .join(", ")}. Most on one day: ${busiest}.`;

  return (
    <section aria-labelledby="sign-ins-title">
      <h2 id="sign-ins-title" className="text-lg font-semibold">
        Sign-ins by method
      </h2>
      <p className="mt-1 text-sm text-neutral-600 dark:text-neutral-400">
        Per day (UTC), from the security log. A day's bar stacks its sign-ins by method.
      </p>
      <ul className="mt-3 flex flex-wrap gap-4 text-sm" aria-label="Legend">
        {SIGN_IN_METHODS.map((method) => (
          <li key={method} className="flex items-center gap-2">
            <span aria-hidden="true" className={`size-3 rounded-sm ${COLOURS[method].swatch}`} />
            {label(method)}: {sums.find((sum) => sum.method === method)?.count ?? 0}
          </li>
        ))}
      </ul>
      {busiest === 0 && <p className="mt-3 text-sm">No sign-ins recorded in these 30 days.</p>}
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        role="img"
        aria-label={summary}
        className="mt-3 h-auto w-full text-neutral-600 dark:text-neutral-400"
      >
        <line x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} className="stroke-current" strokeWidth={1} />
        {days.map((day, index) => {
          let top = HEIGHT;
          return (
            <g key={day.day}>
              <title>{`${formatDay(day.day)}: ${total(day)} sign-ins`}</title>
              {SIGN_IN_METHODS.map((method) => {
                const height = (day[method] / highest) * (HEIGHT - 10);
                top -= height;
                return height > 0 ? (
                  <rect
                    key={method}
                    x={index * SLOT + 3}
                    y={top}
                    width={SLOT - 6}
                    height={height}
                    className={COLOURS[method].fill}
                  />
                ) : null;
              })}
            </g>
          );
        })}
        <text x={0} y={HEIGHT + 16} className="fill-current text-[11px]">
          {formatDay(days[0]?.day ?? "")}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end" className="fill-current text-[11px]">
          {formatDay(days.at(-1)?.day ?? "")}
        </text>
        <text x={0} y={10} className="fill-current text-[11px]">
          {`${busiest} a day`}
        </text>
      </svg>
      <details className="mt-3 text-sm">
        <summary className="cursor-pointer font-medium">Show the numbers as a table</summary>
        <table className="mt-2 w-full text-left tabular-nums">
          <caption className="sr-only">Sign-ins per day by method</caption>
          <thead>
            <tr className="border-b border-neutral-200 dark:border-neutral-800">
              <th scope="col" className="py-1 pr-4 font-medium">
                Day
              </th>
              {SIGN_IN_METHODS.map((method) => (
                <th key={method} scope="col" className="py-1 pr-4 font-medium">
                  {label(method)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((day) => (
              <tr key={day.day} className="border-b border-neutral-100 dark:border-neutral-900">
                <th scope="row" className="py-1 pr-4 font-normal">
                  {formatDay(day.day)}
                </th>
                {SIGN_IN_METHODS.map((method) => (
                  <td key={method} className="py-1 pr-4">
                    {day[method]}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
