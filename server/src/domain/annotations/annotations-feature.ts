import { docIdSchema } from '@verbund/shared/docs';
import { appError, refusal } from '@verbund/shared/errors';
import { ANNOTATION_LIMITS, findAnnotation, type Annotation } from '@verbund/shared/features/annotations/annotations-feature';
import type { WorkspaceState } from '@verbund/shared/projection';
import type { Actor } from '../actor.js';
import { accept, reject, type Deciders, type Decision } from '../decision.js';
import { documentKind } from '../documents/document-kinds.js';
import type { DocumentAccess, DomainFeature } from '../feature.js';
import { anyMember } from '../roles.js';

type AnnotationCommand = 'annotation.comment' | 'annotation.propose' | 'annotation.reply' | 'annotation.resolve' | 'annotation.decide';

/** What the document's own kind allows this person (Y5–Y7): the same rules as for its text. */
function accessTo(state: WorkspaceState, actor: Actor, docId: string): DocumentAccess {
  const ref = docIdSchema.safeParse(docId);
  const kind = ref.success ? documentKind(ref.data.kind) : undefined;
  return ref.success && kind ? kind.access(state, actor, ref.data.entityId) : 'none';
}

/** A1: whoever reads a text comments on it; a change is proposed and decided only where the text is writable. */
function withAccess(state: WorkspaceState, actor: Actor, docId: string, needs: 'read' | 'write', then: () => Decision): Decision {
  const access = accessTo(state, actor, docId);
  if (access === 'none') return reject(appError('not_found', 'document not found'));
  if (needs === 'write' && access !== 'write') return reject(refusal('forbidden', 'document_read_only', 'this document is read-only for you'));
  return then();
}

function withAnnotation(state: WorkspaceState, actor: Actor, annotationId: string, needs: 'read' | 'write', then: (a: Annotation) => Decision): Decision {
  const annotation = findAnnotation(state.annotations, annotationId);
  if (!annotation) return reject(refusal('not_found', 'annotation_not_found', 'annotation not found'));
  return withAccess(state, actor, annotation.docId, needs, () => then(annotation));
}

function added(state: WorkspaceState, annotation: Annotation): Decision {
  if (findAnnotation(state.annotations, annotation.id)) return reject(appError('conflict', 'an annotation with this id exists'));
  if ((state.annotations[annotation.docId]?.length ?? 0) >= ANNOTATION_LIMITS.perDocument) {
    return reject(refusal('conflict', 'too_many_annotations', `a document holds at most ${ANNOTATION_LIMITS.perDocument} annotations`));
  }
  return accept({ type: 'annotation.added', data: { annotation } });
}

const fresh = (actor: Actor, at: string) => ({ by: actor.personId, at, replies: [], resolved: null, decision: null });

const deciders: Deciders<AnnotationCommand> = {
  'annotation.comment': (state, { payload }, actor, ctx) =>
    withAccess(state, actor, payload.docId, 'read', () =>
      added(state, { id: payload.annotationId, docId: payload.docId, kind: 'comment', anchor: payload.anchor, body: payload.body, replacement: null, ...fresh(actor, ctx.now) }),
    ),
  'annotation.propose': (state, { payload }, actor, ctx) =>
    withAccess(state, actor, payload.docId, 'write', () =>
      added(state, { id: payload.annotationId, docId: payload.docId, kind: 'proposal', anchor: payload.anchor, body: payload.body, replacement: payload.replacement, ...fresh(actor, ctx.now) }),
    ),
  'annotation.reply': (state, { payload }, actor, ctx) =>
    withAnnotation(state, actor, payload.annotationId, 'read', (a) => {
      if (a.replies.some((r) => r.id === payload.replyId)) return reject(appError('conflict', 'a reply with this id exists'));
      if (a.replies.length >= ANNOTATION_LIMITS.replies) return reject(refusal('conflict', 'too_many_replies', `a thread holds at most ${ANNOTATION_LIMITS.replies} replies`));
      return accept({ type: 'annotation.replied', data: { annotationId: a.id, docId: a.docId, reply: { id: payload.replyId, body: payload.body, by: actor.personId, at: ctx.now } } });
    }),
  'annotation.resolve': (state, { payload }, actor, ctx) =>
    withAnnotation(state, actor, payload.annotationId, 'read', (a) => {
      if (a.kind !== 'comment') return reject(refusal('conflict', 'not_a_comment', 'a proposal is accepted or rejected, not resolved'));
      if ((a.resolved !== null) === payload.resolved) return reject(refusal('conflict', 'annotation_unchanged', 'the thread is already so'));
      return accept({ type: 'annotation.resolved', data: { annotationId: a.id, docId: a.docId, resolved: payload.resolved ? { by: actor.personId, at: ctx.now } : null } });
    }),
  // The person accepting applies the replacement in the text as their own edit; the record names the proposer and them.
  'annotation.decide': (state, { payload }, actor, ctx) =>
    withAnnotation(state, actor, payload.annotationId, 'write', (a) => {
      if (a.kind !== 'proposal') return reject(refusal('conflict', 'not_a_proposal', 'only a proposal is accepted or rejected'));
      if (a.decision) return reject(refusal('conflict', 'proposal_decided', 'the proposal has been decided'));
      return accept({ type: 'annotation.decided', data: { annotationId: a.id, docId: a.docId, decision: { outcome: payload.outcome, by: actor.personId, at: ctx.now } } });
    }),
};

/** Comments on passages and proposed changes (docs/annotation-rules … A1–A5 in docs/position-rules.md). */
export const annotationsDomain: DomainFeature<AnnotationCommand> = {
  name: 'annotations',
  deciders,
  // The document's own access decides per command (withAccess); every member may ask.
  policy: {
    'annotation.comment': anyMember,
    'annotation.propose': anyMember,
    'annotation.reply': anyMember,
    'annotation.resolve': anyMember,
    'annotation.decide': anyMember,
  },
};
