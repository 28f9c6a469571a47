import { QueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { UserTrackingProvider } from 'userlens';
import { createHttpClient, createLangfuseClient, type UserTrackingClient } from 'userlens/core';
import { LOCALES, hostTexts, type HostTexts } from './hostTexts.ts';
import { UserPage } from './pages/UserPage.tsx';
import { UsersPage } from './pages/UsersPage.tsx';
import { SignIn } from './pages/SignIn.tsx';
import { usePreferences } from './preferences.ts';
import { useSession, type Session } from './session.ts';
import { useSpaLinks } from './useSpaLinks.ts';

export function App() {
  const { session, signIn, signOut } = useSession();
  const preferences = usePreferences();
  const texts = hostTexts(preferences.locale);
  if (session === undefined) return <p className="app-loading">{texts.loading}</p>;
  if (session === null) return <SignIn texts={texts} onSignIn={signIn} />;
  // A new layout per tenant: its own client and cache, so nothing of one tenant shows in another's.
  return <Layout key={session.tenant} session={session} texts={texts} preferences={preferences} onSignOut={signOut} />;
}

type Source = 'langfuse' | 'export';

/**
 * The client for the chosen source. The browser talks to this host's server only: to its
 * Langfuse proxy, which adds the keys, or to the export it serves through createUserlensHandler.
 */
function useSourceClient(tenant: string, source: Source): { client?: UserTrackingClient; error?: string } {
  const [clients, setClients] = useState<Partial<Record<Source, UserTrackingClient>>>(() => ({
    langfuse: createLangfuseClient({ id: `langfuse-${tenant}`, baseUrl: '/api/userlens' }),
  }));
  const [error, setError] = useState<string>();
  useEffect(() => {
    if (source !== 'export' || clients.export) return;
    let live = true;
    // Asks the server what it serves to this tenant (its capabilities) before the first call.
    createHttpClient({ baseUrl: '/api/export', id: `export-${tenant}` }).then(
      (client) => live && setClients((known) => ({ ...known, export: client })),
      (failure: Error) => live && setError(failure.message),
    );
    return () => {
      live = false;
    };
  }, [source, tenant, clients.export]);
  return { client: clients[source], error: clients[source] ? undefined : error };
}

function Layout(props: { session: Session; texts: HostTexts; preferences: ReturnType<typeof usePreferences>; onSignOut: () => void }) {
  const { session, texts, preferences } = props;
  const [source, setSource] = useState<Source>('langfuse');
  const { client, error } = useSourceClient(session.tenant, source);
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, refetchOnWindowFocus: false } } }));
  const onClick = useSpaLinks();
  return (
    <div className="app">
      <aside className="app-sidebar">
        <div className="app-brand">
          <span aria-hidden className="app-logo">N</span> Northwind
        </div>
        <nav aria-label={texts.mainNav}>
          <button type="button" className="app-nav-item" disabled>
            {texts.dashboard}
          </button>
          <NavLink className="app-nav-item" to="/users">
            {texts.users}
          </NavLink>
          <button type="button" className="app-nav-item" disabled>
            {texts.billing}
          </button>
          <button type="button" className="app-nav-item" disabled>
            {texts.settings}
          </button>
        </nav>
      </aside>
      <div className="app-body">
        <header className="app-header">
          <span className="app-tenant">{session.name}</span>
          <label className="app-control">
            {texts.language}{' '}
            <select value={preferences.locale} onChange={(event) => preferences.setLocale(event.target.value as typeof preferences.locale)}>
              {LOCALES.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {hostTexts(locale).languageName}
                </option>
              ))}
            </select>
          </label>
          {session.export && (
            <label className="app-control">
              {texts.source}{' '}
              <select value={source} onChange={(event) => setSource(event.target.value as Source)}>
                <option value="langfuse">{texts.sourceLangfuse}</option>
                <option value="export">{texts.sourceExport.replace('{rows}', session.export.rows.toLocaleString(preferences.locale))}</option>
              </select>
            </label>
          )}
          <label className="app-control">
            <input type="checkbox" checked={preferences.theme === 'dark'} onChange={(event) => preferences.setTheme(event.target.checked ? 'dark' : 'light')} /> {texts.theme}
          </label>
          <button type="button" className="app-button" onClick={props.onSignOut}>
            {texts.signOut}
          </button>
        </header>
        <main className="app-main" onClick={onClick}>
          {client ? (
          <UserTrackingProvider client={client} queryClient={queryClient} locale={preferences.locale} theme={preferences.theme}>
            <Routes>
              <Route path="/" element={<Navigate to="/users" replace />} />
              <Route path="/users" element={<UsersPage texts={texts} />} />
              <Route path="/users/:userId" element={<UserPage texts={texts} />} />
              <Route
                path="*"
                element={
                  <p>
                    {texts.notFound} <NavLink to="/users">{texts.backHome}</NavLink>
                  </p>
                }
              />
            </Routes>
          </UserTrackingProvider>
          ) : (
            <p className="app-loading" role={error ? 'alert' : undefined}>
              {error ?? texts.loading}
            </p>
          )}
        </main>
      </div>
    </div>
  );
}
