"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Notice } from "@/components/ui/notice";
import { site } from "@/config/site";

type Props = { codes: string[]; onDone: () => void };

/**
 * The only time the codes are shown. Copy, download and print put them somewhere safe; the user
 * must say they did before leaving, and the browser asks before a tab with unsaved codes closes.
 */
export function RecoveryCodesReveal({ codes, onDone }: Props) {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => heading.current?.focus(), []);
  const text = `${site.name} recovery codes\nEach code works once. Keep them somewhere safe.\n\n${codes.join("\n")}\n`;

  useEffect(() => {
    if (saved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [saved]);

  async function copy() {
    await navigator.clipboard.writeText(text);
    setCopied(true);
  }

  function download() {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    link.download = `${site.name.toLowerCase()}-recovery-codes.txt`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  return (
    <section aria-labelledby="your-codes" className="flex flex-col gap-4" data-print-only-this>
      <h2 id="your-codes" ref={heading} tabIndex={-1} className="text-lg font-medium outline-none">
        Your new recovery codes
      </h2>
      <Notice tone="info">
        Each code signs you in once if you lose your passkeys. This is the only time you will see them: save
        them in your password manager, or print them and keep them somewhere safe.
      </Notice>
      <ol
        aria-label="Recovery codes"
        className="grid grid-cols-1 gap-2 rounded-lg border border-neutral-200 p-4 font-mono text-base sm:grid-cols-2 dark:border-neutral-800"
      >
        {codes.map((code) => (
          <li key={code} className="tracking-wider">
            {code}
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2 print:hidden">
        <Button variant="secondary" onClick={copy}>
          {copied ? "Copied" : "Copy"}
        </Button>
        <Button variant="secondary" onClick={download}>
          Download (.txt)
        </Button>
        <Button variant="secondary" onClick={() => window.print()}>
          Print
        </Button>
      </div>
      <p aria-live="polite" className="sr-only">
        {copied ? "Recovery codes copied to the clipboard." : ""}
      </p>
      <Checkbox
        label="I have saved these codes"
        checked={saved}
        onChange={setSaved}
        className="print:hidden"
      />
      <Button onClick={onDone} disabled={!saved} className="self-start print:hidden">
        Done
      </Button>
    </section>
  );
}
