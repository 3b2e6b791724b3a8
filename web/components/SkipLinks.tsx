export function SkipLinks({ t }: { t: (k: string) => string }) {
  return (
    <div className="skiplinks">
      <a className="visually-hidden-focusable" href="#main-container">{t('site.skipToContent')}</a>
      <a className="visually-hidden-focusable" href="#footer">{t('site.skipToFooter')}</a>
    </div>
  );
}
