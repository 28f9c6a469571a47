import type { ReactNode } from 'react';

/** Text kept in its own direction (`<bdi>`), linked to the host's viewer when it gives a link. */
export function LinkedText({ href, children }: { href: string | undefined; children: ReactNode }) {
  return href === undefined ? <bdi>{children}</bdi> : (
    <a href={href}>
      <bdi>{children}</bdi>
    </a>
  );
}
