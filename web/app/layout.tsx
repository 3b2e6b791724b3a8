import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import 'bootstrap-italia/dist/css/bootstrap-italia.min.css';
import './fonts.css';
import { I18nProvider } from '@/components/I18nProvider';
import { ServiceWorker } from '@/components/ServiceWorker';
import { currentLanguage, resourcesOf } from '@/lib/server/i18n';

export const metadata: Metadata = {
  title: 'Sportello',
  manifest: '/manifest.webmanifest',
  icons: { icon: '/icon.svg' },
};
export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0066cc' };

export default async function RootLayout({ children }: { children: ReactNode }) {
  const language = await currentLanguage();
  const { language: res, fallback } = resourcesOf(language);
  const resources = language === 'it' ? { it: { translation: res } } : { [language]: { translation: res }, it: { translation: fallback } };
  return (
    <html lang={language}>
      <body>
        <I18nProvider language={language} resources={resources}>{children}</I18nProvider>
        <ServiceWorker />
      </body>
    </html>
  );
}
