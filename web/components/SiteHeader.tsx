import Link from 'next/link';
import { Suspense } from 'react';
import { AccountMenu } from './AccountMenu';
import { LanguageSwitcher } from './LanguageSwitcher';

/** The Comuni model's header: slim bar (languages, account), then the Ente's name. */
export function SiteHeader(props: { ente: { slug: string; name: string; motto?: string }; personName: string | null; languages: string[] }) {
  const { ente, personName, languages } = props;
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row"><div className="col-12">
            <div className="it-header-slim-wrapper-content">
              <span className="d-none d-lg-block navbar-brand">Sportello</span>
              <div className="it-header-slim-right-zone d-flex gap-2">
                <Suspense><LanguageSwitcher languages={languages} /></Suspense>
                <AccountMenu ente={ente.slug} name={personName} />
              </div>
            </div>
          </div></div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row"><div className="col-12">
              <div className="it-header-center-content-wrapper">
                <div className="it-brand-wrapper">
                  <Link href={`/${ente.slug}`}>
                    <div className="it-brand-text">
                      <div className="it-brand-title">{ente.name}</div>
                      {ente.motto ? <div className="it-brand-tagline d-none d-md-block">{ente.motto}</div> : null}
                    </div>
                  </Link>
                </div>
              </div>
            </div></div>
          </div>
        </div>
      </div>
    </header>
  );
}
