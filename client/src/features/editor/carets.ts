import type { DecorationAttrs } from '@tiptap/pm/view';
import { awarenessUserSchema, type AwarenessUser } from '@verbund/shared/docs';
import type { Partner } from '@verbund/shared/model';
import { partnerColor } from '../../lib/partner-colors';

/** Someone else in the text: the server's name (Y16) and their partner's colour and short name. */
export type Writer = { clientId: number; user: AwarenessUser; color: string; tint: string; partner: string };

export function writerOf(partners: Record<string, Partner>, clientId: number, state: unknown): Writer | null {
  const user = awarenessUserSchema.safeParse((state as { user?: unknown } | null)?.user);
  if (!user.success) return null;
  const color = partnerColor(partners, user.data.partnerId);
  return { clientId, user: user.data, color: color.fg, tint: color.bg, partner: partners[user.data.partnerId]?.shortName ?? '' };
}

/** The caret and selection look of the collaboration caret extension, from the stamped user. */
export function caretRendering(partners: Record<string, Partner>) {
  const writer = (user: unknown) => writerOf(partners, 0, { user });
  return {
    render: (user: Record<string, unknown>): HTMLElement => {
      const who = writer(user);
      const caret = document.createElement('span');
      caret.className = 'collab-caret';
      caret.style.setProperty('--caret-color', who?.color ?? 'currentColor');
      // Shown by CSS from the attribute, so the name is no part of the text (copying, reading aloud):
      // the list of who is in the text says it to screen readers. An attribute is never parsed as HTML.
      caret.dataset.label = who ? `${who.user.name}${who.partner ? ` · ${who.partner}` : ''}` : '';
      caret.setAttribute('aria-hidden', 'true');
      return caret;
    },
    selectionRender: (user: Record<string, unknown>): DecorationAttrs => ({
      nodeName: 'span',
      class: 'collab-selection',
      style: `background-color: ${writer(user)?.tint ?? 'transparent'}`,
    }),
  };
}
