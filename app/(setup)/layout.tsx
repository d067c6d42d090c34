import type { ReactNode } from "react";
import { StepUpProvider } from "@/components/step-up/step-up-provider";
import { site } from "@/config/site";
import { requireSession } from "@/lib/session";

/**
 * A step the signed-in user finishes before going on: the app's name and nothing to click away to,
 * neither the header's menu nor the settings tabs. The step itself offers the ways out.
 */
export default async function SetupLayout({ children }: { children: ReactNode }) {
  await requireSession();
  return (
    <>
      <header className="border-b border-neutral-200 dark:border-neutral-800">
        <p className="mx-auto max-w-2xl px-4 py-3 font-semibold tracking-tight">{site.name}</p>
      </header>
      <main className="mx-auto max-w-2xl px-4 py-8">
        <StepUpProvider>{children}</StepUpProvider>
      </main>
    </>
  );
}
