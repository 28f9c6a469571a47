import type { Decorator, Preview } from '@storybook/react-vite';
import { QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import type { ProfileField, UserProfilesLoader, UserTrackingClient } from '../src/core.ts';
import { UserTrackingProvider, type Theme } from '../src/index.ts';
import '../src/styles/userlens.css';
import './preview.css';
import { demoNow } from './demoClient.ts';
import { DEMO, clientFor, sourceLoader, type SourceName, type StoryDataset } from './sources.ts';

export interface UserlensStoryParameters {
  /** The data this story runs on, behind whichever source the toolbar picks. @defaultValue the demo data */
  dataset?: StoryDataset;
  /** A client made from the source's client (faults, fewer capabilities), or one of the story's own. */
  client?: UserTrackingClient | ((source: UserTrackingClient) => UserTrackingClient);
  /** The host's profile loader, for stories that show people instead of ids. */
  getUserProfiles?: UserProfilesLoader;
  /** The host's profile fields offered as list columns. */
  profileFields?: readonly ProfileField[];
}

/** Every story gets a provider on its source and a cache of its own, so stories never share state. */
const withProvider: Decorator = (Story, context) => {
  const parameters = (context.parameters.userlens ?? {}) as UserlensStoryParameters;
  // Stories tagged memory-only show what only the in-memory source can (see their comments).
  const memoryOnly = context.tags.includes('memory-only');
  const sourceName = memoryOnly ? 'memory' : (context.globals.source as SourceName);
  const source = clientFor(sourceName, parameters.dataset ?? DEMO);
  const client =
    (context.loaded as { client?: UserTrackingClient } | undefined)?.client ??
    (typeof parameters.client === 'function' ? parameters.client(source) : parameters.client) ??
    source;
  return (
    <StoryProvider
      client={client}
      theme={context.globals.theme as Theme}
      locale={context.globals.locale as string}
      timeZone={context.globals.timeZone as string}
      getUserProfiles={parameters.getUserProfiles}
      profileFields={parameters.profileFields}
    >
      {memoryOnly && context.globals.source === 'langfuse' && <p className="story-note">This story runs on the in-memory source only.</p>}
      <Story />
    </StoryProvider>
  );
};

function StoryProvider(props: {
  client: UserTrackingClient;
  theme: Theme;
  locale: string;
  timeZone: string;
  getUserProfiles: UserProfilesLoader | undefined;
  profileFields: readonly ProfileField[] | undefined;
  children: ReactNode;
}) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } }),
  );
  return (
    // One fixed clock and zone: a story reads the same on any day, in any zone.
    <UserTrackingProvider
      client={props.client}
      queryClient={queryClient}
      theme={props.theme}
      locale={props.locale}
      timeZone={props.timeZone}
      now={demoNow}
      getUserProfiles={props.getUserProfiles}
      profileFields={props.profileFields}
    >
      {props.children}
    </UserTrackingProvider>
  );
}

const preview: Preview = {
  decorators: [withProvider],
  loaders: [sourceLoader],
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
      description: 'Language and locale: texts in English, German or Chinese; numbers, cost and dates in the locale (ja-JP: English texts, Japanese numbers and dates)',
      toolbar: { icon: 'globe', items: ['en-US', 'de-DE', 'zh-CN', 'ja-JP'], dynamicTitle: true },
    },
    timeZone: {
      description: 'The viewer’s time zone: activity days and hours, dates and custom ranges follow it',
      toolbar: {
        icon: 'time',
        items: ['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata', 'Asia/Shanghai', 'Pacific/Chatham'],
        dynamicTitle: true,
      },
    },
    source: {
      description: 'Where the data comes from: the in-memory client, or the Langfuse client over HTTP (MSW)',
      toolbar: {
        icon: 'database',
        items: [
          { value: 'memory', title: 'In-memory source' },
          { value: 'langfuse', title: 'Langfuse source (MSW)' },
        ],
        dynamicTitle: true,
      },
    },
  },
  // The story tests run once per source and theme; USERLENS_SOURCE and USERLENS_THEME pick them (see vite.config.ts).
  initialGlobals: { theme: import.meta.env.USERLENS_THEME ?? 'light', locale: 'en-US', timeZone: 'UTC', source: import.meta.env.USERLENS_SOURCE ?? 'memory' },
};

export default preview;
