"use client";

import { useSyncExternalStore } from "react";

// A link pasted over another differs only in its fragment, and the browser does not load a page
// for that: it fires `hashchange`, so the token is read again on each one.
function onFragmentChange(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/** A mailed link's token sits in the URL fragment, which the browser never sends to a server. */
function tokenFromFragment(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get("token");
}

/**
 * The `token` of the mailed link in the address bar: `undefined` while the page renders on the
 * server, `null` when the link lost it, and the new one whenever another link is pasted over it.
 */
export function useFragmentToken(): string | null | undefined {
  return useSyncExternalStore(onFragmentChange, tokenFromFragment, () => undefined);
}
