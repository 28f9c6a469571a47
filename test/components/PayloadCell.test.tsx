import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { UserDetail, createMemoryClient } from '../../src/index.ts';
import { createFixtures } from '../../src/testing/index.ts';
import { renderWithProvider } from '../utils.tsx';

const START = '2026-10-01T00:00:00.000Z';
const NOW = Date.parse('2026-10-02T00:00:00.000Z');
const HOSTILE = '<img src=x onerror=alert(1)> summarize this';

const openAiInput = [
  { role: 'system', content: 'You are a contracts assistant.' },
  { role: 'user', content: 'Hi' },
  { role: 'assistant', content: 'Hello!' },
  { role: 'user', content: [{ type: 'text', text: 'Find the clause about termination in the contract.' }] },
];
const completion = { id: 'chatcmpl-1', choices: [{ index: 0, message: { role: 'assistant', content: 'Clause 12.3 covers termination.' }, finish_reason: 'stop' }] };
const anthropicInput = { system: 'Be terse.', messages: [{ role: 'user', content: [{ type: 'text', text: HOSTILE }] }] };
const retrieval = { query: 'termination', topK: 5 };

function renderTraces() {
  const f = createFixtures(START);
  f.trace({ name: 'contracts-chat', input: openAiInput, output: completion });
  f.trace({ name: 'hostile-chat', input: anthropicInput, output: { role: 'assistant', content: '<b>not bold</b>' } });
  f.trace({ name: 'retrieval', input: retrieval, output: 'plain answer' });
  f.trace({ name: 'no-payload', input: null, output: null });
  const utils = renderWithProvider(<UserDetail userId="user-1" />, { client: createMemoryClient(f.dataset()), defaultRange: { preset: 'all' }, now: () => NOW });
  const row = async (name: string) => (await screen.findByText(name)).closest('tr')!;
  return { ...utils, row };
}

/** The cell's one line of text, as read (a title carries the same for a pointer). */
const lineOf = (cell: HTMLElement) => cell.querySelector('[data-part="user-detail-payload-text"]')?.textContent;

describe('PayloadCell — chat payloads read as one line of text', () => {
  it('shows the last user message as input and the assistant’s text as output', async () => {
    const { row } = renderTraces();
    const [, , input, output] = within(await row('contracts-chat')).getAllByRole('cell');
    expect(lineOf(input!)).toBe('Find the clause about termination in the contract.');
    expect(lineOf(output!)).toBe('Clause 12.3 covers termination.');
    // Other payloads keep the JSON preview; strings stay as they are.
    const [, , otherInput, otherOutput] = within(await row('retrieval')).getAllByRole('cell');
    expect(lineOf(otherInput!)).toBe('{"query":"termination","topK":5}');
    expect(lineOf(otherOutput!)).toBe('plain answer');
  });

  it('opens the full payload, pretty-printed, from one button per cell named for its trace', async () => {
    const { row } = renderTraces();
    const cells = within(await row('contracts-chat')).getAllByRole('cell');
    expect(within(cells[2]!).getAllByRole('button')).toHaveLength(1);
    const button = within(cells[2]!).getByRole('button', { name: /^Show full input of contracts-chat, .*\d/ });
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: /^Show full input of contracts-chat/ })).toBeNull();

    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'true');
    const region = screen.getByRole('region', { name: /^Show full input of contracts-chat, / });
    expect(button.getAttribute('aria-controls')).toBe(region.id);
    expect(region.textContent).toBe(JSON.stringify(openAiInput, null, 2));

    await userEvent.click(button);
    expect(button).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('region', { name: /^Show full input of contracts-chat/ })).toBeNull();
  });

  it('toggles from the keyboard', async () => {
    const { row } = renderTraces();
    const output = within(await row('contracts-chat')).getAllByRole('cell')[3]!;
    within(output).getByRole('button').focus();
    await userEvent.keyboard('{Enter}');
    expect(screen.getByRole('region', { name: /^Show full output of contracts-chat, / }).textContent).toBe(JSON.stringify(completion, null, 2));
    await userEvent.keyboard(' ');
    expect(screen.queryByRole('region', { name: /^Show full output of contracts-chat/ })).toBeNull();
  });

  it('renders markup in a payload as text, in the line and in the opened payload', async () => {
    const { row, container } = renderTraces();
    const [, , input, output] = within(await row('hostile-chat')).getAllByRole('cell');
    expect(lineOf(input!)).toBe(HOSTILE);
    expect(lineOf(output!)).toBe('<b>not bold</b>');
    await userEvent.click(within(input!).getByRole('button'));
    await userEvent.click(within(output!).getByRole('button'));
    expect(screen.getByRole('region', { name: /^Show full input of hostile-chat/ }).textContent).toContain(HOSTILE);
    expect(container.querySelector('img, b, script')).toBeNull();
  });

  it('leaves a cell without payload empty, with no button', async () => {
    const { row } = renderTraces();
    const [, , input, output] = within(await row('no-payload')).getAllByRole('cell');
    expect(input!.textContent).toBe('');
    expect(within(output!).queryByRole('button')).toBeNull();
  });
});
