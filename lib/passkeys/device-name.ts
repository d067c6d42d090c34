/**
 * A first guess at what people call the device they are on, to prefill a new passkey's name.
 * Only a suggestion: the user can change it, and the list also shows the authenticator.
 */
export function guessDeviceName(userAgent: string): string {
  const rules: [RegExp, string][] = [
    [/iPhone/, "iPhone"],
    [/iPad/, "iPad"],
    [/Android.*Mobile/, "Android phone"],
    [/Android/, "Android tablet"],
    [/CrOS/, "Chromebook"],
    [/Macintosh|Mac OS X/, "Mac"],
    [/Windows/, "Windows PC"],
    [/Linux/, "Linux computer"],
  ];
  return rules.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "This device";
}
