import type { ReactNode } from "react";
import { AppHeader } from "@/components/app/app-header";
import { StepUpProvider } from "@/components/step-up/step-up-provider";
import { requireSession } from "@/lib/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  return (
    <>
      <AppHeader email={user.email} isAdmin={user.role === "admin"} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <StepUpProvider>{children}</StepUpProvider>
      </main>
    </>
  );
}
