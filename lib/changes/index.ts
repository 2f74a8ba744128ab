import { ACCOUNT_MUTATIONS } from "@/lib/users/account-mutations";
import { importSpreadsheet } from "@/lib/import/mutation";
import { NOTIFICATION_MUTATIONS } from "@/lib/notifications/mutations";
import { ROUND_MUTATIONS } from "@/lib/rounds/mutations";
import { USER_MUTATIONS } from "@/lib/users/mutations";
import { uploadAgreementFile } from "./agreement-file.ts";
import { ARRANGEMENT_OPERATIONS as A } from "./arrangements.ts";
import type { Mutation } from "./mutation.ts";
import { arrangementMutation } from "./pipeline.ts";
import { approveChangeRequest, commentOnChangeRequest, rejectChangeRequest, returnChangeRequest, withdrawChangeRequest } from "./review.ts";

export type { Mutation } from "./mutation.ts";

/**
 * Every mutation of the application, each run by the one pipeline in mutation.ts. Server actions
 * call these and nothing else; the authorization matrix test (lib/changes/authz-matrix.int.test.ts)
 * requires a row for each name here.
 */
export const MUTATIONS = {
  createArrangement: arrangementMutation(A.createArrangement),
  updateArrangement: arrangementMutation(A.updateArrangement),
  addParticipant: arrangementMutation(A.addParticipant),
  removeParticipant: arrangementMutation(A.removeParticipant),
  setHost: arrangementMutation(A.setHost),
  recordStaffing: arrangementMutation(A.recordStaffing),
  endArrangement: arrangementMutation(A.endArrangement),
  setAgreement: arrangementMutation(A.setAgreement),
  uploadAgreementFile,
  restoreArrangementVersion: arrangementMutation(A.restoreArrangementVersion),
  importSpreadsheet,
  approveChangeRequest,
  rejectChangeRequest,
  withdrawChangeRequest,
  returnChangeRequest,
  commentOnChangeRequest,
  ...NOTIFICATION_MUTATIONS,
  ...USER_MUTATIONS,
  ...ACCOUNT_MUTATIONS,
  ...ROUND_MUTATIONS,
} satisfies Record<string, Mutation>;

export type MutationName = keyof typeof MUTATIONS;

export type { MutationResult } from "./result.ts";
