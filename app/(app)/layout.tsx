import type { ReactNode } from "react";
import { AppHeader } from "@/components/app/app-header";
import { StepUpProvider } from "@/components/step-up/step-up-provider";
import { site } from "@/config/site";
import { auth } from "@/lib/auth";
import { pluginMenuLinks } from "@/lib/auth/menu";
import { requireSession } from "@/lib/session";

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const { user } = await requireSession();
  return (
    <>
      <AppHeader email={user.email} links={[...site.navigation, ...pluginMenuLinks(auth().options, user)]} />
      <main className="mx-auto max-w-3xl px-4 py-8">
        <StepUpProvider>{children}</StepUpProvider>
      </main>
    </>
  );
}
