import { randomInt, randomUUID } from "node:crypto";
import { GET, POST } from "@/app/api/auth/[...all]/route";
import { firstLink, latestMailTo } from "./mailbox";

export const APP_ORIGIN = "http://localhost:3000";

export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

/**
 * What a browser does for the auth API, over the app's real route handlers: an Origin header, a
 * cookie jar, JSON in and out, and a client address of its own (as a proxy would forward it), so
 * that per-address rate limits treat each test browser as a different client.
 */
export class TestBrowser {
  private readonly cookies = new Map<string, string>();

  constructor(
    readonly origin = APP_ORIGIN,
    readonly ipAddress = `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    readonly userAgent = "keyhold-tests",
  ) {}

  get<T = unknown>(path: string): Promise<ApiResponse<T>> {
    return this.send<T>("GET", path);
  }

  post<T = unknown>(path: string, body?: unknown, init: { rawBody?: string } = {}): Promise<ApiResponse<T>> {
    return this.send<T>("POST", path, init.rawBody ?? JSON.stringify(body ?? {}));
  }

  /** The value of the cookie whose name ends with `name`, as this browser would send it. */
  cookieValue(name: string): string | undefined {
    return [...this.cookies].find(([key]) => key.endsWith(name))?.[1];
  }

  hasCookie(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.endsWith(name));
  }

  /**
   * A second browser that shares this one's cookies, as a second tab would; with another `origin`,
   * a page on that origin making credentialed requests here, as a cross-site form would; with
   * another `ipAddress`, the same browser after it moved to another network.
   */
  clone(origin = this.origin, ipAddress = this.ipAddress): TestBrowser {
    const twin = new TestBrowser(origin, ipAddress, this.userAgent);
    for (const [name, value] of this.cookies) twin.cookies.set(name, value);
    return twin;
  }

  /**
   * Any request, exactly as given, with this browser's Origin, address and cookies (headers in
   * `init` win): for tests that send what no well-behaved client would.
   */
  async fetch(method: string, path: string, init: { body?: BodyInit; headers?: HeadersInit } = {}) {
    const headers = new Headers({
      origin: this.origin,
      "user-agent": this.userAgent,
      "x-forwarded-for": this.ipAddress,
    });
    if (this.cookies.size) {
      headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    }
    for (const [name, value] of new Headers(init.headers)) headers.set(name, value);
    // `duplex` lets the body be a stream, as a chunked upload is.
    const request = new Request(`${APP_ORIGIN}/api/auth${path}`, {
      method,
      headers,
      body: init.body,
      duplex: "half",
    } as RequestInit);
    const response = await (method === "GET" ? GET : POST)(request);
    this.storeCookies(response.headers);
    return response;
  }

  private async send<T>(method: "GET" | "POST", path: string, body?: string): Promise<ApiResponse<T>> {
    const headers = body === undefined ? undefined : { "content-type": "application/json" };
    const response = await this.fetch(method, path, { body, headers });
    const text = await response.text();
    return {
      status: response.status,
      body: (text ? JSON.parse(text) : null) as T,
      headers: response.headers,
    };
  }

  private storeCookies(headers: Headers) {
    for (const line of headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const separator = pair.indexOf("=");
      const name = pair.slice(0, separator).trim();
      const value = pair.slice(separator + 1).trim();
      const expired = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute));
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}

/** A fresh address per call, so tests never collide, even on a shared PostgreSQL. */
export function uniqueEmail(label = "user"): string {
  return `${label}-${randomUUID()}@example.test`;
}

export const TEST_PASSWORD = "correct horse battery staple";

/**
 * Asks for a sign-up as the form does (a name and an email), and returns the token of the link
 * mailed to `email`: what the finishing page reads from its URL fragment.
 */
export async function startSignUp(email: string, browser = new TestBrowser()): Promise<string> {
  const response = await browser.post("/sign-up/passkey", { name: "Test User", email });
  if (response.status !== 200)
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  const token = new URLSearchParams(firstLink(await latestMailTo(email)).hash.slice(1)).get("token");
  if (!token) throw new Error(`no sign-up link mailed to ${email}`);
  return token;
}

/**
 * Signs up a new account with a password, as a person does: the form, then the link in the mail,
 * where the password is chosen. The browser holds its session afterwards.
 */
export async function signUp(browser = new TestBrowser(), email = uniqueEmail()) {
  const token = await startSignUp(email);
  const response = await browser.post("/sign-up/password", { token, password: TEST_PASSWORD });
  if (response.status !== 200)
    throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  const session = await browser.get<{ user: { id: string; email: string } } | null>("/get-session");
  if (!session.body?.user) throw new Error(`sign-up did not sign in: ${session.status}`);
  return { browser, user: session.body.user };
}
