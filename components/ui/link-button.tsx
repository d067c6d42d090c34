import Link from "next/link";
import type { ComponentProps } from "react";
import { type ButtonVariant, buttonStyle } from "./button-style";

type LinkButtonProps = ComponentProps<typeof Link> & { variant?: ButtonVariant };

/** A link that opens a page but looks like a <Button>: for calls to action that navigate. */
export function LinkButton({ variant = "primary", className = "", ...props }: LinkButtonProps) {
  return <Link {...props} className={`${buttonStyle(variant)} ${className}`} />;
}
