import { escapeMarkdown } from '../decisions/decision-register.js';
import type { PmNode } from '@verbund/shared/rich-text';
import type { Adoption, PositionExport } from './position-export.js';
import { headingLevel, listStart, runsOf, tableRows, type Run } from './text-runs.js';

/**
 * The position as GitHub-flavoured Markdown (P43): the title, its facts as a list, then the text.
 * Everything people typed is escaped (`escapeMarkdown`), so text shows as written and never turns
 * into markup of its own; only the structure the editor holds becomes Markdown.
 */
export function positionMarkdown(position: PositionExport): string {
  const facts = position.facts.map((f) => `- **${escapeMarkdown(f.label)}:** ${escapeMarkdown(f.value)}`).join('\n');
  const notice = position.notice ? `**${escapeMarkdown(position.notice)}**\n\n` : '';
  const body = blocksOf(position.content.content ?? []);
  const text = body.length > 0 ? body : `*${escapeMarkdown(position.labels.emptyText)}*`;
  const signatures = position.adoption ? `\n\n---\n\n${signatureSection(position.adoption, position.labels)}` : '';
  return `# ${escapeMarkdown(position.title)}\n\n${notice}${facts}\n\n---\n\n${text}${signatures}\n`;
}

/** P53: the signature page as a section: the statement of adoption, then a row per signature, each with the hash signed. */
function signatureSection(adoption: Adoption, labels: PositionExport['labels']): string {
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const head = [labels.partner, labels.signedBy, labels.capacity, labels.signedAt, labels.version].map(escapeMarkdown);
  const rows = adoption.signatures.map((s) => row([...[s.partner, s.person, s.capacity, s.at].map(escapeMarkdown), `\`${adoption.hash}\``]));
  return [`## ${escapeMarkdown(labels.signatures)}`, '', escapeMarkdown(adoption.statement), '', `${escapeMarkdown(labels.version)}: \`${adoption.hash}\``, '', row(head), row(head.map(() => '---')), ...rows].join('\n');
}

function blocksOf(nodes: readonly PmNode[]): string {
  return nodes
    .map(block)
    .filter((b) => b.length > 0)
    .join('\n\n');
}

function block(node: PmNode): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(headingLevel(node))} ${inline(node)}`;
    case 'bulletList':
      return list(node, () => '- ');
    case 'orderedList': {
      const start = listStart(node);
      return list(node, (i) => `${start + i}. `);
    }
    case 'blockquote':
      return prefixLines(blocksOf(node.content ?? []), '> ', '>');
    case 'codeBlock':
      return codeBlock(node);
    case 'horizontalRule':
      return '---';
    case 'table':
      return table(node);
    case 'paragraph':
      return inline(node);
    default:
      // A block the exports do not know (from a later editor): its content, so no text is lost.
      return node.content?.some((c) => c.type === 'text') ? inline(node) : blocksOf(node.content ?? []);
  }
}

/** Items a line each; an item's further blocks are indented under its marker, a nested list without a blank line. */
function list(node: PmNode, marker: (index: number) => string): string {
  return (node.content ?? [])
    .map((item, index) => {
      const mark = marker(index);
      const children = item.content ?? [];
      const parts = children.map((child, i) => {
        const text = block(child);
        const tight = i === 0 || child.type === 'bulletList' || child.type === 'orderedList';
        return tight ? text : `\n${text}`;
      });
      const indent = ' '.repeat(mark.length);
      return `${mark}${prefixLines(parts.join('\n'), indent, '').trimStart()}`;
    })
    .join('\n');
}

function prefixLines(text: string, prefix: string, emptyPrefix: string): string {
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? `${prefix}${line}` : emptyPrefix))
    .join('\n');
}

/** A fence longer than any run of backticks inside, so the code cannot close it. */
function codeBlock(node: PmNode): string {
  const code = (node.content ?? []).map((c) => c.text ?? '').join('');
  const fence = '`'.repeat(Math.max(3, longestRun(code, '`') + 1));
  const language = typeof node.attrs?.language === 'string' && /^[\w+-]+$/.test(node.attrs.language) ? node.attrs.language : '';
  return `${fence}${language}\n${code}\n${fence}`;
}

/** GFM tables need a head: the first row is it (the editor's header row when there is one). */
function table(node: PmNode): string {
  const rows = tableRows(node);
  const columns = Math.max(0, ...rows.map((r) => r.cells.length));
  if (columns === 0) return '';
  const line = (cells: string[]) => `| ${Array.from({ length: columns }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  const [head, ...rest] = rows.map((r) => r.cells.map((c) => escapeMarkdown(c.text)));
  return [line(head ?? []), line(Array.from({ length: columns }, () => '---')), ...rest.map(line)].join('\n');
}

function inline(node: PmNode): string {
  return runsOf(node).map(runText).join('');
}

/** Markers hug the text: spaces at a run's ends stay outside, or `** fett**` would not be bold. */
function runText(run: Run): string {
  if (run.kind === 'break') return '\\\n';
  const [, lead = '', core = '', trail = ''] = /^(\s*)(.*?)(\s*)$/s.exec(run.text) ?? [];
  if (core.length === 0) return run.text;
  let text = run.code ? codeSpan(core) : escapeMarkdown(core);
  if (run.strike) text = `~~${text}~~`;
  if (run.italic) text = `*${text}*`;
  if (run.bold) text = `**${text}**`;
  if (run.href) text = `[${text}](${linkTarget(run.href)})`;
  return `${lead}${text}${trail}`;
}

/** Spaces, parentheses and angle brackets would end or break the link target: percent-encoded, the link stays the same. */
const linkTarget = (href: string) => href.replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function codeSpan(code: string): string {
  const ticks = '`'.repeat(longestRun(code, '`') + 1);
  const pad = code.startsWith('`') || code.endsWith('`') ? ' ' : '';
  return `${ticks}${pad}${code}${pad}${ticks}`;
}

function longestRun(text: string, char: string): number {
  let longest = 0;
  let current = 0;
  for (const c of text) {
    current = c === char ? current + 1 : 0;
    longest = Math.max(longest, current);
  }
  return longest;
}
