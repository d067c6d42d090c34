/** The recovery codes' endpoints, which test/integration/fuzz.test.ts must reach. */
export const fuzzedEndpoints = ["/recovery-codes/generate", "/sign-in/recovery-code"];
