import { describe, expect, it } from "vitest";
import { signUp, TestBrowser, uniqueEmail } from "../helpers/browser";

const PASSWORD = "correct horse battery staple";

describe("the password path", () => {
  it("signs in an account created with a password", async () => {
    const { user } = await signUp();
    const browser = new TestBrowser();

    const response = await browser.post<{ user: { id: string } }>("/sign-in/email", {
      email: user.email,
      password: PASSWORD,
    });

    expect(response.status).toBe(200);
    expect(response.body.user.id).toBe(user.id);
    expect((await browser.get<{ user: { id: string } }>("/get-session")).body.user.id).toBe(user.id);
  });

  it("answers a wrong password and an unknown email alike", async () => {
    const { user } = await signUp();

    const wrongPassword = await new TestBrowser().post("/sign-in/email", {
      email: user.email,
      password: "nope-nope-nope",
    });
    const unknownEmail = await new TestBrowser().post("/sign-in/email", {
      email: uniqueEmail(),
      password: PASSWORD,
    });

    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(unknownEmail.body).toEqual(wrongPassword.body);
  });

  it("signs out: the session no longer works", async () => {
    const { browser } = await signUp();

    await browser.post("/sign-out");

    expect((await browser.get("/get-session")).body).toBeNull();
  });
});
