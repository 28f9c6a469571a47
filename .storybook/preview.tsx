import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { UserTrackingClient } from '../src/core.ts';
import { UserTrackingProvider, type Theme } from '../src/index.ts';
import '../src/styles/userlens.css';
import './preview.css';
import { demoClient } from './demoClient.ts';

export interface UserlensStoryParameters {
  /** The client this story runs on. @defaultValue the demo memory client */
  client?: UserTrackingClient;
}

/** Every story gets a provider on the demo client and a cache of its own, so stories never share state. */
const withProvider: Decorator = (Story, context) => {
  const parameters = (context.parameters.userlens ?? {}) as UserlensStoryParameters;
  return (
    <StoryProvider
      client={(context.loaded as { client?: UserTrackingClient } | undefined)?.client ?? parameters.client ?? demoClient}
      theme={context.globals.theme as Theme}
      locale={context.globals.locale as string}
    >
      <Story />
    </StoryProvider>
  );
};

function StoryProvider(props: { client: UserTrackingClient; theme: Theme; locale: string; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
  );
  return (
    <UserTrackingProvider client={props.client} queryClient={queryClient} theme={props.theme} locale={props.locale}>
      {props.children}
    </UserTrackingProvider>
  );
}

const preview: Preview = {
  decorators: [withProvider],
  parameters: {
    layout: 'padded',
    // axe violations fail the story's browser test.
    a11y: { test: 'error' },
    controls: { expanded: true },
  },
  globalTypes: {
    theme: {
      description: 'Colour scheme',
      toolbar: { icon: 'mirror', items: ['light', 'dark', 'auto'], dynamicTitle: true },
    },
    locale: {
      description: 'Locale for numbers, cost and dates',
      toolbar: { icon: 'globe', items: ['en-US', 'de-DE', 'ja-JP'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light', locale: 'en-US' },
};

export default preview;
