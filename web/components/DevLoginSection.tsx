import type { ReactNode } from 'react';

/**
 * The development login's list (the citizens' and the builder's accedi pages): a heading, what
 * it is for, and one item per demo login (DevLoginButton). Rendered only where the server lists
 * demo people (devUsers is FORBIDDEN in production).
 */
export function DevLoginSection({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  return (
    <section aria-labelledby="dev-login-title" className="mt-4">
      <h2 id="dev-login-title" className="h4">{title}</h2>
      <p>{intro}</p>
      <ul className="list-unstyled">{children}</ul>
    </section>
  );
}
