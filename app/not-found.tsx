import type { Metadata } from "next";
import { LinkButton } from "@/components/ui/link-button";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "Page not found" };

/** Every unknown path, and every page that says `notFound()`: a way on instead of a dead end. */
export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-12">
      <PageHeader
        title="Page not found"
        description="The link may be old or mistyped, or the page may have moved."
      />
      <div>
        <LinkButton href="/">Go to the home page</LinkButton>
      </div>
    </main>
  );
}
