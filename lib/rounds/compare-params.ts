import { REPORT_2021_SNAPSHOT } from "./snapshot-document";

/** The comparison's query parameters (page and API): fra, til (snapshot slugs or «i-dag»), kommune (slug). */
export interface CompareParams {
  from: string;
  to: string;
  municipality: string | null;
}

export const TODAY = "i-dag";
const KEY = /^[a-z0-9-]{1,90}$/;

export function readCompareParams(get: (key: string) => string | null | undefined): { ok: true; value: CompareParams } | { ok: false; message: string } {
  const from = (get("fra") ?? "").trim() || REPORT_2021_SNAPSHOT.slug;
  const to = (get("til") ?? "").trim() || TODAY;
  const municipality = (get("kommune") ?? "").trim() || null;
  for (const [label, value] of [
    ["fra", from],
    ["til", to],
    ["kommune", municipality],
  ] as const) {
    if (value !== null && !KEY.test(value)) return { ok: false, message: `Ugyldig verdi for «${label}». Bruk id-en til et øyeblikksbilde (f.eks. rapport-2021), «i-dag» eller en kommune-id.` };
  }
  return { ok: true, value: { from, to, municipality } };
}
