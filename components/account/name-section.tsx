"use client";

import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Form } from "@/components/ui/form";
import { LiveRegion } from "@/components/ui/live-region";
import { Notice } from "@/components/ui/notice";
import { TextField } from "@/components/ui/text-field";
import { checkPersonName, PERSON_NAME_MAX_LENGTH } from "@/lib/account/person-name";
import { authClient } from "@/lib/auth-client";
import { describeAuthError } from "@/lib/auth-messages";

type Result = { tone: "error" | "success"; text: string } | null;

/** The account page's name section: the name shown on pages and on new passkeys, and changing it. */
export function NameSection({ name }: { name: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<Result>(null);

  async function rename(event: FormEvent<HTMLFormElement>) {
    const checked = checkPersonName(new FormData(event.currentTarget).get("name"));
    if (!checked.ok) return setResult({ tone: "error", text: checked.message });
    setPending(true);
    setResult(null);
    const { error } = await authClient.updateUser({ name: checked.name });
    setPending(false);
    if (error) return setResult({ tone: "error", text: describeAuthError(error) });
    setResult({ tone: "success", text: `Your name is now ${checked.name}.` });
    router.refresh();
  }

  return (
    <section aria-labelledby="name-heading" className="flex flex-col gap-3">
      <h2 id="name-heading" className="text-lg font-medium">
        Name
      </h2>
      <p className="text-sm text-neutral-600 dark:text-neutral-400">
        How we address you, and the name your password manager shows beside each passkey you add from now on.
      </p>
      <Form onSubmit={rename} className="flex flex-col gap-3" aria-label="Change your name">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          {/* The rule counts characters, the browser UTF-16 units: an emoji is two of those. */}
          <TextField
            label="Name"
            name="name"
            defaultValue={name}
            required
            maxLength={PERSON_NAME_MAX_LENGTH * 2}
            autoComplete="name"
            className="flex-1"
          />
          <Button type="submit" variant="secondary" pending={pending}>
            Save name
          </Button>
        </div>
        <LiveRegion>{result && <Notice tone={result.tone}>{result.text}</Notice>}</LiveRegion>
      </Form>
    </section>
  );
}
