import type { ReactNode } from "react";
import type { AuthenticatorKind } from "@/lib/passkeys/authenticators";

// Our own drawings, one per kind, for the passkeys whose provider gave no icon of its own.
const SHAPES: Record<AuthenticatorKind, ReactNode> = {
  "password-manager": (
    <>
      <rect x="4.5" y="10.5" width="15" height="10.5" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
      <circle cx="12" cy="15" r="1.5" />
      <path d="M12 16.5v2" />
    </>
  ),
  platform: (
    <>
      <rect x="4" y="4.5" width="16" height="11" rx="1.5" />
      <path d="M2 19.5h20" />
    </>
  ),
  "security-key": (
    <>
      <rect x="9.5" y="2.5" width="5" height="5.5" rx="0.5" />
      <rect x="7.5" y="8" width="9" height="13.5" rx="2.5" />
      <circle cx="12" cy="14.5" r="2" />
    </>
  ),
  phone: (
    <>
      <rect x="6.5" y="2.5" width="11" height="19" rx="2.5" />
      <path d="M10.5 18.5h3" />
    </>
  ),
  unknown: (
    <>
      <circle cx="7.5" cy="16.5" r="4" />
      <path d="M10.3 13.7 19.5 4.5" />
      <path d="M15.5 8.5l2.5 2.5" />
      <path d="M18 6l2 2" />
    </>
  ),
};

/** A line icon for the kind of authenticator a passkey lives on; decorative, since the name is beside it. */
export function AuthenticatorIcon({ kind, className }: { kind: AuthenticatorKind; className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width="24"
      height="24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      className={className}
    >
      {SHAPES[kind]}
    </svg>
  );
}

/**
 * A passkey provider's own icon (ProviderIcons in lib/passkeys/build-provider-list.ts), in the
 * version for the colour scheme the app shows, which follows the system's. Always an image, never
 * SVG put into the page: the icon is someone else's markup, and an image runs none of it.
 * Decorative, since the name is beside it.
 */
export function ProviderIcon({
  urls,
  className,
}: {
  urls: { light: string; dark: string };
  className?: string;
}) {
  return (
    <picture>
      <source srcSet={urls.dark} media="(prefers-color-scheme: dark)" />
      <img src={urls.light} alt="" width={24} height={24} className={className} />
    </picture>
  );
}
