import { redirect } from "next/navigation";
import { routes } from "@/config/site";

/** `/settings` on its own is the settings overview. */
export default function SettingsPage() {
  redirect(routes.security);
}
