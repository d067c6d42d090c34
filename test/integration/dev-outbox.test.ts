import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { OutboxList } from "@/components/dev/outbox-list";
import { site } from "@/config/site";
import { sendMail } from "@/lib/mail";
import { listOutbox } from "@/lib/mail/outbox";

// The page itself answers 404 in production (e2e/security-activity.spec.ts, against a production
// server); here, what it shows in development: the mail sendMail kept, newest first, links live.
describe("the development outbox", () => {
  it("shows the mail the app sent, newest first, with its links", async () => {
    await sendMail({ to: "ada@example.test", subject: "Older notice", text: "First." });
    await sendMail({
      to: "ada@example.test",
      subject: `A passkey was added to your ${site.name} account`,
      text: "Wasn't you? http://localhost:3000/settings/security",
    });

    const html = renderToStaticMarkup(createElement(OutboxList, { mails: await listOutbox() }));

    expect(html.indexOf("A passkey was added")).toBeGreaterThan(-1);
    expect(html.indexOf("A passkey was added")).toBeLessThan(html.indexOf("Older notice"));
    expect(html).toContain('href="http://localhost:3000/settings/security"');
  });
});
