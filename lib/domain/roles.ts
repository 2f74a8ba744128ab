/**
 * The two role vocabularies of the registry, ids as in the database enums (prisma/schema.prisma),
 * labels as the UI writes them. No database access: safe in client components.
 */

/** How a municipality takes part in an arrangement (ParticipationRole), in form order. */
export const PARTICIPATION_ROLES = [
  { id: "MEMBER", label: "Deltaker" },
  { id: "OWNER", label: "Eier" },
  { id: "BUYER", label: "Kjøper tjenester" },
] as const;
export type ParticipationRoleName = (typeof PARTICIPATION_ROLES)[number]["id"];
export const PARTICIPATION_ROLE_LABELS = Object.fromEntries(PARTICIPATION_ROLES.map((r) => [r.id, r.label])) as Record<ParticipationRoleName, string>;

/** The role inside a sentence ("lagt til som deltaker"). */
export function participationRoleInText(role: ParticipationRoleName): string {
  return PARTICIPATION_ROLE_LABELS[role].toLowerCase();
}

/** A user's role (docs/decisions/0040), in form order. */
export const USER_ROLES = [
  { id: "KOMMUNE", label: "Kommune (redaktør)" },
  { id: "STATSFORVALTER", label: "Statsforvalteren (rådgiver)" },
  { id: "ADMIN", label: "Administrator" },
] as const;
export type Role = (typeof USER_ROLES)[number]["id"];
export const USER_ROLE_LABELS = Object.fromEntries(USER_ROLES.map((r) => [r.id, r.label])) as Record<Role, string>;
