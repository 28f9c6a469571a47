import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { UserList, UserTrackingProvider, createMemoryClient, enUS } from '../../src/index.ts';
import { de } from '../../src/i18n/locales/de.ts';
import { zhCN } from '../../src/i18n/locales/zh-CN.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider, testQueryClient } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 5, users: 12, end: END }), { id: 'languages' });
const list = <UserList defaultRange={{ preset: 'all' }} />;

describe('the provider’s language', () => {
  it('loads German texts for a German locale, and shows no English before them', async () => {
    const { container } = renderWithProvider(list, { client, locale: 'de-AT', now: () => END, timeZone: 'UTC' });
    expect(container.textContent).not.toContain(enUS.searchLabel);
    expect(await screen.findByRole('searchbox', { name: de.searchLabel })).toBeInTheDocument();
    expect(await screen.findByText(de.resultsCount.replace('{count}', '12'))).toBeInTheDocument();
    expect(screen.queryByText(enUS.columnCost)).toBeNull();
  });

  it('renders a dictionary given up front on the first render, on the server too', () => {
    const html = renderToString(
      <UserTrackingProvider client={client} queryClient={testQueryClient()} locale="zh-CN" dictionary={zhCN} now={() => END} timeZone="UTC">
        {list}
      </UserTrackingProvider>,
    );
    expect(html).toContain(zhCN.searchLabel);
    expect(html).not.toContain(enUS.searchLabel);
  });

  it('applies the host’s labels over the dictionary', async () => {
    renderWithProvider(list, { client, locale: 'de', dictionary: de, labels: { searchLabel: 'Kunden suchen' }, now: () => END, timeZone: 'UTC' });
    expect(screen.getByRole('searchbox', { name: 'Kunden suchen' })).toBeInTheDocument();
    expect(await screen.findByRole('columnheader', { name: new RegExp(de.columnCost) })).toBeInTheDocument();
  });

  it('keeps English texts for a language it has none of, with that locale’s numbers', async () => {
    renderWithProvider(list, { client, locale: 'fr-FR', now: () => END, timeZone: 'UTC' });
    expect(screen.getByRole('searchbox', { name: enUS.searchLabel })).toBeInTheDocument();
    // French groups thousands with a narrow no-break space and writes decimals with a comma.
    const cost = await screen.findAllByText(/\d,\d+\s?\$/);
    expect(cost.length).toBeGreaterThan(0);
  });

  it('keeps the host’s page, and the last texts, while another language loads', async () => {
    const queryClient = testQueryClient();
    const page = (locale: string) => (
      <UserTrackingProvider client={client} queryClient={queryClient} locale={locale} now={() => END} timeZone="UTC">
        <input aria-label="Host note" defaultValue="typed by the admin" />
        {list}
      </UserTrackingProvider>
    );
    const { rerender } = render(page('en-US'));
    const note = screen.getByRole('textbox', { name: 'Host note' });
    rerender(page('zh-HK'));
    // Not emptied while Chinese loads: the same field, still English meanwhile.
    expect(screen.getByRole('textbox', { name: 'Host note' })).toBe(note);
    expect(await screen.findByRole('searchbox', { name: zhCN.searchLabel })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Host note' })).toBe(note);
    expect(note).toHaveValue('typed by the admin');
  });

  it('marks the views with the language their texts are in', async () => {
    const langOf = async (props: { locale?: string; dictionary?: typeof de }) => {
      const { container, unmount } = renderWithProvider(list, { client, now: () => END, timeZone: 'UTC', ...props });
      await screen.findByRole('searchbox');
      const lang = container.querySelector('[data-part="user-list"]')!.getAttribute('lang');
      unmount();
      return lang;
    };
    // English texts under French numbers read as English; Simplified Chinese whatever the zh region.
    expect(await langOf({ locale: 'fr-FR' })).toBe('en');
    expect(await langOf({ locale: 'en-GB' })).toBe('en-GB');
    expect(await langOf({ locale: 'zh-TW' })).toBe('zh-CN');
    expect(await langOf({ locale: 'de-AT' })).toBe('de-AT');
    expect(await langOf({ locale: 'de-CH', dictionary: de })).toBe('de-CH');
  });
});
