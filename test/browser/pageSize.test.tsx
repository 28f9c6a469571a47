import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { UserList, UserTrackingProvider, createMemoryClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import '../../src/styles/userlens.css';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 8, users: 120, end: END }), { id: 'page-size' });
const host = document.body.appendChild(document.createElement('div'));
const root = createRoot(host);
afterEach(() => root.render(null));

describe('the page around the list', () => {
  it.each([
    [1280, 800],
    [390, 844],
  ])('at %i px is no taller than the list and no wider than the viewport: nothing escapes the table’s scroll box', async (width, height) => {
    await page.viewport(width, height);
    root.render(
      <UserTrackingProvider client={client} now={() => END}>
        <UserList defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} />
      </UserTrackingProvider>,
    );
    await expect.poll(() => host.querySelectorAll('[data-part="user-list-row"]').length).toBe(100);
    const list = host.querySelector<HTMLElement>('[data-part="user-list"]')!;
    const bottom = list.getBoundingClientRect().bottom + window.scrollY;
    const document = window.document.documentElement;
    expect(document.scrollHeight).toBeLessThanOrEqual(Math.ceil(bottom) + 40);
    expect(document.scrollWidth).toBeLessThanOrEqual(width);
  });
});
