import { z } from 'zod';
import { idSchema } from './model.js';

/**
 * A text's content as ProseMirror JSON, the shape the editor (Tiptap) and the server's reader of a
 * document (server/src/domain/documents/prosemirror.ts) agree on: versions, exports and the sign-off
 * see this tree.
 */
export type PmMark = { type: string; attrs?: Record<string, unknown> };
export type PmNode = { type: string; attrs?: Record<string, unknown>; content?: PmNode[]; text?: string; marks?: PmMark[] };
export type PmDoc = PmNode & { type: 'doc' };

/** Attribute values the editor writes: a heading level, a link's address, a list's start, a cell's span. */
const attrValue = z.union([z.string().max(2_000), z.number(), z.boolean(), z.null(), z.array(z.number()).max(100)]);
const attrs = z.record(z.string().max(40), attrValue).optional();
const markSchema = z.strictObject({ type: z.string().max(40), attrs });
const nodeSchema: z.ZodType<PmNode> = z.lazy(() =>
  z.strictObject({
    type: z.string().max(40),
    attrs,
    content: z.array(nodeSchema).max(10_000).optional(),
    text: z.string().max(1_000_000).optional(),
    marks: z.array(markSchema).max(20).optional(),
  }),
);
export const pmDocSchema = z.custom<PmDoc>((value) => nodeSchema.safeParse(value).success && (value as PmNode).type === 'doc', 'a ProseMirror document');

/**
 * Who wrote a text (rule Y18), beside its content and never inside it (the content's hash stays the
 * text's alone): runs over the characters (UTF-16 code units) of its text nodes in reading order, the
 * order of a depth-first walk, each by a person or by nobody (the server's seed, a writer unknown).
 */
export const authorRunSchema = z.strictObject({ length: z.number().int().positive(), personId: idSchema.nullable() });
export type AuthorRun = z.infer<typeof authorRunSchema>;
export const textAuthorsSchema = z.array(authorRunSchema).max(200_000);

/**
 * RFC 8785 canonical JSON for this tree (keys sorted by UTF-16 code units, no spaces; the numbers here
 * are small integers, which JSON.stringify already writes canonically): the same content gives the same
 * bytes on every server, so its SHA-256 names exactly one text.
 */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
