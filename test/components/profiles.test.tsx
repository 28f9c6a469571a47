import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  UserDetail,
  UserList,
  UserListExport,
  UserListRoot,
  UserListTable,
  DEFAULT_VISIBLE_COLUMNS,
  createMemoryClient,
  exportUsers,
  profileName,
  profileOf,
  profileValue,
  type UserProfilesLoader,
  type UsersQuery,
  type UserTrackingClient,
} from '../../src/index.ts';
import { createDemoProfiles, demoProfile, generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const END = Date.parse('2026-11-01T00:00:00.000Z');
const dataset = generateDemoDataset({ seed: 31, users: 40, end: END });
const memory = createMemoryClient(dataset, { id: 'people' });

function spyClient(client: UserTrackingClient = memory) {
  const listUsers = vi.fn(client.listUsers);
  return { client: { ...client, listUsers } as UserTrackingClient, listUsers };
}

async function rows() {
  const table = await screen.findByRole('grid');
  await waitFor(() => expect(within(table).getAllByRole('row').length).toBeGreaterThan(1));
  return within(table).getAllByRole('row').slice(1);
}

const idsOnScreen = () => [...document.querySelectorAll('[data-part="user-list-user-id-text"]')].map((node) => node.textContent!);

describe('Profiles — the list', () => {
  it('asks the host once per page, with exactly the ids on screen, and not again for a re-sort of the same users', async () => {
    const load = vi.fn(createDemoProfiles({ unknownShare: 0 }));
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} />, {
      client: memory,
      getUserProfiles: load,
    });
    await rows();
    await waitFor(() => expect(document.querySelectorAll('[data-part="user-list-user-name"]')).toHaveLength(idsOnScreen().length));
    expect(load).toHaveBeenCalledTimes(1);
    expect([...load.mock.calls[0]![0]].sort()).toEqual([...idsOnScreen()].sort());
    // Every user is on this page: another order shows the same people, from the cache.
    await userEvent.click(screen.getByRole('button', { name: /^Cost/ }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /^Cost/ })).toHaveAttribute('aria-sort', 'descending'));
    await rows();
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('asks again for another page, with that page’s ids', async () => {
    const load = vi.fn(createDemoProfiles({ unknownShare: 0 }));
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 10 }} />, {
      client: memory,
      getUserProfiles: load,
    });
    await rows();
    await waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    const first = idsOnScreen();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    await waitFor(() => expect(idsOnScreen()).not.toEqual(first));
    await waitFor(() => expect(load).toHaveBeenCalledTimes(2));
    expect([...load.mock.calls[1]![0]].sort()).toEqual([...idsOnScreen()].sort());
  });

  it('shows the name first and the id verbatim after it, in the same link', async () => {
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} getUserHref={(id) => `/u/${encodeURIComponent(id)}`} />, {
      client: memory,
      getUserProfiles: createDemoProfiles({ unknownShare: 0 }),
    });
    const [row] = await rows();
    const id = row!.querySelector('[data-part="user-list-user-id-text"]')!.textContent!;
    const link = await within(row!).findByRole('link', { name: `${demoProfile(id, 0)!.name} ${id}` });
    expect(link).toHaveAttribute('href', `/u/${encodeURIComponent(id)}`);
  });

  it.each([
    ['rejects', () => Promise.reject(new Error('people service down'))],
    ['never answers', () => new Promise<never>(() => {})],
  ])('shows every figure when the host lookup %s', async (_, loader) => {
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'totalCost', direction: 'desc' }} />, {
      client: memory,
      getUserProfiles: loader as UserProfilesLoader,
    });
    const [row] = await rows();
    const top = (await memory.listUsers({ sort: { field: 'totalCost', direction: 'desc' }, pageSize: 1 })).items[0]!;
    expect(row).toHaveTextContent(top.userId);
    expect(within(row!).getByText(new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(top.totalCost).slice(0, 3), { exact: false })).toBeInTheDocument();
    expect(document.querySelector('[data-part="user-list-user-name"]')).toBeNull();
  });

  it('renders hostile profile values as text, and drops values that are not text, numbers or yes/no', async () => {
    const hostile = '<img src=x onerror="window.pwned=1">';
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} />, {
      client: memory,
      getUserProfiles: async (ids) => Object.fromEntries(ids.map((id) => [id, { name: hostile, email: 'x@y.example' }])),
    });
    await rows();
    await waitFor(() => expect(document.querySelector('[data-part="user-list-user-name"]')).toHaveTextContent(hostile));
    expect(document.querySelector('img')).toBeNull();
    const answer = { a: { name: { toString: () => 'evil' }, email: 'a@x.example', plan: 'team', seats: 3, trial: false, gone: null, nan: Number.NaN } } as unknown;
    const a = profileOf(answer, 'a');
    expect(['plan', 'seats', 'trial', 'gone', 'nan', 'name'].map((field) => profileValue(a, field))).toEqual(['team', 3, false, undefined, undefined, undefined]);
    expect(profileName(a)).toBe('a@x.example');
    // Own entries only: no id reaches into the prototype.
    expect(profileOf(answer, '__proto__')).toBeUndefined();
    expect(profileOf(answer, 'toString')).toBeUndefined();
    expect(profileOf([{ name: 'x' }], '0')).toEqual({ name: 'x' });
    expect(profileOf('text', '0')).toBeUndefined();
  });

  it('finds a person by a loaded name, sending the source ids and never the name', async () => {
    const spy = spyClient();
    const getDistribution = vi.fn(memory.getDistribution!.bind(memory));
    spy.client = { ...spy.client, getDistribution };
    renderWithProvider(<UserList defaultRange={{ preset: 'all' }} defaultPagination={{ page: 1, pageSize: 100 }} />, {
      client: spy.client,
      getUserProfiles: createDemoProfiles({ unknownShare: 0 }),
    });
    await rows();
    await waitFor(() => expect(document.querySelectorAll('[data-part="user-list-user-name"]').length).toBeGreaterThan(0));
    expect(screen.getByRole('searchbox')).toHaveAttribute('placeholder', 'Search by name or user ID…');
    const id = idsOnScreen()[3]!;
    const surname = demoProfile(id, 0)!.name!.split(' ')[1]!;
    const expected = idsOnScreen().filter((other) => demoProfile(other, 0)!.name!.includes(surname) || other.toLowerCase().includes(surname.toLowerCase()));
    await userEvent.type(screen.getByRole('searchbox'), surname);
    await waitFor(() => expect(idsOnScreen().sort()).toEqual(expected.sort()));
    const asked = spy.listUsers.mock.lastCall![0] as UsersQuery;
    expect(asked.search).toBe(surname);
    expect(asked.searchUserIds).toContain(id);
    // The histogram counts the users the list shows.
    await waitFor(() => expect(getDistribution.mock.lastCall![0]).toMatchObject({ search: surname, searchUserIds: asked.searchUserIds }));
    expect(JSON.stringify([spy.listUsers.mock.calls, getDistribution.mock.calls])).not.toContain(demoProfile(id, 0)!.name!);
  });
});

describe('Profiles — the host’s fields as columns', () => {
  const profileFields = [
    { field: 'organisation', label: 'Organisation' },
    { field: 'seats', label: 'Seats' },
    { field: 'trial', label: 'Trial' },
  ];
  // Numbers in the locale, yes/no in words, an object (not text) and a missing field as a dash.
  const load: UserProfilesLoader = async (ids) =>
    Object.fromEntries(
      ids.map((id, i) => [id, { ...demoProfile(id, 0), seats: 1000 + i, trial: i % 2 === 0, ...(i === 1 ? { organisation: { evil: true } as never } : {}) }]),
    );

  it('offers each declared field in the Columns menu, and a shown one reads each person’s value', async () => {
    renderWithProvider(<UserList showDistribution={false} defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'userId', direction: 'asc' }} />, {
      client: memory,
      getUserProfiles: load,
      profileFields,
    });
    await rows();
    expect(screen.queryByRole('columnheader', { name: 'Organisation' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Columns' }));
    for (const label of ['Organisation', 'Seats', 'Trial']) await userEvent.click(screen.getByRole('checkbox', { name: label }));
    await userEvent.keyboard('{Escape}');
    const headers = screen.getAllByRole('columnheader').map((th) => th.textContent!.replace(/[▲▼]/, ''));
    // Shown after the user id, in the order declared; not sortable (the source has no such field).
    expect(headers.slice(0, 4)).toEqual(['User ID', 'Organisation', 'Seats', 'Trial']);
    expect(screen.getByRole('columnheader', { name: 'Organisation' })).not.toHaveAttribute('aria-sort');
    const [first, second] = await rows();
    const id = first!.querySelector('[data-part="user-list-user-id-text"]')!.textContent!;
    await waitFor(() => expect(within(first!).getAllByRole('cell')[0]).toHaveTextContent(demoProfile(id, 0)!.organisation as string));
    expect(within(first!).getAllByRole('cell')[1]).toHaveTextContent('1,000');
    expect(within(first!).getAllByRole('cell')[2]).toHaveTextContent('Yes');
    expect(within(second!).getAllByRole('cell')[0]).toHaveTextContent(/^–None$/);
    expect(within(second!).getAllByRole('cell')[2]).toHaveTextContent('No');
  });

  it('exports the name and email after the id, and the shown profile columns with the host’s headers', async () => {
    const onExport = vi.fn();
    renderWithProvider(
      <UserListRoot defaultRange={{ preset: 'all' }} defaultSorting={{ field: 'userId', direction: 'asc' }} defaultColumns={['userId', 'profile.organisation', 'totalCost']}>
        <UserListExport onExport={onExport} />
        <UserListTable />
      </UserListRoot>,
      { client: memory, getUserProfiles: createDemoProfiles({ unknownShare: 0 }), profileFields },
    );
    await rows();
    await userEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledOnce());
    const [header, firstLine] = (onExport.mock.calls[0]![0] as string).replace('\uFEFF', '').split('\r\n');
    expect(header).toBe('User ID,Name,Email,Organisation,Cost');
    const top = (await memory.listUsers({ sort: { field: 'userId', direction: 'asc' }, pageSize: 1 })).items[0]!;
    const person = demoProfile(top.userId, 0)!;
    expect(firstLine).toBe([top.userId, person.name, person.email, person.organisation, top.totalCost].join(','));
  });

  it('exports no name or email columns without a profile loader', async () => {
    const onExport = vi.fn();
    renderWithProvider(
      <UserListRoot defaultRange={{ preset: 'all' }} defaultColumns={DEFAULT_VISIBLE_COLUMNS}>
        <UserListExport onExport={onExport} />
      </UserListRoot>,
      { client: memory },
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV' }));
    await waitFor(() => expect(onExport).toHaveBeenCalledOnce());
    expect((onExport.mock.calls[0]![0] as string).split('\r\n')[0]).toMatch(/^\uFEFFUser ID,Last event,/);
  });
});

describe('Profiles — CSV', () => {
  const columns = [
    { header: 'User ID', value: (user: { userId: string }) => user.userId },
    { header: 'Name', value: (_: unknown, profile?: Parameters<typeof profileName>[0]) => profileValue(profile, 'name') },
    { header: 'Plan', value: (_: unknown, profile?: Parameters<typeof profileName>[0]) => profileValue(profile, 'plan') },
  ];

  it('gives each column the user’s profile, one lookup per page; people the host does not know stay blank', async () => {
    const load = vi.fn(createDemoProfiles());
    const csv = await exportUsers(memory, { sort: { field: 'userId', direction: 'asc' } }, { columns, profiles: load });
    const [header, ...lines] = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(header).toBe('User ID,Name,Plan');
    const ids = (await memory.listUsers({ sort: { field: 'userId', direction: 'asc' }, pageSize: 1000 })).items.map((user) => user.userId);
    expect(load).toHaveBeenCalledTimes(1);
    expect(load.mock.calls[0]![0]).toEqual(ids);
    expect(lines).toHaveLength(ids.length);
    expect(lines.filter((line) => line.endsWith(',,')).length).toBe(ids.filter((id) => !demoProfile(id)).length);
    lines.forEach((line, i) => {
      const profile = demoProfile(ids[i]!);
      const id = /[",]/.test(ids[i]!) ? `"${ids[i]!.replace(/"/g, '""')}"` : ids[i];
      expect(line).toBe(profile ? `${id},${profile.name},${profile.plan}` : `${id},,`);
    });
  });

  it('fails the export when the host lookup fails, rather than writing a file without the names', async () => {
    await expect(exportUsers(memory, {}, { columns, profiles: () => Promise.reject(new Error('people service down')) })).rejects.toThrow('people service down');
  });
});

describe('Profiles — the detail', () => {
  it('heads the page with the person, the id beside it', async () => {
    const userId = (await memory.listUsers({ pageSize: 1 })).items[0]!.userId;
    renderWithProvider(<UserDetail userId={userId} defaultRange={{ preset: 'all' }} />, {
      client: memory,
      getUserProfiles: createDemoProfiles({ unknownShare: 0 }),
    });
    const heading = await screen.findByRole('heading', { level: 2, name: demoProfile(userId, 0)!.name });
    expect(heading.closest('hgroup')).toHaveTextContent(userId);
  });

  it('keeps the id as the heading when the host does not know the user', async () => {
    const userId = (await memory.listUsers({ pageSize: 1 })).items[0]!.userId;
    const load = vi.fn(async () => ({}));
    renderWithProvider(<UserDetail userId={userId} defaultRange={{ preset: 'all' }} />, { client: memory, getUserProfiles: load });
    await waitFor(() => expect(load).toHaveBeenCalledWith([userId], expect.objectContaining({ signal: expect.any(AbortSignal) })));
    expect(await screen.findByRole('heading', { level: 2, name: userId })).toBeInTheDocument();
  });
});
