/** The reminder of a survey round, as an e-mail and as a ready-to-copy text. Pure. */
export interface ReminderInput {
  roundName: string;
  /** YYYY-MM-DD */
  deadline: string;
  message: string;
  /** Absolute link to the municipality's task (or to the round when the text is for several). */
  link: string;
  municipalityName?: string;
}

const longDate = new Intl.DateTimeFormat("nb-NO", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
export const formatDeadline = (deadline: string) => longDate.format(new Date(`${deadline}T00:00:00Z`));

export function reminderSubject(input: Pick<ReminderInput, "roundName" | "municipalityName">): string {
  return `Påminnelse: ${input.roundName}${input.municipalityName ? ` – ${input.municipalityName} kommune` : ""}`;
}

export function reminderText(input: ReminderInput): string {
  const who = input.municipalityName ? `${input.municipalityName} kommune` : "kommunen deres";
  return [
    "Hei,",
    "",
    `Statsforvalteren minner om kartleggingsrunden «${input.roundName}». Vi har ennå ikke fått bekreftet oversikten over de interkommunale samarbeidsordningene til ${who}.`,
    "",
    `Fristen er ${formatDeadline(input.deadline)}.`,
    "",
    "Gå gjennom listen i Samarbeidsregisteret, send endringsforslag der noe er feil eller mangler, og trykk «Bekreft oversikten» når listen stemmer:",
    input.link,
    ...(input.message.trim() ? ["", input.message.trim()] : []),
    "",
    "Med vennlig hilsen",
    "Statsforvalteren",
  ].join("\n");
}

export function announcementText(input: ReminderInput): string {
  const who = input.municipalityName ? `${input.municipalityName} kommune` : "kommunen deres";
  return [
    "Hei,",
    "",
    `Statsforvalteren har startet kartleggingsrunden «${input.roundName}» for interkommunalt samarbeid. Vi ber ${who} gå gjennom oversikten over samarbeidsordningene i Samarbeidsregisteret innen ${formatDeadline(input.deadline)}.`,
    ...(input.message.trim() ? ["", input.message.trim()] : []),
    "",
    input.link,
    "",
    "Med vennlig hilsen",
    "Statsforvalteren",
  ].join("\n");
}
