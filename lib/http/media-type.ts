const contentType = (message: Request | Response) => message.headers.get("content-type") ?? "";

/** Whether a request or response says its body is JSON (`application/json`, or a `+json` type). */
export function declaresJson(message: Request | Response): boolean {
  return /^application\/([\w.+-]+\+)?json\b/i.test(contentType(message));
}

/** Whether a request says its body is an HTML form's (`application/x-www-form-urlencoded`). */
export function declaresForm(message: Request | Response): boolean {
  return /^application\/x-www-form-urlencoded\b/i.test(contentType(message));
}
