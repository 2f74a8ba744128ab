import type { Actor } from "@/lib/auth/authorize";
import { ARRANGEMENT_OPERATIONS } from "./arrangements.ts";
import { runArrangementMutation } from "./pipeline.ts";
import type { MutationResult } from "./result.ts";
import { approveChangeRequest, rejectChangeRequest, resolveChangeRequestConflict, withdrawChangeRequest } from "./review.ts";
import { createUser, setUserActive, setUserPassword, updateUser } from "./users.ts";

export type Mutation = (actor: Actor | null, input: unknown) => Promise<MutationResult>;

const arrangementMutations = Object.fromEntries(
  Object.entries(ARRANGEMENT_OPERATIONS).map(([name, op]) => [name, ((actor, input) => runArrangementMutation(op, actor, input)) as Mutation]),
) as Record<keyof typeof ARRANGEMENT_OPERATIONS, Mutation>;

/**
 * Every mutation of the application. Server actions call these and nothing else; the authorization
 * matrix test (lib/changes/authz-matrix.int.test.ts) requires a row for each name here.
 */
export const MUTATIONS = {
  ...arrangementMutations,
  approveChangeRequest,
  rejectChangeRequest,
  withdrawChangeRequest,
  resolveChangeRequestConflict,
  createUser,
  updateUser,
  setUserActive,
  setUserPassword,
} satisfies Record<string, Mutation>;

export type MutationName = keyof typeof MUTATIONS;

export type { MutationResult } from "./result.ts";
