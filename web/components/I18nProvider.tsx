'use client';
import { createInstance, type Resource } from 'i18next';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider, initReactI18next } from 'react-i18next';

/** The platform's text for the chosen language (and Italian as fallback), given by the server layout. */
export function I18nProvider({ language, resources, children }: { language: string; resources: Resource; children: ReactNode }) {
  const i18n = useMemo(() => {
    const instance = createInstance();
    instance.use(initReactI18next).init({
      lng: language, fallbackLng: 'it', resources, initAsync: false,
      interpolation: { escapeValue: false }, returnNull: false,
    });
    return instance;
  }, [language, resources]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
