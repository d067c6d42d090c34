import type { ComponentProps, FormEvent } from "react";
import { Notice } from "./notice";

type FormProps = Omit<ComponentProps<"form">, "method" | "action" | "encType" | "target" | "onSubmit"> & {
  /** Called instead of the browser's own submission, which never happens while scripts run. */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
};

/**
 * The only form element in the app (Biome's noRestrictedElements refuses any other). Sent by the
 * browser itself, before the page's scripts run or without them, a form would do a GET by default
 * and put every field, password included, in the address bar, the history and the server's logs.
 * This one always posts, to the page's own URL, where proxy.ts answers that the page needs JavaScript.
 */
export function Form({ onSubmit, children, ...props }: FormProps) {
  return (
    <form
      {...props}
      method="post"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(event);
      }}
    >
      <noscript>
        <Notice tone="error">This form needs JavaScript, which is turned off in this browser.</Notice>
      </noscript>
      {children}
    </form>
  );
}
