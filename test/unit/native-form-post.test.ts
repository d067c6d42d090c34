import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { isNativeFormPost, redirectToNeedsJavaScript } from "@/lib/http/native-form-post";

const FORM = "application/x-www-form-urlencoded";

function request(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new NextRequest(`http://localhost:3000${path}`, { method: "GET", ...init });
}

describe("a form the browser sent itself", () => {
  it("is a url-encoded POST to a page, with or without a charset", () => {
    const body = "email=ada%40example.test&password=hunter2";
    expect(
      isNativeFormPost(request("/sign-in", { method: "POST", headers: { "content-type": FORM }, body })),
    ).toBe(true);
    const withCharset = { "content-type": `${FORM}; charset=UTF-8` };
    expect(isNativeFormPost(request("/sign-up", { method: "POST", headers: withCharset, body }))).toBe(true);
  });

  it("is not a server action, a call to the API, another content type or a GET", () => {
    const posted = (path: string, headers: Record<string, string>) =>
      isNativeFormPost(request(path, { method: "POST", headers, body: "a=b" }));
    expect(posted("/sign-in", { "content-type": FORM, "next-action": "7f00" })).toBe(false);
    expect(posted("/sign-in", { "content-type": "multipart/form-data; boundary=x" })).toBe(false);
    expect(posted("/api/auth/sign-in/email", { "content-type": FORM })).toBe(false);
    expect(posted("/sign-in", { "content-type": "application/json" })).toBe(false);
    expect(isNativeFormPost(request("/sign-in?email=a"))).toBe(false);
  });

  it("is sent on with a 303 to the page that says so, which links back to the form's own address", () => {
    const posted = request("/sign-in?next=%2Fsettings", {
      method: "POST",
      headers: { "content-type": FORM },
      body: "email=ada%40example.test&password=hunter2",
    });
    const response = redirectToNeedsJavaScript(posted);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location") ?? "");
    expect(location.pathname).toBe("/needs-javascript");
    expect(location.searchParams.get("from")).toBe("/sign-in?next=%2Fsettings");
    expect(location.href).not.toMatch(/hunter2|ada/);
    expect(posted.bodyUsed).toBe(false);
  });
});
