'use client';
import { useTranslation } from 'react-i18next';

/** What shows while a part of the editor loads its code. */
export function Loading() {
  const { t } = useTranslation();
  return <p className="text-muted small" role="status">{t('builder.editor.loading')}</p>;
}
