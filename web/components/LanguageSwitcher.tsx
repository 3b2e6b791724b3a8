'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslation } from 'react-i18next';

/** One submit button per language: a plain form post, so it works before (or without) JavaScript. */
export function LanguageSwitcher({ languages }: { languages: string[] }) {
  const { t, i18n } = useTranslation();
  const path = usePathname();
  const search = useSearchParams().toString();
  return (
    <form method="post" action="/lang" className="d-flex align-items-center gap-1" aria-label={t('site.language')}>
      <input type="hidden" name="back" value={search ? `${path}?${search}` : path} />
      {languages.map((lang) => (
        <button key={lang} type="submit" name="lang" value={lang} lang={lang}
          className={`btn btn-sm py-0 px-2 text-white ${lang === i18n.language ? 'border border-white fw-bold' : ''}`}
          aria-pressed={lang === i18n.language} aria-label={t(`site.languageName.${lang}`, { defaultValue: lang })}>
          {lang.toUpperCase()}
        </button>
      ))}
    </form>
  );
}
