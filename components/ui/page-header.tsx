import type { ReactNode } from "react";

type PageHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Lets a region name itself after the heading (aria-labelledby). */
  titleId?: string;
  /** "card" sits inside the narrow card of the sign-in and sign-up pages, with smaller text under it. */
  size?: "page" | "card";
};

/** The page's one <h1>, with a line on what the page is for. */
export function PageHeader({ title, description, titleId, size = "page" }: PageHeaderProps) {
  return (
    <div className={size === "card" ? "mb-6" : undefined}>
      <h1 id={titleId} className="text-2xl font-semibold tracking-tight">
        {title}
      </h1>
      {description && (
        <p className={`mt-1 text-neutral-600 dark:text-neutral-400 ${size === "card" ? "text-sm" : ""}`}>
          {description}
        </p>
      )}
    </div>
  );
}
