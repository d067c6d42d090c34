import { LinkButton } from "@/components/ui/link-button";
import { Notice } from "@/components/ui/notice";
import { routes, site } from "@/config/site";
import { getSession } from "@/lib/session";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  const { account } = await searchParams;
  const signedIn = await getSession();
  return (
    <main className="mx-auto flex min-h-dvh max-w-xl flex-col justify-center gap-6 px-4 py-12">
      {account === "deleted" && (
        <Notice tone="success">Your account has been deleted, and you are signed out everywhere.</Notice>
      )}
      <h1 className="text-4xl font-semibold tracking-tight">{site.name}</h1>
      <p className="text-lg text-neutral-600 dark:text-neutral-400">
        Sign in with a passkey: your fingerprint, face or screen lock. No password to remember, and nothing a
        fake site can steal.
      </p>
      <div className="flex flex-wrap gap-3">
        {signedIn ? (
          <LinkButton href={routes.dashboard}>Go to your dashboard</LinkButton>
        ) : (
          <>
            <LinkButton href="/sign-up">Create an account</LinkButton>
            <LinkButton href="/sign-in" variant="secondary">
              Sign in
            </LinkButton>
          </>
        )}
      </div>
    </main>
  );
}
