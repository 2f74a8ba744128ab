import type { FormState } from "@/lib/changes/form";
import type { ImportPlan } from "./plan";

/** What the import's server action hands the page: a preview, or the outcome of confirming. */
export interface ImportState extends FormState {
  preview?: ImportPlan;
  fileName?: string | null;
  links?: { href: string; label: string }[];
}

export const STATUS_LABELS = { new: "Ny", changed: "Endret", unchanged: "Uendret", error: "Feil" } as const;

/** «3 nye, 2 endret, 10 uendret, 1 feil» */
export function summaryText(counts: ImportPlan["counts"]): string {
  return `${counts.new} ${counts.new === 1 ? "ny" : "nye"}, ${counts.changed} endret, ${counts.unchanged} uendret, ${counts.error} feil`;
}
