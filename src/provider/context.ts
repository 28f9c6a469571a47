'use client';
import { createContext, useContext, type Context } from 'react';

/**
 * A context whose hook names the consumer that was rendered outside its provider, and how to
 * fix it, instead of failing later on an undefined value.
 */
export function createUserlensContext<Value>(
  providerName: string,
): [Context<Value | null>, (consumerName: string) => Value] {
  const context = createContext<Value | null>(null);
  context.displayName = providerName;
  function useRequiredContext(consumerName: string): Value {
    const value = useContext(context);
    if (value === null) {
      throw new Error(
        `[userlens] \`${consumerName}\` must be used inside \`<${providerName}>\`. Wrap your tree in it.`,
      );
    }
    return value;
  }
  return [context, useRequiredContext];
}
