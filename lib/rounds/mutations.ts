import "server-only";
import { z } from "zod";
import { type Actor, authorize } from "@/lib/auth/authorize";
import { defineMutation, loadNothing } from "@/lib/changes/mutation";
import { fail, MESSAGES as M, MutationFailure } from "@/lib/changes/result";
import { id, idList, optionalText, requiredDate, requiredText } from "@/lib/changes/validation";
import { publicUrl } from "@/lib/config/public-url";
import type { Tx } from "@/lib/db";
import { currentOrUpcomingParticipationWhere, hasArrangementEndedBefore } from "@/lib/domain/activity";
import { isoDateOf, todayInNorway } from "@/lib/domain/today";
import { type RoundMail, sendRoundMail } from "./mail.ts";
import { roundProgress } from "./progress.ts";
import { announcementText, reminderSubject, reminderText } from "./reminder.ts";
import { createSnapshot } from "./snapshots.ts";
import { isConfirmed, ROUND_STATE_LABELS, transition } from "./state.ts";

/**
 * Survey-round mutations (docs/decisions/0045), each through the one pipeline (lib/changes/mutation.ts):
 * advisers open, remind and close rounds; a municipality's own editors confirm its overview.
 */
const roundId = id("Ukjent kartleggingsrunde.");
const ROUND_NOT_FOUND = "Fant ikke kartleggingsrunden.";
const ROUND_CLOSED = "Kartleggingsrunden er lukket. Ingenting er endret.";

const manage = (actor: Actor) => authorize(actor, "surveyRound.manage");

async function loadRound(tx: Tx, id: number) {
  const round = await tx.surveyRound.findUnique({ where: { id }, include: { municipalities: { include: { municipality: { select: { id: true, slug: true, name: true } } } } } });
  if (!round) throw new MutationFailure(fail("not_found", ROUND_NOT_FOUND));
  return round;
}
type LoadedRound = Awaited<ReturnType<typeof loadRound>>;

function openOnly(round: { closedAt: Date | null }) {
  if (round.closedAt) throw new MutationFailure(fail("validation", ROUND_CLOSED));
}

/** Mails to the active KOMMUNE users of the municipalities, one per user and municipality. */
async function mailsTo(tx: Tx, round: { id: number; name: string; deadline: string; message: string }, municipalities: { id: number; slug: string; name: string }[], kind: RoundMail["kind"]) {
  const rows = await tx.userMunicipality.findMany({
    where: { municipalityId: { in: municipalities.map((m) => m.id) }, user: { active: true, role: "KOMMUNE" } },
    select: { municipalityId: true, user: { select: { id: true, email: true } } },
    orderBy: [{ municipalityId: "asc" }, { userId: "asc" }],
  });
  const byId = new Map(municipalities.map((m) => [m.id, m]));
  return rows.map(({ municipalityId, user }): RoundMail => {
    const m = byId.get(municipalityId)!;
    const input = { roundName: round.name, deadline: round.deadline, message: round.message, link: publicUrl(taskPath(round.id, m.slug)), municipalityName: m.name };
    return kind === "surveyRound.reminder"
      ? { to: user.email, subject: reminderSubject(input), text: reminderText(input), kind, userId: user.id }
      : { to: user.email, subject: `Ny kartleggingsrunde: ${round.name}`, text: announcementText(input), kind, userId: user.id };
  });
}

export const taskPath = (round: number, municipalitySlug: string) => `/kartlegging/${round}/${municipalitySlug}`;

export const openSurveyRound = defineMutation({
  schema: z.object({
    name: requiredText("Navnet", 120),
    deadline: requiredDate("Fristen"),
    message: optionalText("Meldingen", 4000),
    municipalityIds: idList("Velg gyldige kommuner.", 400).pipe(z.array(z.number()).min(1, { error: "Velg minst én kommune." })),
  }),
  load: loadNothing,
  authorize: manage,
  async apply(tx, { actor, input }) {
    if (input.deadline < todayInNorway()) throw new MutationFailure(fail("validation", M.validation, { deadline: ["Fristen kan ikke være tilbake i tid."] }));
    if (await tx.surveyRound.findUnique({ where: { name: input.name }, select: { id: true } })) {
      throw new MutationFailure(fail("validation", M.validation, { name: ["Det finnes allerede en kartleggingsrunde med dette navnet."] }));
    }
    const ids = [...new Set(input.municipalityIds)];
    const municipalities = await tx.municipality.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true, name: true }, orderBy: { name: "asc" } });
    if (municipalities.length !== ids.length) throw new MutationFailure(fail("validation", M.validation, { municipalityIds: ["Ukjent kommune."] }));
    const round = await tx.surveyRound.create({
      data: {
        name: input.name,
        deadline: new Date(`${input.deadline}T00:00:00Z`),
        message: input.message ?? "",
        openedById: actor.id,
        municipalities: { create: ids.map((municipalityId) => ({ municipalityId })) },
      },
    });
    const mails = await sendRoundMail(tx, await mailsTo(tx, { id: round.id, name: round.name, deadline: input.deadline, message: round.message }, municipalities, "surveyRound.opened"));
    return {
      result: {
        ok: true,
        outcome: "done",
        message: `Kartleggingsrunden «${round.name}» er åpnet for ${ids.length} kommuner.${mails ? ` ${mails} redaktører får e-post om den.` : ""}`,
        roundId: round.id,
      },
      audit: {
        action: "openSurveyRound",
        summary: `Kartleggingsrunde åpnet: ${round.name} (${ids.length} kommuner, frist ${input.deadline})`,
        after: { roundId: round.id, name: round.name, deadline: input.deadline, message: round.message, municipalities: municipalities.map((m) => m.name) },
      },
    };
  },
});

export const confirmSurveyOverview = defineMutation({
  schema: z.object({ roundId, municipalityId: id("Ukjent kommune.") }),
  load: (tx, input) => loadRound(tx, input.roundId),
  authorize: (actor, input) => authorize(actor, "surveyRound.confirm", { municipalityId: input.municipalityId }),
  async apply(tx, { actor, input, loaded: round }) {
    openOnly(round);
    const scope = round.municipalities.find((m) => m.municipalityId === input.municipalityId);
    if (!scope) throw new MutationFailure(fail("not_found", "Kommunen er ikke med i denne kartleggingsrunden."));
    // One confirmation at a time per municipality and round (two editors pressing at once).
    await tx.$executeRaw`SELECT 1 FROM "SurveyRoundMunicipality" WHERE "roundId" = ${round.id} AND "municipalityId" = ${input.municipalityId} FOR UPDATE`;
    const before = (await roundProgress(tx, round, [input.municipalityId])).get(input.municipalityId)!;
    const next = transition(before.state, "confirm");
    if (!next.ok) throw new MutationFailure(fail("validation", next.message));
    const today = todayInNorway();
    const arrangements = (
      await tx.arrangement.findMany({
        where: { participations: { some: { municipalityId: input.municipalityId, ...currentOrUpcomingParticipationWhere(today) } } },
        select: { id: true, endDate: true },
      })
    ).filter((a) => !hasArrangementEndedBefore(a, today));
    const withChanges = next.state === "CONFIRMED_WITH_CHANGES";
    await tx.surveyConfirmation.create({
      data: {
        roundId: round.id,
        municipalityId: input.municipalityId,
        userId: actor.id,
        withChanges,
        arrangements: { create: arrangements.map((a) => ({ arrangementId: a.id })) },
      },
    });
    const name = scope.municipality.name;
    return {
      result: {
        ok: true,
        outcome: "done",
        message: withChanges ? `Takk! Oversikten for ${name} er bekreftet med endringer. Statsforvalteren behandler endringsforslagene.` : `Takk! Oversikten for ${name} er bekreftet uten endringer.`,
        roundId: round.id,
      },
      audit: {
        action: "confirmSurveyOverview",
        summary: `${round.name}: oversikten for ${name} bekreftet${withChanges ? " med endringer" : ""} (${arrangements.length} ordninger)`,
        before: { state: before.state },
        after: { roundId: round.id, municipalityId: input.municipalityId, state: next.state, arrangementIds: arrangements.map((a) => a.id) },
      },
    };
  },
});

/** The municipalities in the round that have not confirmed. */
async function notDone(tx: Tx, round: LoadedRound) {
  const progress = await roundProgress(
    tx,
    round,
    round.municipalities.map((m) => m.municipalityId),
  );
  return round.municipalities.filter((m) => !isConfirmed(progress.get(m.municipalityId)!.state)).map((m) => ({ ...m.municipality, state: progress.get(m.municipalityId)!.state }));
}

export const remindSurveyRound = defineMutation({
  schema: z.object({ roundId }),
  load: (tx, input) => loadRound(tx, input.roundId),
  authorize: manage,
  async apply(tx, { loaded: round }) {
    openOnly(round);
    const missing = await notDone(tx, round);
    if (missing.length === 0) throw new MutationFailure(fail("validation", "Alle kommunene i runden har bekreftet oversikten. Ingen påminnelse er sendt."));
    await tx.surveyRoundMunicipality.updateMany({ where: { roundId: round.id, municipalityId: { in: missing.map((m) => m.id) } }, data: { remindedAt: new Date() } });
    const deadline = isoDateOf(round.deadline)!;
    const mails = await sendRoundMail(tx, await mailsTo(tx, { id: round.id, name: round.name, deadline, message: round.message }, missing, "surveyRound.reminder"));
    return {
      result: {
        ok: true,
        outcome: "done",
        message: `Påminnelse registrert for ${missing.length} kommuner. ${mails ? `${mails} e-poster er lagt i utboksen.` : "Ingen av dem har redaktører med e-post i registeret; bruk teksten til å kopiere."}`,
        roundId: round.id,
      },
      audit: {
        action: "remindSurveyRound",
        summary: `${round.name}: påminnelse til ${missing.map((m) => m.name).join(", ")}`.slice(0, 500),
        after: { roundId: round.id, municipalities: missing.map((m) => ({ id: m.id, name: m.name, state: ROUND_STATE_LABELS[m.state] })), mails },
      },
    };
  },
});

export const closeSurveyRound = defineMutation({
  schema: z.object({ roundId, snapshotName: optionalText("Navnet på øyeblikksbildet", 120) }),
  load: (tx, input) => loadRound(tx, input.roundId),
  authorize: manage,
  async apply(tx, { actor, input, loaded: round }) {
    openOnly(round);
    const ids = round.municipalities.map((m) => m.municipalityId);
    const pending = await tx.changeRequest.count({ where: { municipalityId: { in: ids }, status: "PENDING" } });
    if (pending > 0) {
      throw new MutationFailure(
        fail(
          "validation",
          `${pending} endringsforslag fra kommunene i runden er ikke behandlet. Godkjenn eller avvis dem før runden lukkes, så øyeblikksbildet viser resultatet. Ingenting er endret.`,
        ),
      );
    }
    const name = input.snapshotName ?? round.name;
    if (await tx.snapshot.findUnique({ where: { name }, select: { id: true } })) {
      throw new MutationFailure(fail("validation", M.validation, { snapshotName: ["Det finnes allerede et øyeblikksbilde med dette navnet."] }));
    }
    const missing = await notDone(tx, round);
    const snapshot = await createSnapshot(tx, name, todayInNorway());
    // Guard against a concurrent close: only an open round is closed.
    const closed = await tx.surveyRound.updateMany({ where: { id: round.id, closedAt: null }, data: { closedAt: new Date(), closedById: actor.id, snapshotId: snapshot.id } });
    if (closed.count !== 1) throw new MutationFailure(fail("conflict", ROUND_CLOSED));
    return {
      result: {
        ok: true,
        outcome: "done",
        message: `Kartleggingsrunden er lukket. Øyeblikksbildet «${name}» er lagret med ${snapshot.count} ordninger.${missing.length ? ` ${missing.length} kommuner bekreftet ikke.` : ""}`,
        roundId: round.id,
      },
      audit: {
        action: "closeSurveyRound",
        summary: `Kartleggingsrunde lukket: ${round.name} (øyeblikksbilde «${name}»)`,
        after: { roundId: round.id, snapshot: { id: snapshot.id, slug: snapshot.slug, name, arrangements: snapshot.count }, notConfirmed: missing.map((m) => m.name) },
      },
    };
  },
});

/** The survey-round mutations, by name (part of lib/changes' MUTATIONS). */
export const ROUND_MUTATIONS = { openSurveyRound, confirmSurveyOverview, remindSurveyRound, closeSurveyRound };
