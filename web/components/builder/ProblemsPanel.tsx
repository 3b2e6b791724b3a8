'use client';
import { useTranslation } from 'react-i18next';
import { useBuilder } from './store';
import { TABS, tabOfPointer } from './tabs';

/** The server's problems with the working copy, each a link to the element it concerns. */
export function ProblemsPanel({ onGo }: { onGo: (pointer: string) => void }) {
  const { t } = useTranslation();
  const { state } = useBuilder();
  const missing = state.warnings.filter((w) => w.code.startsWith('translation.')).length;
  if (!state.problems.length) {
    return (
      <p className="small text-success mb-2" data-testid="problems-none">
        {t('builder.problems.none')}{missing ? ` · ${t('builder.problems.missingTranslations', { count: missing })}` : ''}
      </p>
    );
  }
  return (
    <details className="alert alert-danger py-2" data-testid="problems">
      <summary>{t('builder.problems.count', { count: state.problems.length })} — {t('builder.problems.publishBlocked')}</summary>
      <ul className="mb-0 mt-2">
        {state.problems.slice(0, 100).map((p, i) => {
          const tab = TABS.find((x) => x.id === tabOfPointer(p.pointer))!;
          return (
            <li key={`${p.pointer}-${p.code}-${i}`}>
              <button type="button" className="btn btn-link p-0 text-start" onClick={() => onGo(p.pointer)}>
                {t(`builder.tabs.${tab.label}`)}: {p.message}
              </button> <code className="small">{p.pointer || '/'}</code>
            </li>
          );
        })}
      </ul>
    </details>
  );
}
