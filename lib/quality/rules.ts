import { isValidOrgNr } from "@/lib/domain/orgnr";

/**
 * The data-quality rules (issue #11, docs/decisions/0046): pure functions over one arrangement as
 * loaded by ./load.ts, so each is unit-tested on a hand-made fixture. A rule answers a finding
 * (a Norwegian sentence about this arrangement) or null. Each rule has a stable code (used in URLs,
 * the API's `kvalitet` and the dashboard), a title, an explanation and its legal basis. The wording
 * is neutral: a finding says what the registry lacks, not that the municipalities have done wrong.
 * No database access here: safe in client components.
 */
export interface QualityArrangement {
  id: number;
  slug: string;
  name: string;
  shortName: string | null;
  legalForm: { code: string; outdated: boolean; inferred: boolean } | null;
  hostMunicipalityId: number | null;
  /** Municipalities taking part today (or from a later date). */
  participantIds: number[];
  /** Participants named in the registry; compared with statedParticipantCount. */
  namedParticipantCount: number;
  statedParticipantCount: number | null;
  orgNr: string | null;
  establishedYear: number | null;
  taskAreaSlugs: string[];
  staffingYears: number[];
  agreement: { date: string | null; revisedDate: string | null; url: string | null; hasFile: boolean };
}

/** The last closed survey round (lib/rounds): which arrangements it confirmed. Null when no round has closed yet. */
export interface LastClosedRound {
  name: string;
  confirmedArrangementIds: ReadonlySet<number>;
  /** The municipalities the round asked; arrangements without any of them were not in its scope. */
  municipalityIds: ReadonlySet<number>;
}

export interface QualityContext {
  lastClosedRound: LastClosedRound | null;
}

export interface QualityRule {
  code: string;
  title: string;
  /** Why it matters, in bokmål, for the arrangement page and the dashboard. */
  explanation: string;
  /** The provision the rule rests on, or what it serves when no provision requires it. */
  legalBasis: string;
  check(a: QualityArrangement, ctx: QualityContext): string | null;
}

export interface QualityFinding {
  code: string;
  title: string;
  message: string;
  legalBasis: string;
}

/** Legal forms with a host municipality (vertskommune). */
export const HOST_FORMS: readonly string[] = ["HOST_ADMIN", "HOST_BOARD"];
/** Companies that are separate legal entities registered in Enhetsregisteret. */
export const COMPANY_FORMS: readonly string[] = ["IKS", "AS"];
/** Legal forms for which the law requires a written agreement, with the provision. */
export const AGREEMENT_REQUIRED: Readonly<Record<string, string>> = {
  IPR: "kommuneloven § 18-4",
  KO: "kommuneloven § 19-4",
  HOST_ADMIN: "kommuneloven § 20-4",
  HOST_BOARD: "kommuneloven § 20-4",
  IKS: "IKS-loven § 4 (selskapsavtale)",
};
/** The task areas the report's staffing tables cover: Tabell 3.3 (barnevern), 3.4 (NAV), Figur 3.5 (PPT). */
export const STAFFING_TABLE_TASK_AREAS: Readonly<Record<string, string>> = {
  barnevern: "Tabell 3.3",
  "felles-nav-kontor": "Tabell 3.4",
  ppt: "Figur 3.5",
};

/**
 * The wording the name must contain (kommuneloven kap. 18 and 19; Prop. 46 L (2017–2018) pkt.
 * 19.3.2.2): the whole form, or the abbreviation as a word. Inflected (definite) forms and the
 * nynorsk «oppgåvefellesskap» are accepted, since the law exists in both written standards.
 */
const NAME_WORDING: Readonly<Record<string, { words: RegExp; abbreviation: RegExp; required: string; basis: string }>> = {
  IPR: { words: /interkommunal[te]? politisk[e]? råd/i, abbreviation: /(^|[^\p{L}\p{N}])IPR($|[^\p{L}\p{N}])/u, required: "«interkommunalt politisk råd» eller «IPR»", basis: "kommuneloven kap. 18" },
  KO: {
    words: /kommunal[te]? opp(ga|gå)vefellesskap/i,
    abbreviation: /(^|[^\p{L}\p{N}])KO($|[^\p{L}\p{N}])/u,
    required: "«kommunalt oppgavefellesskap» eller «KO»",
    basis: "kommuneloven kap. 19",
  },
};

/** True when the name (or the short name) carries the wording the law requires of an IPR or a KO; true for other forms. */
export function hasRequiredNameWording(legalFormCode: string, name: string, shortName: string | null = null): boolean {
  const wording = NAME_WORDING[legalFormCode];
  if (!wording) return true;
  return [name, shortName ?? ""].some((n) => wording.words.test(n) || wording.abbreviation.test(n));
}

const hasAgreement = (a: QualityArrangement) => Boolean(a.agreement.date || a.agreement.url || a.agreement.hasFile);

export const QUALITY_RULES: readonly QualityRule[] = [
  {
    code: "vertskommune-mangler",
    title: "Vertskommune mangler",
    explanation: "Et vertskommunesamarbeid har alltid én vertskommune som utfører oppgavene for de andre. Uten den vet ikke registeret hvor ansvaret ligger.",
    legalBasis: "Kommuneloven §§ 20-2 og 20-3",
    check: (a) => (a.legalForm && HOST_FORMS.includes(a.legalForm.code) && a.hostMunicipalityId === null ? "Registeret har ingen vertskommune for dette vertskommunesamarbeidet." : null),
  },
  {
    code: "vertskommune-ikke-deltaker",
    title: "Vertskommunen er ikke deltaker",
    explanation: "Vertskommunen er en av deltakerkommunene i samarbeidet. Står den ikke blant deltakerne, er enten vertskommunen eller deltakerlisten feil.",
    legalBasis: "Kommuneloven § 20-1",
    check: (a) => (a.hostMunicipalityId !== null && !a.participantIds.includes(a.hostMunicipalityId) ? "Den registrerte vertskommunen står ikke blant dagens deltakerkommuner." : null),
  },
  {
    code: "juridisk-form-mangler",
    title: "Juridisk tilknytningsform mangler",
    explanation: "Kommunene kan bare samarbeide i de formene loven nevner. Formen avgjør blant annet om det trengs samarbeidsavtale, vertskommune eller organisasjonsnummer.",
    legalBasis: "Kommuneloven § 17-1",
    check: (a) => (a.legalForm === null ? "Registeret har ikke registrert hvilken juridisk form samarbeidet har." : null),
  },
  {
    code: "juridisk-form-utledet",
    title: "Juridisk tilknytningsform er bare utledet",
    explanation: "Rapporten fra 2021 oppgir ikke formen for hver ordning. Der registeret har sluttet formen av navnet eller teksten, bør kommunene bekrefte den.",
    legalBasis: "Kommuneloven § 17-1",
    check: (a) => (a.legalForm?.inferred ? "Den juridiske formen er utledet av registeret og ikke bekreftet av kommunene." : null),
  },
  {
    code: "avviklet-form",
    title: "Avviklet samarbeidsform",
    explanation: "Styrer etter kommuneloven av 1992 § 27 skulle omdannes til en av formene i den nye kommuneloven innen fire år etter at den trådte i kraft.",
    legalBasis: "Kommuneloven § 31-2 (overgangsregler for § 27-samarbeid)",
    check: (a) => (a.legalForm?.outdated ? "Ordningen er registrert med en samarbeidsform som er avviklet i kommuneloven." : null),
  },
  {
    code: "navn-mangler-betegnelse",
    title: "Navnet mangler lovpålagt betegnelse",
    explanation:
      "Navnet til et interkommunalt politisk råd skal inneholde «interkommunalt politisk råd» eller «IPR», og navnet til et kommunalt oppgavefellesskap «kommunalt oppgavefellesskap» eller «KO», slik at samarbeidet kan kjennes igjen.",
    legalBasis: "Kommuneloven kap. 18 og 19 (krav til navnet, jf. Prop. 46 L (2017–2018) pkt. 19.3.2.2)",
    check: (a) => {
      const wording = a.legalForm ? NAME_WORDING[a.legalForm.code] : undefined;
      if (!a.legalForm || !wording || hasRequiredNameWording(a.legalForm.code, a.name, a.shortName)) return null;
      return `Det registrerte navnet inneholder ikke ${wording.required} (${wording.basis}).`;
    },
  },
  {
    code: "orgnr-mangler",
    title: "Organisasjonsnummer mangler",
    explanation: "Interkommunale selskaper og aksjeselskaper er egne rettssubjekter og registrert i Enhetsregisteret. Organisasjonsnummeret knytter ordningen til selskapet der.",
    legalBasis: "Enhetsregisterloven § 4; IKS-loven § 1; aksjeloven",
    check: (a) => (a.legalForm && COMPANY_FORMS.includes(a.legalForm.code) && !a.orgNr ? "Registeret har ikke organisasjonsnummeret til selskapet." : null),
  },
  {
    code: "orgnr-ugyldig",
    title: "Ugyldig organisasjonsnummer",
    explanation: "Et organisasjonsnummer har ni siffer der det siste er et kontrollsiffer (modulus 11). Et nummer som ikke stemmer, er feilskrevet.",
    legalBasis: "Enhetsregisterloven (organisasjonsnummer)",
    check: (a) => (a.orgNr && !isValidOrgNr(a.orgNr) ? `Organisasjonsnummeret ${a.orgNr} har feil kontrollsiffer.` : null),
  },
  {
    code: "avtale-mangler",
    title: "Samarbeidsavtale ikke registrert",
    explanation:
      "Loven krever skriftlig avtale for interkommunale politiske råd, kommunale oppgavefellesskap og vertskommunesamarbeid, og selskapsavtale for interkommunale selskaper. Registeret bør vise dato for avtalen og helst avtalen selv.",
    legalBasis: "Kommuneloven §§ 18-4, 19-4 og 20-4; IKS-loven § 4",
    check: (a) => {
      const basis = a.legalForm ? AGREEMENT_REQUIRED[a.legalForm.code] : undefined;
      return basis && !hasAgreement(a) ? `Registeret har ingen skriftlig avtale for ordningen (krav etter ${basis}).` : null;
    },
  },
  {
    code: "etableringsaar-ukjent",
    title: "Etableringsår ukjent",
    explanation: "Etableringsåret brukes i statistikken over når samarbeid ble etablert. Kartleggingen i 2021 fant året for få ordninger.",
    legalBasis: "Ikke lovkrav; Statsforvalterens kartlegging (NIVI 2021, Tabell 2.1)",
    check: (a) => (a.establishedYear === null ? "Registeret kjenner ikke året ordningen ble etablert." : null),
  },
  {
    code: "aarsverk-mangler",
    title: "Årsverk mangler",
    explanation: "Rapporten fra 2021 oppga årsverk for barnevern, NAV og PPT. For disse tjenestene følges fagmiljøenes størrelse over tid, så tallet bør finnes for hver ordning.",
    legalBasis: "Ikke lovkrav; NIVI 2021, Tabell 3.3, 3.4 og Figur 3.5",
    check: (a) => {
      const table = a.taskAreaSlugs.map((s) => STAFFING_TABLE_TASK_AREAS[s]).find(Boolean);
      return table && a.staffingYears.length === 0 ? `Registeret har ingen årsverk for ordningen, som rapporten ville ha tatt med i ${table}.` : null;
    },
  },
  {
    code: "deltakerliste-ufullstendig",
    title: "Deltakerlisten er ufullstendig",
    explanation: "Kilden oppgir flere deltakere enn den navngir. Statistikken bruker det oppgitte tallet, men kommunene som mangler, bør legges til.",
    legalBasis: "Ikke lovkrav; kilden oppgir et høyere antall",
    check: (a) =>
      a.statedParticipantCount !== null && a.statedParticipantCount > a.namedParticipantCount
        ? `Kilden oppgir ${a.statedParticipantCount} deltakere, men registeret navngir ${a.namedParticipantCount}.`
        : null,
  },
  {
    code: "ikke-bekreftet",
    title: "Ikke bekreftet i siste kartlegging",
    explanation: "Hver kartleggingsrunde ber kommunene bekrefte oversikten. En ordning som ingen kommune bekreftet i siste avsluttede runde, kan være utdatert.",
    legalBasis: "Ikke lovkrav; Statsforvalterens årlige kartlegging",
    check: (a, ctx) => {
      const round = ctx.lastClosedRound;
      if (!round || round.confirmedArrangementIds.has(a.id)) return null;
      if (!a.participantIds.some((id) => round.municipalityIds.has(id))) return null;
      return `Ordningen ble ikke bekreftet i «${round.name}».`;
    },
  },
];

export type QualityRuleCode = (typeof QUALITY_RULES)[number]["code"];

export const QUALITY_RULE_CODES: readonly string[] = QUALITY_RULES.map((r) => r.code);

export function qualityRule(code: string): QualityRule | undefined {
  return QUALITY_RULES.find((r) => r.code === code);
}

/** Every finding for one arrangement, in rule order. */
export function checkArrangement(a: QualityArrangement, ctx: QualityContext): QualityFinding[] {
  const findings: QualityFinding[] = [];
  for (const rule of QUALITY_RULES) {
    const message = rule.check(a, ctx);
    if (message) findings.push({ code: rule.code, title: rule.title, message, legalBasis: rule.legalBasis });
  }
  return findings;
}
