'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { Role } from '@/gql/graphql';
import { gql, GqlError } from '@/lib/client/gql';
import { ENTRY_ROW, EntryText } from './ListSection';
import { romeDay } from '@/lib/rome-time';

const Accept = graphql(`
  mutation AcceptInvitation($id: ID!) { acceptInvitation(id: $id) { id status } }
`);
const Decline = graphql(`
  mutation DeclineInvitation($id: ID!) { declineInvitation(id: $id) { id status } }
`);

export interface InvitationView { id: string; enteName: string; roles: Role[]; officeName: string | null; expiresAt: string }

/** The invitations to work for an Ente that the logged-in person has: accept or decline each. */
export function Invitations({ invitations, language }: { invitations: InvitationView[]; language: string }) {
  const { t } = useTranslation();
  const router = useRouter();
  const [busy, setBusy] = useState<string | null>(null);
  const [done, setDone] = useState<Record<string, 'ACCEPTED' | 'DECLINED'>>({});
  const [error, setError] = useState<string | null>(null);

  async function answer(id: string, accept: boolean) {
    setBusy(id);
    setError(null);
    try {
      const res = accept ? (await gql(Accept, { id })).acceptInvitation : (await gql(Decline, { id })).declineInvitation;
      setDone((d) => ({ ...d, [id]: res.status as 'ACCEPTED' | 'DECLINED' }));
      router.refresh();
    } catch (e) {
      setError(e instanceof GqlError && !e.offline ? e.message : t('wizard.offline'));
    } finally {
      setBusy(null);
    }
  }

  if (invitations.length === 0) return <p>{t('personal.noInvitations')}</p>;
  return (
    <>
      {error ? <div className="alert alert-danger" role="alert">{t('personal.invitationFailed', { message: error })}</div> : null}
      <ul className="list-group">
        {invitations.map((i) => (
          <li key={i.id} className={`list-group-item ${ENTRY_ROW}`} data-testid="invitation">
            <EntryText title={i.enteName}>
              {i.roles.map((r) => t(`personal.role.${r}`)).join(', ')}
              {i.officeName ? ` · ${i.officeName}` : ''}
              {' · '}{t('personal.invitationExpires', { date: romeDay(i.expiresAt, language) })}
            </EntryText>
            {done[i.id] ? (
              <span role="status" className="badge bg-secondary">{t(done[i.id] === 'ACCEPTED' ? 'personal.invitationAccepted' : 'personal.invitationDeclined')}</span>
            ) : (
              <span className="d-flex gap-2">
                <button type="button" className="btn btn-primary btn-sm" disabled={busy !== null} onClick={() => answer(i.id, true)}>
                  {t('personal.accept')}<span className="visually-hidden"> {i.enteName}</span>
                </button>
                <button type="button" className="btn btn-outline-primary btn-sm" disabled={busy !== null} onClick={() => answer(i.id, false)}>
                  {t('personal.decline')}<span className="visually-hidden"> {i.enteName}</span>
                </button>
              </span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
