/**
 * The single decision point for every action (docs/decisions/0040-auth-model.md). Every mutation in
 * lib/changes and every page that shows non-public data asks here; nothing else decides access.
 */
import type { Role } from "@/lib/domain/roles";

export interface Actor {
  id: number;
  name: string;
  email: string;
  role: Role;
  /** The municipalities a KOMMUNE user acts for (empty for other roles). */
  municipalityIds: number[];
}

export type Action =
  /** Create an arrangement. Resource: the proposed participants. */
  | "arrangement.create"
  /** Change an existing arrangement. Resource: its current participants. */
  | "arrangement.edit"
  /** Import a kartleggingsfil on a municipality's behalf (each change is still authorized as an edit). Resource: that municipality. */
  | "arrangement.import"
  /** Restore an earlier version from the audit trail. */
  | "arrangement.restore"
  /** See the review queue and decide proposals (approve, reject, resolve a conflict). */
  | "changeRequest.review"
  /** See one proposal. Resource: its municipality and proposer. */
  | "changeRequest.view"
  /** Withdraw one's own pending proposal. Resource: its proposer. */
  | "changeRequest.withdraw"
  /** Revise and resubmit one's own proposal after it was sent back. Resource: its proposer. */
  | "changeRequest.revise"
  /** Write in a proposal's thread: its proposer and advisers. Resource: its proposer. */
  | "changeRequest.comment"
  /** Read one's own events and set one's own mail preference (any logged-in user). */
  | "notification.own"
  /** See the full audit trail with names. */
  | "audit.viewFull"
  /** Create users, change roles and scope, deactivate. */
  | "user.manage"
  /** Read the e-mail outbox (it holds invitation and password links). */
  | "outbox.read"
  /** Change one's own password. Any logged-in user, for their own account only. */
  | "account.own"
  /** «Logg ut overalt». Resource: the user (oneself, or anyone for an admin). */
  | "account.endSessions"
  /** Choose a password through a one-time link (no login needed). Resource: whether the link is usable. */
  | "account.useLink"
  /** Ask for a password link by e-mail («Glemt passord»; no login needed, rate-limited). */
  | "account.requestLink"
  /** See the data-quality dashboard across all municipalities (docs/decisions/0046). */
  | "quality.dashboard"
  /** Upload an arrangement's agreement PDF (applied directly; editors propose the date and link). */
  | "agreement.upload"
  /** Open, remind and close survey rounds (kartleggingsrunder); see their progress board. */
  | "surveyRound.manage"
  /** Confirm a municipality's overview in a survey round. Resource: that municipality (municipalityId). */
  | "surveyRound.confirm";

export interface Resource {
  municipalityIds?: number[];
  proposerId?: number;
  municipalityId?: number | null;
  /** For account.endSessions: whose sessions. */
  targetUserId?: number;
  /** For account.useLink: the one-time link exists, is unspent, unexpired and its user active. */
  linkUsable?: boolean;
}

export type Decision = { allowed: true; mode: "apply" | "propose" } | { allowed: false; reason: string };

const DENIED_LOGIN = "Du må logge inn for å gjøre dette.";
const DENIED_ROLE = "Du har ikke tilgang til å gjøre dette.";
const DENIED_SCOPE = "Du kan bare foreslå endringer i ordninger der din kommune deltar.";

const isAdviser = (actor: Actor) => actor.role === "STATSFORVALTER" || actor.role === "ADMIN";
const sharesMunicipality = (actor: Actor, ids: readonly number[] = []) => ids.some((id) => actor.municipalityIds.includes(id));

export const DENIED_LINK = "Lenken er ugyldig, allerede brukt eller utløpt. Be om en ny lenke under «Glemt passord», eller kontakt administratoren.";

export function authorize(actor: Actor | null, action: Action, resource: Resource = {}): Decision {
  // The two account actions a visitor without a login may take; what proves them is the link itself.
  if (action === "account.useLink") return resource.linkUsable ? { allowed: true, mode: "apply" } : { allowed: false, reason: DENIED_LINK };
  if (action === "account.requestLink") return { allowed: true, mode: "apply" };
  if (!actor) return { allowed: false, reason: DENIED_LOGIN };
  switch (action) {
    case "arrangement.create":
    case "arrangement.edit":
      if (isAdviser(actor)) return { allowed: true, mode: "apply" };
      if (actor.role === "KOMMUNE" && sharesMunicipality(actor, resource.municipalityIds)) return { allowed: true, mode: "propose" };
      return {
        allowed: false,
        reason: action === "arrangement.create" ? "Du kan bare opprette ordninger der din kommune er deltaker." : DENIED_SCOPE,
      };
    case "arrangement.import":
      if (isAdviser(actor)) return { allowed: true, mode: "apply" };
      if (actor.role === "KOMMUNE" && sharesMunicipality(actor, resource.municipalityIds)) return { allowed: true, mode: "propose" };
      return { allowed: false, reason: actor.role === "KOMMUNE" ? "Du kan bare importere kartleggingsfilen for din egen kommune." : DENIED_ROLE };
    case "arrangement.restore":
    case "changeRequest.review":
    case "quality.dashboard":
    case "agreement.upload":
    case "audit.viewFull":
      return isAdviser(actor) ? { allowed: true, mode: "apply" } : { allowed: false, reason: DENIED_ROLE };
    case "changeRequest.view":
      if (isAdviser(actor)) return { allowed: true, mode: "apply" };
      if (resource.proposerId === actor.id) return { allowed: true, mode: "apply" };
      if (resource.municipalityId != null && actor.municipalityIds.includes(resource.municipalityId)) return { allowed: true, mode: "apply" };
      return { allowed: false, reason: DENIED_ROLE };
    case "changeRequest.withdraw":
      return resource.proposerId === actor.id ? { allowed: true, mode: "apply" } : { allowed: false, reason: "Bare den som sendte forslaget, kan trekke det tilbake." };
    case "changeRequest.revise":
      return resource.proposerId === actor.id ? { allowed: true, mode: "apply" } : { allowed: false, reason: "Bare den som sendte forslaget, kan endre det." };
    case "changeRequest.comment":
      if (isAdviser(actor) || resource.proposerId === actor.id) return { allowed: true, mode: "apply" };
      return { allowed: false, reason: "Bare den som sendte forslaget, og Statsforvalteren kan skrive i samtalen." };
    case "notification.own":
      return { allowed: true, mode: "apply" };
    case "user.manage":
    case "outbox.read":
      return actor.role === "ADMIN" ? { allowed: true, mode: "apply" } : { allowed: false, reason: DENIED_ROLE };
    case "account.own":
      return { allowed: true, mode: "apply" };
    case "account.endSessions":
      return actor.role === "ADMIN" || resource.targetUserId === actor.id ? { allowed: true, mode: "apply" } : { allowed: false, reason: DENIED_ROLE };
    case "surveyRound.manage":
      return isAdviser(actor) ? { allowed: true, mode: "apply" } : { allowed: false, reason: DENIED_ROLE };
    case "surveyRound.confirm":
      // The confirmation is the municipality's own statement: only its editors give it.
      if (actor.role === "KOMMUNE" && resource.municipalityId != null && actor.municipalityIds.includes(resource.municipalityId)) return { allowed: true, mode: "apply" };
      return { allowed: false, reason: "Bare kommunens egne redaktører kan bekrefte oversikten for kommunen." };
  }
}
