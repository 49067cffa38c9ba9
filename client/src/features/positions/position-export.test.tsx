import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../lib/i18n';
import { WORKSPACE_ID } from '../../test/fixtures';
import { renderInWorkspace } from '../../test/render';
import { PositionExport } from './position-export';

const POSITION = '00000000-0000-4000-8000-000000000040';

describe('the export block of a position (P40–P49)', () => {
  it('P44 offers PDF, Word and Markdown as downloads, in the reader’s language', async () => {
    renderInWorkspace(<PositionExport workspaceId={WORKSPACE_ID} positionId={POSITION} headingId="export" />);
    const block = screen.getByRole('region', { name: 'Exportieren' });
    const links = within(block).getAllByRole('link');
    expect(links.map((a) => a.textContent)).toEqual(['PDF', 'Word (DOCX)', 'Markdown']);
    expect(links.map((a) => a.getAttribute('href'))).toEqual(
      ['pdf', 'docx', 'md'].map((format) => `/api/workspaces/${WORKSPACE_ID}/positions/${POSITION}/export?format=${format}&lang=de`),
    );
    for (const link of links) expect(link.hasAttribute('download')).toBe(true);
    await act(() => i18n.changeLanguage('en'));
    expect(screen.getByRole('link', { name: 'Markdown' }).getAttribute('href')).toContain('lang=en');
    await act(() => i18n.changeLanguage('de'));
  });
});
