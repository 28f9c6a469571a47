import { QueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { UserTrackingProvider } from 'userlens';
import { createLangfuseClient } from 'userlens/core';
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

function Layout(props: { session: Session; texts: HostTexts; preferences: ReturnType<typeof usePreferences>; onSignOut: () => void }) {
  const { session, texts, preferences } = props;
  // The browser talks to this host's server only; the server's proxy adds the Langfuse keys.
  const client = useMemo(() => createLangfuseClient({ id: `langfuse-${session.tenant}`, baseUrl: '/api/userlens' }), [session.tenant]);
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
          <label className="app-control">
            <input type="checkbox" checked={preferences.theme === 'dark'} onChange={(event) => preferences.setTheme(event.target.checked ? 'dark' : 'light')} /> {texts.theme}
          </label>
          <button type="button" className="app-button" onClick={props.onSignOut}>
            {texts.signOut}
          </button>
        </header>
        <main className="app-main" onClick={onClick}>
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
        </main>
      </div>
    </div>
  );
}
