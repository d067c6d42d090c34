import { clientAddressHeaders } from "./client-address";

/** A server under test: where to connect, and the origin its pages (and passkeys) belong to. */
export type Target = { name: "app" | "peer" | "baseline"; url: string; origin: string };

export type Reply<T = unknown> = { status: number; body: T };

/**
 * What a browser does for the passkey API, and no more: an Origin header, a cookie jar, JSON in and
 * out, and (per bench/client-address.ts) an address of its own for each ceremony.
 */
export class BenchBrowser {
  readonly #cookies = new Map<string, string>();
  #address: Record<string, string> = clientAddressHeaders();

  constructor(readonly target: Target) {}

  /** Starts a new ceremony: a new client address; the cookies (a session, if any) stay. */
  nextCeremony(): this {
    this.#address = clientAddressHeaders();
    return this;
  }

  cookieHeader(): string {
    return [...this.#cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  get<T>(path: string): Promise<Reply<T>> {
    return this.#send<T>("GET", path);
  }

  post<T>(path: string, body: unknown): Promise<Reply<T>> {
    return this.#send<T>("POST", path, JSON.stringify(body));
  }

  async #send<T>(method: "GET" | "POST", path: string, body?: string): Promise<Reply<T>> {
    const headers: Record<string, string> = {
      origin: this.target.origin,
      "user-agent": "keyhold-bench",
      ...this.#address,
    };
    if (body !== undefined) headers["content-type"] = "application/json";
    if (this.#cookies.size) headers.cookie = this.cookieHeader();
    const response = await fetch(`${this.target.url}${path}`, { method, headers, body });
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const separator = pair.indexOf("=");
      const value = pair.slice(separator + 1).trim();
      if (value) this.#cookies.set(pair.slice(0, separator).trim(), value);
      else this.#cookies.delete(pair.slice(0, separator).trim());
    }
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }
}
