'use client';
import Link from 'next/link';
import { memo } from 'react';
import { usePathname } from 'next/navigation';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from './useDraftSync';
import type { StartState } from './Wizard';

/**
 * Where the answers are: saved, on this device only, offline, in conflict, or the session expired.
 * Memoized: it changes with a save, not with each keystroke (the wizard passes stable callbacks).
 */
export const SyncBanner = memo(function SyncBanner(props: {
  status: SyncStatus; pending: boolean; online: boolean; start: StartState; versionNumber: number; ente: string;
  onKeepMine: () => void; onTakeTheirs: () => void; onStartOver: () => void;
}) {
  const { t, i18n } = useTranslation();
  const path = usePathname();
  const { status, online, start } = props;
  const time = (iso: string) => new Date(iso).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      {start.olderVersion !== null ? (
        <div className="alert alert-info" role="status" data-testid="older-version">
          <p className="mb-2">{t('wizard.olderVersion', { draft: start.olderVersion, current: props.versionNumber })}</p>
          <button type="button" className="btn btn-outline-primary btn-sm" onClick={props.onStartOver}>{t('wizard.olderVersionStartOver', { current: props.versionNumber })}</button>
        </div>
      ) : null}
      {!online ? <div className="alert alert-warning" role="status" data-testid="offline-banner">{t('wizard.offline')}</div> : null}
      {status.kind === 'conflict' ? (
        <div className="alert alert-danger" role="alert" data-testid="conflict">
          <h2 className="h5">{t('wizard.conflictTitle')}</h2>
          <p>{t('wizard.conflictText')}</p>
          <div className="d-flex gap-2 flex-wrap">
            <button type="button" className="btn btn-primary btn-sm" onClick={props.onKeepMine}>{t('wizard.conflictKeepMine')}</button>
            <button type="button" className="btn btn-outline-primary btn-sm" onClick={props.onTakeTheirs}>{t('wizard.conflictTakeTheirs')}</button>
          </div>
        </div>
      ) : null}
      {status.kind === 'expired' ? (
        <div className="alert alert-danger" role="alert">
          {t('login.sessionExpired')} <Link href={`/${props.ente}/accedi?back=${encodeURIComponent(path)}`}>{t('login.title')}</Link>
        </div>
      ) : null}
      {status.kind === 'error' ? <div className="alert alert-danger" role="alert">{status.message}</div> : null}
      <p className="small text-muted mb-2" aria-live="polite" data-testid="sync-status" data-pending={props.pending ? 'true' : 'false'}>
        {status.kind === 'saving' ? t('wizard.saving')
          : status.kind === 'saved' ? t('wizard.saved', { time: time(status.at) })
          : status.kind === 'local' || (!online && status.kind !== 'conflict') ? t('wizard.savedLocal')
          : ''}
      </p>
    </>
  );
});
