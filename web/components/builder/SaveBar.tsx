'use client';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadJson } from '@/lib/builder/files';
import { useBuilder } from './store';

/** Where the working copy stands (saved, saving, conflict...), with the way out of a conflict. */
export function SaveBar({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const { state } = useBuilder();
  const [reloading, setReloading] = useState(false);
  if (state.status === 'conflict') {
    return (
      <div className="alert alert-danger" role="alert" data-testid="save-conflict">
        <p className="fw-semibold mb-1">{t('builder.save.conflictTitle')}</p>
        <p className="mb-2">{t('builder.save.conflictText')}</p>
        <div className="d-flex gap-2 flex-wrap">
          <button type="button" className="btn btn-primary btn-sm" disabled={reloading}
            onClick={async () => { setReloading(true); try { await onReload(); } finally { setReloading(false); } }}>
            {t('builder.save.reload')}
          </button>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={() => downloadJson(`${state.definition.id}-mie-modifiche.json`, state.definition)}>
            {t('builder.save.keepCopy')}
          </button>
        </div>
      </div>
    );
  }
  const text = {
    saved: t('builder.save.saved'), pending: t('builder.save.pending'), saving: t('builder.save.saving'),
    error: t('builder.save.error'), offline: t('builder.save.offline'),
  }[state.status];
  const cls = state.status === 'error' || state.status === 'offline' ? 'text-danger' : 'text-muted';
  return <p className={`small mb-2 ${cls}`} role="status" aria-live="polite" data-testid="save-status" data-status={state.status}>{text}</p>;
}
