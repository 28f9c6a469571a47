import type { HostTexts } from '../hostTexts.ts';

const TENANTS = [
  { id: 'acme', name: 'Acme Corp' },
  { id: 'globex', name: 'Globex' },
];

export function SignIn({ texts, onSignIn }: { texts: HostTexts; onSignIn: (tenant: string) => void }) {
  return (
    <main className="sign-in">
      <h1>{texts.signInTitle}</h1>
      <p>{texts.signInBody}</p>
      <div className="sign-in-choices">
        {TENANTS.map((tenant) => (
          <button key={tenant.id} type="button" className="app-button app-button-primary" onClick={() => onSignIn(tenant.id)}>
            {texts.signIn.replace('{tenant}', tenant.name)}
          </button>
        ))}
      </div>
    </main>
  );
}
