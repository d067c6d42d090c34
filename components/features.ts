import { recoveryCodesUi } from "@/components/recovery-codes/contribution";
import type { FeatureUi } from "@/components/slots/feature-ui";

/**
 * Composition root of the UI: what each feature shows on pages outside its own folders (see
 * components/slots/feature-ui.ts), one line per feature. Server-only.
 */
export const features: readonly FeatureUi[] = [recoveryCodesUi];
