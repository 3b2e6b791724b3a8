export function SiteFooter({ enteName, t }: { enteName: string; t: (k: string, p?: Record<string, unknown>) => string }) {
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row"><div className="col-12 py-4">
            <p className="h4 text-white">{enteName}</p>
            <p className="text-white">{t('site.footerAbout', { ente: enteName })}</p>
          </div></div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item"><a href="#" aria-disabled="true">{t('site.footerAccessibility')}</a></li>
            <li className="list-inline-item"><a href="#" aria-disabled="true">{t('site.footerPrivacy')}</a></li>
            {/* Where the Ente's designers find the builder (a newcomer after `npm start` too). */}
            <li className="list-inline-item"><a href="/builder">{t('site.footerBuilder')}</a></li>
          </ul>
        </div>
      </div>
    </footer>
  );
}
