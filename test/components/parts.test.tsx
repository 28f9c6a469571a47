import { waitFor } from '@testing-library/react';
import { createRef, type ComponentType, type ReactElement, type ReactNode, type Ref } from 'react';
import { describe, expect, it } from 'vitest';
import * as userlens from '../../src/index.ts';
import { UserlensError, createMemoryClient, type UserDetailRootProps, type UserListRootProps, type UserTrackingClient } from '../../src/index.ts';
import { generateDemoDataset } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

/**
 * Every part is uniform: it takes `className`, `style`, any other DOM prop and a `ref` to its
 * root element, and names itself (`displayName`) as it is exported.
 */

const END = Date.parse('2026-11-01T00:00:00.000Z');
const client = createMemoryClient(generateDemoDataset({ seed: 3, users: 30, end: END }), { id: 'parts' });
const emptyClient = createMemoryClient({ traces: [], observations: [], scores: [] }, { id: 'parts-empty' });
const failing: UserTrackingClient = {
  ...client,
  id: 'parts-failing',
  listUsers: () => Promise.reject(new UserlensError('unauthorized', 'The source refused the key.')),
};

type Scenario = { client: UserTrackingClient; root?: Partial<UserListRootProps> };
const ready: Scenario = { client, root: { defaultRange: { preset: 'all' }, budget: { field: 'totalCost', limit: 1 } } };

/** Each list part and a state of the list in which it renders. */
const LIST_PARTS: [name: string, scenario: Scenario][] = [
  ['UserListToolbar', ready],
  ['UserListSearch', ready],
  ['UserListDateRange', ready],
  ['UserListFilters', ready],
  ['UserListBudgetToggle', ready],
  ['UserListColumns', ready],
  ['UserListExport', ready],
  ['UserListRefresh', ready],
  ['UserListDistribution', ready],
  ['UserListTable', ready],
  ['UserListPagination', ready],
  ['UserListEmptyState', { client: emptyClient }],
  ['UserListNoMatch', { client, root: { defaultRange: { preset: 'all' }, defaultSearch: 'nobody-has-this-id' } }],
  ['UserListErrorState', { client: failing }],
];

const dataset = generateDemoDataset({ seed: 3, users: 30, end: END });
/** A user with traces and numeric scores, so every detail part has something to draw. */
const scoredUser = dataset.scores.find((score) => score.dataType === 'NUMERIC' && dataset.traces.some((t) => t.id === score.traceId && t.userId))!;
const userId = dataset.traces.find((trace) => trace.id === scoredUser.traceId)!.userId!;
type DetailScenario = Partial<UserDetailRootProps> & { userId: string };
const detail: DetailScenario = { userId, defaultRange: { preset: 'all' } };

/** Each detail part and a state of the page in which it renders. */
const DETAIL_PARTS: [name: string, scenario: DetailScenario][] = [
  ['UserDetailHeader', detail],
  ['UserDetailStats', detail],
  ['UserDetailActivity', detail],
  ['UserDetailModels', detail],
  ['UserDetailTabs', detail],
  ['UserDetailTraces', detail],
  ['UserDetailSessions', { ...detail, defaultTab: 'sessions' }],
  ['UserDetailScores', { ...detail, defaultTab: 'scores' }],
  ['UserDetailScoreChart', { ...detail, defaultTab: 'scores' }],
  ['UserDetailStatus', { ...detail, userId: 'nobody-has-this-id' }],
];

type AnyPart = ComponentType<{ className?: string; style?: object; 'data-testid'?: string; ref?: Ref<HTMLElement>; children?: ReactNode }>;
const part = (name: string) => (userlens as unknown as Record<string, AnyPart>)[name]!;

async function expectUniform(name: string, render: (element: ReactElement) => void, Part: AnyPart, checkName = true) {
  const ref = createRef<HTMLElement>();
  render(<Part className="host-class" style={{ marginTop: '3px' }} data-testid="host-part" ref={ref} />);
  await waitFor(() => expect(ref.current).toBeInstanceOf(HTMLElement), { timeout: 5000 });
  const element = ref.current!;
  expect(element).toHaveClass('host-class');
  expect(element.style.marginTop).toBe('3px');
  expect(element).toHaveAttribute('data-testid', 'host-part');
  expect(element.getAttribute('data-part')).toMatch(/^[a-z-]+$/);
  if (checkName) expect((Part as { displayName?: string }).displayName).toBe(name);
}

describe('every part takes className, style, DOM props and a ref, and names itself', () => {
  it('UserListRoot', async () => {
    await expectUniform('UserListRoot', (element) => renderWithProvider(element, { client, now: () => END }), userlens.UserListRoot as unknown as AnyPart);
  });

  it.each(LIST_PARTS)('%s', async (name, scenario) => {
    const Part = part(name);
    expect(Part).toBeDefined();
    await expectUniform(
      name,
      (element) => renderWithProvider(<userlens.UserListRoot {...scenario.root}>{element}</userlens.UserListRoot>, { client: scenario.client, now: () => END }),
      Part,
    );
  });

  it('UserDetailRoot', async () => {
    await expectUniform('UserDetailRoot', (element) => renderWithProvider(element, { client, now: () => END }), ((props: object) => <userlens.UserDetailRoot userId={userId} {...props} />) as unknown as AnyPart, false);
    expect(userlens.UserDetailRoot.displayName).toBe('UserDetailRoot');
  });

  it.each(DETAIL_PARTS)('%s', async (name, scenario) => {
    const Part = part(name);
    expect(Part).toBeDefined();
    await expectUniform(
      name,
      (element) => renderWithProvider(<userlens.UserDetailRoot {...scenario}>{element}</userlens.UserDetailRoot>, { client, now: () => END }),
      Part,
    );
  });
});
