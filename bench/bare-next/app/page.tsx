/** No client component, no stylesheet: what every App Router page ships before any code of its own. */
export default function Page() {
  return (
    <main>
      <h1>Sign in</h1>
      <p>Use your fingerprint, face or screen lock.</p>
    </main>
  );
}
