import { cardFieldsSchema, CARD_FIELDS, type Card, type CardFields, type Link } from '@verbund/shared/model';

/** What the form holds: only the fields the person touched, in the form's own (string) shapes. */
export type Draft = {
  title?: string;
  area?: CardFields['area'];
  status?: CardFields['status'];
  leadPartnerId?: string | null;
  partnerIds?: string[];
  ownerIds?: string[];
  tagsText?: string;
  dueDate?: string;
  addressee?: CardFields['addressee'];
  links?: { url: string; label: string }[];
};

export function parseTags(text: string): string[] {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of text.split(',')) {
    const tag = raw.trim();
    if (tag && !seen.has(tag.toLocaleLowerCase('de'))) {
      seen.add(tag.toLocaleLowerCase('de'));
      tags.push(tag);
    }
  }
  return tags;
}

function toFields(draft: Draft): Record<string, unknown> {
  const { tagsText, dueDate, links, ...rest } = draft;
  const fields: Record<string, unknown> = { ...rest };
  if (tagsText !== undefined) fields.tags = parseTags(tagsText);
  if (dueDate !== undefined) fields.dueDate = dueDate === '' ? null : dueDate;
  if (links !== undefined) {
    fields.links = links
      .filter((l) => l.url.trim() || l.label.trim())
      .map((l): Link => (l.label.trim() ? { url: l.url.trim(), label: l.label.trim() } : { url: l.url.trim() }));
  }
  return fields;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The description is not among them: it is a live document of its own (rule Y17). */
type FormFields = Omit<CardFields, 'description'>;
const FORM_FIELDS = CARD_FIELDS.filter((key): key is keyof FormFields => key !== 'description');

export type DraftResult = { ok: true; changes: Partial<FormFields> } | { ok: false; invalid: string[] };

/**
 * The card.update payload for a draft: validated, and holding only fields whose value really differs
 * from the card now, since each field is its own last-writer-wins register on the server and an
 * unchanged field sent along would overwrite someone else's newer edit.
 */
export function changesFromDraft(card: Card, draft: Draft): DraftResult {
  const parsed = cardFieldsSchema.omit({ description: true }).partial().safeParse(toFields(draft));
  if (!parsed.success) return { ok: false, invalid: [...new Set(parsed.error.issues.map((i) => i.path.map(String).join('.')))] };
  const changes: Partial<FormFields> = {};
  for (const key of FORM_FIELDS) {
    const value = parsed.data[key];
    if (value !== undefined && !sameValue(value, card[key])) Object.assign(changes, { [key]: value });
  }
  return { ok: true, changes };
}
