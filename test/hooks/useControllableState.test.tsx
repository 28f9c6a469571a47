import { act, render, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { useControllableState } from '../../src/hooks/useControllableState.ts';

describe('useControllableState', () => {
  it('keeps an uncontrolled value, composes functional updates, and tells onChange once after the commit', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ prop: undefined, defaultProp: 1, onChange }));
    act(() => {
      result.current[1]((n) => n + 1);
      result.current[1]((n) => n * 10);
    });
    expect(result.current[0]).toBe(20);
    expect(onChange.mock.calls).toEqual([[20]]);
    act(() => result.current[1](20));
    expect(onChange).toHaveBeenCalledTimes(1);
  });

  it('asks the host for a controlled value at once, and asks again after the host declined', () => {
    const onChange = vi.fn();
    const { result } = renderHook(() => useControllableState({ prop: 'a', defaultProp: 'x', onChange }));
    act(() => result.current[1]('b'));
    expect(result.current[0]).toBe('a');
    expect(onChange.mock.calls).toEqual([['b']]);
    // The host kept 'a': the same change is asked for again, and an update reads the shown value.
    act(() => result.current[1]('b'));
    act(() => result.current[1]((value) => `${value}!`));
    expect(onChange.mock.calls).toEqual([['b'], ['b'], ['a!']]);
    act(() => result.current[1]('a'));
    expect(onChange).toHaveBeenCalledTimes(3);
  });

  it('follows the host when it accepts, with one setter for the hook’s life', () => {
    const setters = new Set<unknown>();
    function Host() {
      const [value, setValue] = useState(0);
      const [shown, set] = useControllableState({ prop: value, defaultProp: -1, onChange: setValue });
      setters.add(set);
      return (
        <button type="button" onClick={() => set((n) => n + 1)}>
          {shown}
        </button>
      );
    }
    const { getByRole } = render(<Host />);
    act(() => getByRole('button').click());
    act(() => getByRole('button').click());
    expect(getByRole('button').textContent).toBe('2');
    expect(setters.size).toBe(1);
  });

  it('may be set while rendering without updating the host during that render', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const told: number[] = [];
    function Part({ onChange }: { onChange: (value: number) => void }) {
      const [value, setValue] = useControllableState({ prop: undefined, defaultProp: 3, onChange });
      if (value !== 1) setValue(1); // a reset derived while rendering, as a table's page is
      return <span>{value}</span>;
    }
    function Host() {
      const [seen, setSeen] = useState<number | null>(null);
      return (
        <>
          <Part
            onChange={(value) => {
              told.push(value);
              setSeen(value);
            }}
          />
          <output>{seen}</output>
        </>
      );
    }
    const { container } = render(<Host />);
    expect(container.querySelector('span')!.textContent).toBe('1');
    expect(container.querySelector('output')!.textContent).toBe('1');
    expect(told).toEqual([1]);
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});
