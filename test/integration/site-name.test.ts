import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";
import { site } from "@/config/site";
import { db } from "@/lib/db";
import { mailOutbox } from "@/lib/db/schema";
import { signUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import { registerPasskey, registrationOptions } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";

const RP_NAME = "Acme passkeys";

// Before anything reads the configuration: the passkey prompt is given a name of its own.
vi.hoisted(() => {
  process.env.PASSKEY_RP_NAME = "Acme passkeys";
});

const subjectsTo = async (address: string) =>
  (await db().select().from(mailOutbox).where(eq(mailOutbox.to, address))).map((mail) => mail.subject);

describe("the app's name", () => {
  it("PASSKEY_RP_NAME names the passkey prompt only; every mail keeps the site's name", async () => {
    const email = uniqueEmail();
    const { browser } = await signUp(new TestBrowser(), email);

    expect((await registrationOptions(browser)).body.rp.name).toBe(RP_NAME);
    expect((await registerPasskey(browser, new SoftwareAuthenticator())).status).toBe(200);

    expect(await subjectsTo(email)).toEqual([
      `Finish creating your ${site.name} account`,
      `A passkey was added to your ${site.name} account`,
    ]);
  });
});
