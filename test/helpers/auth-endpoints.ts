import { auth } from "@/lib/auth";

export type Endpoint = { path: string; methods: ("GET" | "POST")[] };

/**
 * Every endpoint Better Auth's HTTP router knows in this configuration, read from the running
 * instance (server-only ones, which have no method, excluded): what a client can ask for before
 * lib/auth/surface.ts has its say.
 */
export function authEndpoints(): Endpoint[] {
  return Object.values(auth().api)
    .map((endpoint) => endpoint as { path?: string; options?: { method?: string | string[] } })
    .filter((endpoint): endpoint is { path: string; options: { method: string | string[] } } =>
      Boolean(endpoint.path && endpoint.options?.method),
    )
    .map(({ path, options }) => ({
      path,
      methods: [options.method]
        .flat()
        .flatMap((method) => (method === "*" ? ["GET", "POST"] : [method]))
        .filter((method): method is "GET" | "POST" => method === "GET" || method === "POST"),
    }));
}
