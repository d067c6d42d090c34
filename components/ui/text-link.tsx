import Link from "next/link";
import type { ComponentProps } from "react";

type TextLinkProps = ComponentProps<typeof Link> & {
  /** "inherit" takes the colour of the text around it, e.g. inside a notice. */
  tone?: "strong" | "inherit";
};

/** A link inside running text: underlined, so it is not told apart by colour alone. */
export function TextLink({ tone = "strong", className = "", ...props }: TextLinkProps) {
  const colour = tone === "strong" ? "text-neutral-900 dark:text-white" : "";
  return <Link {...props} className={`font-medium underline underline-offset-4 ${colour} ${className}`} />;
}
