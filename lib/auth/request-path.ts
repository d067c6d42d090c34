/** Set by proxy.ts on requests to protected pages, so server components know where to come back to after sign-in. */
export const REQUEST_PATH_HEADER = "x-keyhold-path";
