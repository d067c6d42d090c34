import { describe, expect, it } from "vitest";
import { type ApiResponse, signUp, TestBrowser, uniqueEmail } from "../helpers/browser";
import { registerPasskey, signInWithPasskey } from "../helpers/passkey-ceremonies";
import { SoftwareAuthenticator } from "../helpers/software-authenticator";
import { median, timed, withAnswerFloor } from "../helpers/timing";

const signInWithPassword = (email: string, password: string) =>
  new TestBrowser().post("/sign-in/email", { email, password });

describe("password sign-in says nothing about which accounts exist", () => {
  it("answers an unknown email and a wrong password with the same 401, and no cookie", async () => {
    const withPassword = await signUp();
    const answers = await Promise.all([
      signInWithPassword(uniqueEmail(), "correct horse battery staple"),
      signInWithPassword(withPassword.user.email, "not the password"),
    ]);

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({ code: "INVALID_EMAIL_OR_PASSWORD", message: expect.any(String) });
      expect(answer.headers.getSetCookie()).toEqual([]);
    }
  });

  it("takes about as long for an email with no account as for a wrong password", async () => {
    // Better Auth hashes the submitted password for an unknown email (scrypt, as for a real check).
    const accounts = await Promise.all(Array.from({ length: 12 }, () => signUp()));
    const unknownEmail: number[] = [];
    const wrongPassword: number[] = [];
    // Interleaved, so that a slow moment of the machine falls on both sides.
    for (const { user } of accounts) {
      const [unknown, unknownTime] = await timed(() => signInWithPassword(uniqueEmail(), "not the password"));
      const [wrong, wrongTime] = await timed(() => signInWithPassword(user.email, "not the password"));
      expect([unknown.status, wrong.status]).toEqual([401, 401]);
      unknownEmail.push(unknownTime);
      wrongPassword.push(wrongTime);
    }

    const ratio = median(unknownEmail) / median(wrongPassword);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
    // 36 scrypt hashes: slow on a busy machine, whatever the ratio.
  }, 90_000);
});

describe("sign-up names no account, in timing either", () => {
  withAnswerFloor(600);

  it.each([["/sign-up/passkey", (email: string) => ({ name: "Twin", email })]])(
    "takes as long on %s for a taken email as for a new one",
    async (path, body) => {
      const accounts = await Promise.all(Array.from({ length: 6 }, () => signUp()));
      const newEmail: number[] = [];
      const takenEmail: number[] = [];
      for (const { user } of accounts) {
        const [fresh, freshTime] = await timed(() => new TestBrowser().post(path, body(uniqueEmail())));
        const [taken, takenTime] = await timed(() => new TestBrowser().post(path, body(user.email)));
        expect([fresh.status, taken.status]).toEqual([200, 200]);
        newEmail.push(freshTime);
        takenEmail.push(takenTime);
      }

      // Every answer waited out the floor, which is longer than either path's own work here; and
      // tighter bounds than sign-in's, since without the floor a new email's extra writes show.
      expect(Math.min(...newEmail, ...takenEmail)).toBeGreaterThanOrEqual(600);
      const ratio = median(newEmail) / median(takenEmail);
      expect(ratio).toBeGreaterThan(0.8);
      expect(ratio).toBeLessThan(1.25);
    },
    60_000,
  );
});

describe("passkey sign-in names no account", () => {
  it("answers an unknown passkey and a bad signature with 401s that carry no account data", async () => {
    const { browser, user } = await signUp();
    const registered = new SoftwareAuthenticator();
    expect((await registerPasskey(browser, registered)).status).toBe(200);

    const unknown = await signInWithPasskey(new TestBrowser(), new SoftwareAuthenticator());
    const badSignature = await signInWithPasskey(new TestBrowser(), registered, { corruptSignature: true });

    for (const answer of [unknown, badSignature] as ApiResponse[]) {
      expect(answer.status).toBe(401);
      expect(answer.headers.getSetCookie().filter((line) => line.includes("session_token="))).toEqual([]);
      const text = JSON.stringify(answer.body);
      expect(text).not.toContain(user.id);
      expect(text).not.toContain(user.email);
    }
    // The codes differ on purpose: PASSKEY_NOT_FOUND lets the browser forget a passkey this server
    // no longer knows (WebAuthn signalUnknownCredential). It describes the credential the browser
    // holds, not an account: a passkey sign-in is never asked for an email.
    expect(unknown.body.code).toBe("PASSKEY_NOT_FOUND");
    expect(badSignature.body.code).toBe("AUTHENTICATION_FAILED");
  });
});
