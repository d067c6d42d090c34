import type { ReactNode } from "react";
import { features } from "@/components/features";
import { SettingsNav } from "@/components/settings/settings-nav";
import { settingsPagesOf } from "@/components/slots/feature-ui";

export default function SettingsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="flex flex-col gap-8">
      <SettingsNav pages={settingsPagesOf(features)} />
      <div>{children}</div>
    </div>
  );
}
