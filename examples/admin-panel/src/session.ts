import { useCallback, useEffect, useState } from 'react';

export interface Session {
  tenant: string;
  name: string;
  /** The Langfuse export the server serves at /api/export beside the Langfuse API, if any. */
  export?: { files: number; rows: number; skipped: number };
}

/** The demo sign-in against the example server: the tenant lives in an HttpOnly cookie. */
export function useSession() {
  const [session, setSession] = useState<Session | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/session')
      .then((response) => (response.ok ? (response.json() as Promise<Session | null>) : null))
      .catch(() => null)
      .then((value) => live && setSession(value));
    return () => {
      live = false;
    };
  }, []);
  const signIn = useCallback(async (tenant: string) => {
    const response = await fetch('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant }) });
    if (response.ok) setSession((await response.json()) as Session);
  }, []);
  const signOut = useCallback(async () => {
    await fetch('/api/session', { method: 'DELETE' });
    setSession(null);
  }, []);
  return { session, signIn, signOut };
}
