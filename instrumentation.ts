// Runs once when a Next.js server process starts.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { appendPeerAddressToForwardedFor } = await import("@/lib/http/peer-address");
  appendPeerAddressToForwardedFor();
  const { prepareServer } = await import("@/lib/startup/prepare-server");
  await prepareServer();
}
