import type { ReactNode } from "react";

export const metadata = { title: "Sign in", description: "A bare Next.js page." };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
