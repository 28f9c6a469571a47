import { fireEvent, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Popover } from '../../../src/components/shared/Popover.tsx';
import { createMemoryClient } from '../../../src/index.ts';
import { renderWithProvider } from '../../utils.tsx';

const client = createMemoryClient({ traces: [] });

function renderPopover(align: 'start' | 'end' = 'start') {
  return renderWithProvider(
    <>
      <Popover consumerName="Test" label="Options" trigger="Open" align={align}>
        <label>
          <input type="checkbox" disabled /> Fixed
        </label>
        <label>
          <input type="checkbox" /> First
        </label>
      </Popover>
      <button type="button">Elsewhere</button>
    </>,
    { client, theme: 'dark', density: 'compact' },
  );
}

afterEach(() => vi.restoreAllMocks());

describe('Popover — opening and closing', () => {
  it('opens a named dialog from its button, with the first enabled control focused', async () => {
    renderPopover();
    const trigger = screen.getByRole('button', { name: 'Open' });
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).toHaveAttribute('aria-haspopup', 'dialog');
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.click(trigger);
    const dialog = screen.getByRole('dialog', { name: 'Options' });
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', dialog.id);
    expect(screen.getByRole('checkbox', { name: 'First' })).toHaveFocus();
  });

  it('closes on Escape and gives focus back to its button', async () => {
    renderPopover();
    const trigger = screen.getByRole('button', { name: 'Open' });
    await userEvent.click(trigger);
    await userEvent.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });

  it('closes when its button is pressed again', async () => {
    renderPopover();
    const trigger = screen.getByRole('button', { name: 'Open' });
    await userEvent.click(trigger);
    await userEvent.click(trigger);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('stays open while its controls are used, and closes on a press outside without taking the focus', async () => {
    renderPopover();
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'First' }));
    expect(screen.getByRole('checkbox', { name: 'First' })).toBeChecked();
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    await userEvent.click(elsewhere);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(elsewhere).toHaveFocus();
  });

  it('closes when the focus moves on past it', async () => {
    renderPopover();
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    await userEvent.tab();
    expect(screen.getByRole('button', { name: 'Elsewhere' })).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('Popover — placement and theme', () => {
  it('sits under its button, lined up with its start or end edge, inside the viewport', async () => {
    // jsdom lays nothing out: a 1,000 px viewport and a 200 px wide dialog.
    vi.spyOn(document.documentElement, 'clientWidth', 'get').mockReturnValue(1000);
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(200);
    const rect = vi.spyOn(HTMLButtonElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(600, 50, 80, 30));
    const open = async (align: 'start' | 'end') => {
      const view = renderPopover(align);
      await userEvent.click(screen.getByRole('button', { name: 'Open' }));
      return { dialog: screen.getByRole('dialog'), unmount: view.unmount };
    };
    let shown = await open('start');
    expect(shown.dialog).toHaveStyle({ position: 'fixed', top: '84px', left: '600px' });
    shown.unmount();
    shown = await open('end');
    expect(shown.dialog).toHaveStyle({ top: '84px', left: '480px' });
    shown.unmount();
    // End-aligned to a button near the left edge (a phone's toolbar): kept on screen.
    rect.mockReturnValue(new DOMRect(10, 50, 80, 30));
    shown = await open('end');
    expect(shown.dialog).toHaveStyle({ left: '4px' });
    shown.unmount();
    // Start-aligned to a button near the right edge: kept on screen too.
    rect.mockReturnValue(new DOMRect(900, 50, 80, 30));
    shown = await open('start');
    expect(shown.dialog).toHaveStyle({ left: '796px' });
  });

  it('follows its button when the page scrolls', async () => {
    const rect = vi.spyOn(HTMLButtonElement.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(10, 50, 80, 30));
    renderPopover();
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    rect.mockReturnValue(new DOMRect(10, 20, 80, 30));
    fireEvent.scroll(window);
    expect(screen.getByRole('dialog')).toHaveStyle({ top: '54px' });
  });

  it('carries the root’s theme and density, as it renders outside the root', async () => {
    renderPopover();
    await userEvent.click(screen.getByRole('button', { name: 'Open' }));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveAttribute('data-userlens');
    expect(dialog).toHaveAttribute('data-theme', 'dark');
    expect(dialog).toHaveAttribute('data-density', 'compact');
    expect(dialog).toHaveAttribute('data-part', 'popover');
  });

  it('shows in the top layer where the browser has the Popover API', async () => {
    const show = vi.fn();
    Object.assign(HTMLElement.prototype, { showPopover: show });
    try {
      renderPopover();
      await userEvent.click(screen.getByRole('button', { name: 'Open' }));
      // jsdom has no top layer: the stub leaves the dialog hidden by the `[popover]` rule.
      const dialog = screen.getByRole('dialog', { hidden: true });
      // Manual: closing stays this part's (the API's light dismiss would close it on its own button's press).
      expect(dialog).toHaveAttribute('popover', 'manual');
      expect(show).toHaveBeenCalledOnce();
      await userEvent.keyboard('{Escape}');
      expect(screen.queryByRole('dialog', { hidden: true })).toBeNull();
      expect(screen.getByRole('button', { name: 'Open' })).toHaveAttribute('aria-expanded', 'false');
    } finally {
      delete (HTMLElement.prototype as Partial<HTMLElement>).showPopover;
    }
  });
});
