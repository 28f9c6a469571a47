'use client';
import { QueryClient, QueryClientContext } from '@tanstack/react-query';
import { useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ProfileField, UserProfilesLoader, UserTrackingClient } from '../client/types.js';
import { checkTimeZone } from '../client/calendar.js';
import { createFormatters, runtimeTimeZone, type Formatters } from '../format/createFormatters.js';
import type { RangeValue } from '../format/dateRangePresets.js';
import { retryPassing } from '../hooks/queries.js';
import { enUS, type Labels } from '../i18n/en-US.js';
import type { Dictionary, PluralLabels } from '../i18n/dictionary.js';
import { dictionaryLanguage, loadDictionary, loadedDictionary } from '../i18n/loadDictionary.js';
import { createUserlensContext } from './context.js';

/* -------------------------------------------------------------------------------------------
 * UserTrackingProvider
 * -----------------------------------------------------------------------------------------*/

const PROVIDER_NAME = 'UserTrackingProvider';
const DEFAULT_RANGE: RangeValue = { preset: '30d' };
const NO_FIELDS: readonly ProfileField[] = [];

export type Theme = 'light' | 'dark' | 'auto';
export type Density = 'comfortable' | 'compact';

export interface UserTrackingProviderProps {
  /** Where the figures come from: `createMemoryClient(...)`, `createLangfuseClient(...)` or your own. */
  client: UserTrackingClient;
  /**
   * The QueryClient userlens caches in. When absent, the host's (from a `QueryClientProvider`
   * above) is reused; without one, userlens keeps a private client.
   */
  queryClient?: QueryClient;
  /**
   * BCP 47 locale for the texts, numbers, cost and dates. Texts come in English, German (`de…`)
   * and Simplified Chinese (`zh…`); any other language reads English texts with its own numbers
   * and dates. German and Chinese texts load on demand, and the views wait for them (a few ms):
   * pass `dictionary` to have them on the first render, on the server too. @defaultValue 'en-US'
   */
  locale?: string;
  /**
   * The texts for `locale`, loaded up front: `de` from `userlens/locales/de`, `zhCN` from
   * `userlens/locales/zh-CN`, or a complete dictionary of the host's own. `labels` apply on top.
   */
  dictionary?: Dictionary;
  /** ISO 4217 currency costs are shown in. @defaultValue 'USD' */
  currency?: string;
  /** Units of `currency` per USD (figures are stored in USD). @defaultValue 1 */
  currencyRate?: number;
  /** Overrides for any of the texts, in the dictionary's language: the English ones are (`enUS`, the user page's in `userDetailEnUS`, the figure help in `figureHelpEnUS`, the traces tab's in `tracesTabEnUS`, the user export's in `userExportEnUS`, the overview's in `overviewEnUS`, the budgets' in `budgetEnUS`, the segments' in `segmentsEnUS`, sorting by a score's in `feedbackEnUS`, the metadata filter's in `metadataFilterEnUS`, the scores tab's in `scoresTabEnUS`, live refresh's budget texts in `liveRefreshEnUS`). */
  labels?: Partial<Dictionary> & PluralLabels;
  /** Colour scheme; `auto` follows `prefers-color-scheme`. @defaultValue 'auto' */
  theme?: Theme;
  /** @defaultValue 'comfortable' */
  density?: Density;
  /** Drop userlens's look (layout and colours) and keep only structure and `data-part` hooks. @defaultValue false */
  unstyled?: boolean;
  /**
   * The clock every view reads: relative ranges ("last 30 days"), date presets, "updated 5 s
   * ago" and live refresh. Freeze it (`() => Date.parse('2026-03-01T12:00:00Z')`) for tests,
   * screenshots, or a server render that must match the browser's. @defaultValue Date.now
   */
  now?: () => number;
  /**
   * IANA time zone of the viewer: activity hours, days and weeks follow its calendar, and dates
   * and custom ranges are shown and entered in it. Give it when rendering on a server, so server
   * and browser agree. @defaultValue the browser's zone
   */
  timeZone?: string;
  /**
   * The range both views open with, so a user opened from the list shows the figures of their
   * row; each view's own `defaultRange` or `range` overrides it. @defaultValue `{ preset: '30d' }`
   */
  defaultRange?: RangeValue;
  /**
   * Looks up who your users are in your own records, so the views show names beside the ids:
   * called once per page of users on screen (and per user page), cached, never sent to the
   * metrics source. The figures never wait for it; a failure leaves the ids alone.
   *
   * @example
   * getUserProfiles={async (ids, { signal }) => (await fetch(`/api/people?ids=${ids.join(',')}`, { signal })).json()}
   */
  getUserProfiles?: UserProfilesLoader;
  /**
   * Fields of your profiles the list offers as columns (in its Columns menu, and in the CSV
   * when shown), after the user id: `[{ field: 'organisation', label: 'Organisation' }]`.
   * Their ids are `profile.<field>`, for `defaultColumns`. @defaultValue []
   */
  profileFields?: readonly ProfileField[];
  children?: ReactNode;
}

export interface UserTrackingContextValue {
  client: UserTrackingClient;
  queryClient: QueryClient;
  format: Formatters;
  /** The texts; the figure help only where the host gave it (its English loads with UserDetailStats). */
  labels: Labels & Partial<Dictionary> & PluralLabels;
  theme: Theme;
  density: Density;
  unstyled: boolean;
  /** The language the texts are in, for the views' `lang` and plural forms; `undefined` for a host dictionary without a `locale`. */
  lang: string | undefined;
  /** The views' clock (ms since the epoch). */
  now: () => number;
  /** The viewer's IANA time zone. */
  timeZone: string;
  defaultRange: RangeValue;
  /** The host's profile loader as given; `undefined` without one. */
  getUserProfiles: UserProfilesLoader | undefined;
  /** The host's profile fields offered as list columns; the same array while their value holds. */
  profileFields: readonly ProfileField[];
}

const [UserTrackingContext, useUserTrackingContext] =
  createUserlensContext<UserTrackingContextValue>(PROVIDER_NAME);

/**
 * Gives every userlens hook and component below it a client, a cache, a locale and texts.
 *
 * @example
 * // Create the client once (module scope, or useMemo): a new client is a new cache.
 * const client = createMemoryClient(dataset);
 *
 * <UserTrackingProvider client={client} locale="de-DE">
 *   <UserList getUserHref={(id) => `/admin/users/${encodeURIComponent(id)}`} />
 * </UserTrackingProvider>
 */
export function UserTrackingProvider(props: UserTrackingProviderProps) {
  const {
    client,
    queryClient,
    locale,
    dictionary,
    currency,
    currencyRate,
    labels,
    theme = 'auto',
    density = 'comfortable',
    unstyled = false,
    now: nowProp = Date.now,
    timeZone: timeZoneProp,
    defaultRange = DEFAULT_RANGE,
    getUserProfiles: loadProfiles,
    profileFields = NO_FIELDS,
    children,
  } = props;
  const timeZone = timeZoneProp === undefined ? runtimeTimeZone() : checkTimeZone(timeZoneProp, PROVIDER_NAME, 'invalid_options');
  const hostQueryClient = useContext(QueryClientContext);
  // Created once and used only when neither a prop nor a host provider supplies one.
  const [privateQueryClient] = useState(createPrivateQueryClient);
  const resolvedQueryClient = queryClient ?? hostQueryClient ?? privateQueryClient;
  const usesPrivate = resolvedQueryClient === privateQueryClient;
  useEffect(() => {
    // Like QueryClientProvider: subscribe to focus and online events while in use.
    if (!usesPrivate) return;
    privateQueryClient.mount();
    return () => privateQueryClient.unmount();
  }, [usesPrivate, privateQueryClient]);
  // One clock function for the provider's life that calls the latest `now`: a host writing
  // `now={() => …}` inline must not restart every timer and memo below on each render.
  const nowRef = useRef(nowProp);
  useEffect(() => {
    nowRef.current = nowProp;
  });
  const now = useCallback(() => nowRef.current(), []);
  // The profile loader is passed as it is: queries key profiles by ids, not by the function, so a
  // loader written inline asks nothing again.
  const getUserProfiles = loadProfiles;
  const format = createFormatters({ locale, currency, currencyRate, timeZone });
  // Compared by value: a host writing `defaultRange={{ preset: '7d' }}` inline keeps one object.
  const rangeValueKey = JSON.stringify(defaultRange);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value on purpose
  const stableDefaultRange = useMemo(() => defaultRange, [rangeValueKey]);
  const fieldsKey = JSON.stringify(profileFields);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by value on purpose
  const stableProfileFields = useMemo(() => profileFields, [fieldsKey]);
  const language = dictionary ? undefined : dictionaryLanguage(locale);
  const ready = dictionary ?? (language ? loadedDictionary(language) : enUS);
  // The texts on screen. While another language loads, the last ones stay, so a switch never
  // empties the host's page; only a first render waits for them (never English first, then
  // German). A failed load leaves English here.
  const [shown, setShown] = useState<Partial<Dictionary>>();
  if (ready && shown !== ready) setShown(ready);
  const texts = ready ?? shown;
  const lang = texts && textsLanguage(texts, dictionary, locale);
  useEffect(() => {
    if (!language) return;
    let live = true;
    // Also when another provider loaded it meanwhile: this one re-renders with it.
    void loadDictionary(language).then((loaded) => live && setShown(loaded));
    return () => {
      live = false;
    };
  }, [language]);
  const mergedLabels = useMemo(() => ({ ...enUS, ...texts, ...labels }), [texts, labels]);
  const value = useMemo<UserTrackingContextValue>(
    () => ({
      client,
      queryClient: resolvedQueryClient,
      format,
      labels: mergedLabels,
      theme,
      density,
      unstyled,
      lang,
      now,
      timeZone,
      defaultRange: stableDefaultRange,
      getUserProfiles,
      profileFields: stableProfileFields,
    }),
    [client, resolvedQueryClient, format, mergedLabels, theme, density, unstyled, lang, now, timeZone, stableDefaultRange, getUserProfiles, stableProfileFields],
  );
  // Until its language's texts arrive, nothing: a flash of English, then German, reads as a bug.
  return texts ? <UserTrackingContext.Provider value={value}>{children}</UserTrackingContext.Provider> : null;
}

UserTrackingProvider.displayName = PROVIDER_NAME;

/**
 * The language texts are in, told by which texts they are, for the views' `lang` (what screen
 * readers pronounce them in, and which glyphs Chinese gets): a host's dictionary is in its
 * locale; the built-in Chinese is Simplified whatever the `zh` locale; the German ones stay
 * German while Chinese loads; English texts, also under fr-FR or after a failed load, are English.
 */
function textsLanguage(texts: Partial<Dictionary>, dictionary: Dictionary | undefined, locale: string | undefined): string | undefined {
  if (texts === dictionary) return locale;
  if (texts === loadedDictionary('zh-CN')) return 'zh-CN';
  if (texts === loadedDictionary('de')) return dictionaryLanguage(locale) === 'de' ? locale : 'de';
  return /^en\b/i.test(locale ?? 'en') ? (locale ?? 'en-US') : 'en';
}

function createPrivateQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: retryPassing,
      },
    },
  });
}

/** The provider's client, for host-built views and prefetching. */
export function useUserTrackingClient(): UserTrackingClient {
  return useUserTrackingContext('useUserTrackingClient').client;
}

/** The locale-bound formatters (`number`, `cost`, `dateTime`, `relative`, `duration`, …). */
export function useFormatters(): Formatters {
  return useUserTrackingContext('useFormatters').format;
}

/** The views' clock and the viewer's time zone, as the provider was given them. */
export function useUserTrackingClock(): { now: () => number; timeZone: string } {
  const { now, timeZone } = useUserTrackingContext('useUserTrackingClock');
  return useMemo(() => ({ now, timeZone }), [now, timeZone]);
}

/** The merged dictionary of texts. */
export function useLabels(): Labels {
  return useUserTrackingContext('useLabels').labels;
}

/** Attributes every userlens root element carries: theme, density and the `unstyled` switch. */
export function useRootAttributes(consumerName: string) {
  const { theme, density, unstyled, lang } = useUserTrackingContext(consumerName);
  return {
    lang,
    'data-userlens': '',
    'data-theme': theme,
    'data-density': density,
    'data-unstyled': unstyled ? '' : undefined,
  } as const;
}

export { useUserTrackingContext };
