import { z } from 'zod';
import { docIdSchema } from '../../docs.js';
import { defineFeature } from '../../feature.js';
import { idSchema, instantSchema, text } from '../../model.js';

export const ANNOTATION_LIMITS = { body: 5_000, quote: 1_000, replacement: 20_000, perDocument: 500, replies: 200 } as const;

/** A document of the `doc:*` stream, by its id (`position:<id>`); the kind's rules decide who may annotate it. */
const docRefSchema = docIdSchema.transform((ref) => ref.docId);
const yId = z.strictObject({ client: z.number().int().nonnegative(), clock: z.number().int().nonnegative() });

/**
 * A Yjs relative position as `Y.relativePositionToJSON` writes it: it names a character, not an
 * offset, so an anchor stays on its passage while others write before or after it (issue 10 item 4).
 */
export const relativePositionSchema = z.strictObject({
  type: yId.optional(),
  tname: z.string().max(100).optional(),
  item: yId.optional(),
  assoc: z.number().int().min(-1).max(0).optional(),
});

/** The passage an annotation is about: its start and end, and its text when it was chosen (shown if the passage is gone). */
export const anchorSchema = z.strictObject({ from: relativePositionSchema, to: relativePositionSchema, quote: z.string().max(ANNOTATION_LIMITS.quote) });
export type Anchor = z.infer<typeof anchorSchema>;

const bodySchema = text(ANNOTATION_LIMITS.body);
const stamp = z.strictObject({ by: idSchema, at: instantSchema });

export const replySchema = z.strictObject({ id: idSchema, body: bodySchema, by: idSchema, at: instantSchema });

/**
 * A comment on a passage (a thread that can be resolved), or a proposed replacement of the passage
 * that someone who may write accepts (they apply it as their edit) or rejects; both are recorded.
 */
export const annotationSchema = z.strictObject({
  id: idSchema,
  docId: docRefSchema,
  kind: z.enum(['comment', 'proposal']),
  anchor: anchorSchema,
  /** The comment, or why the replacement is proposed (may be empty for a proposal). */
  body: z.string().max(ANNOTATION_LIMITS.body),
  /** The proposed text for the passage; null for a comment. */
  replacement: z.string().max(ANNOTATION_LIMITS.replacement).nullable(),
  by: idSchema,
  at: instantSchema,
  replies: z.array(replySchema),
  resolved: stamp.nullable(),
  decision: stamp.extend({ outcome: z.enum(['accepted', 'rejected']) }).nullable(),
});
export type Annotation = z.infer<typeof annotationSchema>;

const ref = { annotationId: idSchema };

/** Comments on passages and proposed changes of any live document (positions now, session minutes next). */
export const annotationsFeature = defineFeature({
  name: 'annotations',
  commands: {
    'annotation.comment': z.strictObject({ ...ref, docId: docRefSchema, anchor: anchorSchema, body: bodySchema }),
    'annotation.propose': z.strictObject({
      ...ref,
      docId: docRefSchema,
      anchor: anchorSchema,
      replacement: z.string().max(ANNOTATION_LIMITS.replacement),
      body: z.string().trim().max(ANNOTATION_LIMITS.body),
    }),
    'annotation.reply': z.strictObject({ ...ref, replyId: idSchema, body: bodySchema }),
    'annotation.resolve': z.strictObject({ ...ref, resolved: z.boolean() }),
    'annotation.decide': z.strictObject({ ...ref, outcome: z.enum(['accepted', 'rejected']) }),
  },
  events: {
    'annotation.added': z.strictObject({ annotation: annotationSchema }),
    'annotation.replied': z.strictObject({ ...ref, docId: docRefSchema, reply: replySchema }),
    'annotation.resolved': z.strictObject({ ...ref, docId: docRefSchema, resolved: stamp.nullable() }),
    'annotation.decided': z.strictObject({ ...ref, docId: docRefSchema, decision: stamp.extend({ outcome: z.enum(['accepted', 'rejected']) }) }),
  },
  slice: {
    version: 1,
    /** By document id, oldest first. */
    shape: { annotations: z.record(z.string(), z.array(annotationSchema)) },
    empty: () => ({ annotations: {} }),
    containers: ['annotations'],
    reducers: {
      'annotation.added': (s, e) => {
        const { annotation } = e.data;
        s.annotations[annotation.docId] = [...(s.annotations[annotation.docId] ?? []), annotation];
      },
      'annotation.replied': (s, e) => change(s.annotations, e.data.annotationId, (a) => ({ ...a, replies: [...a.replies, e.data.reply] })),
      'annotation.resolved': (s, e) => change(s.annotations, e.data.annotationId, (a) => ({ ...a, resolved: e.data.resolved })),
      'annotation.decided': (s, e) => change(s.annotations, e.data.annotationId, (a) => ({ ...a, decision: e.data.decision })),
    },
    migrations: {},
  },
  // The subject is the document's entity (the position), so its record holds what was said about its text.
  subjects: {
    'annotation.added': (d) => entityOf(d.annotation.docId),
    'annotation.replied': (d) => entityOf(d.docId),
    'annotation.resolved': (d) => entityOf(d.docId),
    'annotation.decided': (d) => entityOf(d.docId),
  },
});

const entityOf = (docId: string): string => docId.slice(docId.indexOf(':') + 1);

/** The annotation with this id, wherever it is. */
export function findAnnotation(annotations: Readonly<Record<string, readonly Annotation[]>>, annotationId: string): Annotation | null {
  for (const list of Object.values(annotations)) {
    const found = list.find((a) => a.id === annotationId);
    if (found) return found;
  }
  return null;
}

function change(annotations: Record<string, Annotation[]>, annotationId: string, update: (a: Annotation) => Annotation): void {
  const found = findAnnotation(annotations, annotationId);
  if (!found) return;
  annotations[found.docId] = (annotations[found.docId] ?? []).map((a) => (a.id === annotationId ? update(a) : a));
}
