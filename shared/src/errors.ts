import { z } from 'zod';

/** The one error vocabulary, mapped once at each edge (HTTP status, socket ack). */
export const ERROR_CODES = [
  'invalid_payload',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'protocol_mismatch',
  'internal',
] as const;
export const errorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof errorCodeSchema>;

/**
 * Why the rules refused, where a person needs more than the code's text to act on it. Each has a
 * German and an English sentence under `refusals.<reason>` in the client's locale files.
 */
export const REFUSAL_REASONS = [
  // Votes (D2–D37 in docs/decision-rules.md).
  'vote_closed',
  'vote_open',
  'past_closing_time',
  'outcome_recorded',
  'person_not_eligible',
  'partner_not_eligible',
  'not_representative',
  'not_a_member',
  'standalone_needs_moderator',
  'not_opener_or_moderator',
  'wrong_kind',
  'reason_required',
  'reason_not_allowed',
  'unknown_option',
  'too_many_choices',
  'unknown_card',
  'too_many_points',
  'anonymous_needs_after_close',
  'closes_in_past',
  'quorum_unreachable',
  // Checklists (C1, C3 in docs/protocol.md).
  'checklist_full',
  'item_not_found',
  'item_already_done',
  'item_not_done',
  // Positions (P2–P5 in docs/position-rules.md).
  'position_not_found',
  'position_not_draft',
  'card_already_linked',
  'card_not_linked',
  'too_many_versions',
  'version_exists',
  'not_round_runner',
  'round_not_open',
  'hash_mismatch',
  'partner_not_entitled',
  'already_answered',
  'annotation_not_found',
  'too_many_annotations',
  'too_many_replies',
  'not_a_comment',
  'not_a_proposal',
  'annotation_unchanged',
  'proposal_decided',
  'too_many_cards',
  'too_many_positions',
  // After sending (P30–P39).
  'position_not_adopted',
  'not_dispatcher',
  'dispatch_not_found',
  'too_many_dispatches',
  'before_sending',
  'answer_recorded',
  'no_answer',
  // Moderated sessions (M1–M6 in docs/session-rules.md).
  'session_not_found',
  'not_session_runner',
  'session_ended',
  'session_running',
  'session_not_running',
  'too_many_sessions',
  'agenda_full',
  'agenda_item_not_found',
  'item_deferred',
  'item_treated',
  'item_current',
  'defer_target_invalid',
  'link_not_found',
  'too_many_actions',
  // Hand-over and the moderator's focus (M40–M49).
  'already_lead',
  'lead_connected',
  'moderator_leads',
  'not_session_lead',
  // Raised hands, the speaker queue and the shared timer (M20–M36 in docs/session-rules.md).
  'no_current_item',
  'hand_raised',
  'hand_not_raised',
  'point_of_order_already',
  'speaker_queue_full',
  'speaker_queue_empty',
  'nobody_speaking',
  'no_timer',
  'timer_running',
  'timer_paused',
  'timer_subject_invalid',
  // Attendance and the quorum (M10–M17 in docs/session-rules.md).
  'attendance_not_open',
  'already_checked_in',
  'not_checked_in',
  'not_deputy',
  'attendance_full',
  // Votes from the agenda (M60–M63).
  'item_not_current',
  'no_prepared_vote',
  'too_many_links',
  // Documents (Y6, Y9, Y12 in docs/protocol.md).
  'document_read_only',
  'document_not_open',
  'document_full',
  'foreign_writer',
  // Partners and people.
  'last_admin',
  'short_name_taken',
  'own_partner',
  'partner_inactive',
  'partner_active',
  'same_partner',
  'deactivate_self',
  'person_inactive',
  'person_active',
  'erase_self',
  'person_erased',
  'partner_not_found',
  'person_not_found',
  // Invitations (A3).
  'invitation_used',
  'invitation_expired',
  'invitation_revoked',
  'invitation_not_found',
  'invitation_expiry_range',
  'already_member',
  'account_password_needed',
  // Deputies.
  'deputy_not_in_partner',
  'deputy_self',
  'range_past',
  'deputyship_not_found',
  // The own account (A12).
  'password_wrong',
  'sole_admin',
] as const;
export const refusalReasonSchema = z.enum(REFUSAL_REASONS);
export type RefusalReason = z.infer<typeof refusalReasonSchema>;

export const appErrorSchema = z.object({
  code: errorCodeSchema,
  /**
   * Why, machine-readably; `message` is English for logs and never parsed. A reason this side does
   * not know yet (a newer server) reads as none, so the code's text is shown.
   */
  reason: refusalReasonSchema.optional().catch(undefined),
  message: z.string(),
  /** For invalid_payload: where in the input the problem is. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  protocol_mismatch: 400,
  internal: 500,
};

export function appError(code: ErrorCode, message: string, issues?: AppError['issues']): AppError {
  return issues ? { code, message, issues } : { code, message };
}

/** A refusal the rules give a reason for: the only way an error gets a `reason`. */
export function refusal(code: ErrorCode, reason: RefusalReason, message: string): AppError {
  return { code, reason, message };
}

/** Turns zod's issues into the wire shape; the input itself is never echoed back. */
export function invalidPayload(error: z.ZodError, what = 'payload'): AppError {
  return appError(
    'invalid_payload',
    `invalid ${what}`,
    error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
  );
}
