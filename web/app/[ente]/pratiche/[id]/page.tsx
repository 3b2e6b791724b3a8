import Link from 'next/link';
import { graphql } from '@/gql';
import { serverQuery } from '@/lib/server/api';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { loadReceipt } from '@/lib/server/pratica';
import { RatingForm } from '@/components/rating/RatingForm';
import { ReplyForm } from '@/components/personal/ReplyForm';
import { ENTRY_ROW, EntryText, ListSection } from '@/components/personal/ListSection';
import { romeDateTime, romeDay } from '@/lib/rome-time';

const PraticaProgress = graphql(`
  query PraticaProgress($id: ID!) {
    myPraticaStatus(praticaId: $id) { state stateLabel rowVersion stateEnteredAt awaitedReply { kind transitionId transitionLabel until open } }
    myPraticaTimeline(praticaId: $id) { id kind at actorRole to toLabel transitionLabel text attachments { id fileName size } }
    myPraticaDocuments(praticaId: $id) { id title fileName size protocolNumber createdAt downloadPath }
    myPaymentRequests(praticaId: $id) { id amountCents causale dueDate status }
  }
`);

const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} KB`;

/**
 * A citizen's pratica: where it stands, what it waits from them (an integration request or a
 * notice of denial: the reply form, with the date the time to answer ends), its history with the
 * office's messages and their replies, the documents the office sent, payment requests; then the
 * receipt (PDF, answers) and the satisfaction rating. Fresh from submission (?inviata=1) it opens
 * with the receipt's confirmation.
 */
export default async function PraticaPage({ params, searchParams }: { params: Promise<{ ente: string; id: string }>; searchParams: Promise<{ inviata?: string; risposta?: string }> }) {
  const { ente, id } = await params;
  const query = await searchParams;
  const fresh = query.inviata === '1';
  const replied = query.risposta === 'inviata';
  const language = await currentLanguage();
  const t = translatorFor(language);
  const receipt = await loadReceipt(ente, id, language, [t('wizard.yes'), t('wizard.no')]);
  if (!receipt) return <div className="alert alert-warning" role="alert">{t('service.notFound')}</div>;
  const p = receipt.pratica;
  const progress = await serverQuery(PraticaProgress, { id: p.id }).catch(() => null);
  const status = progress?.myPraticaStatus;
  const awaited = status?.awaitedReply ?? null;
  const dateTime = (iso: string) => romeDateTime(iso, language);
  const euro = (cents: number) => (cents / 100).toLocaleString(language, { style: 'currency', currency: 'EUR' });
  const timeline = [...(progress?.myPraticaTimeline ?? [])].reverse();
  const documents = progress?.myPraticaDocuments ?? [];
  const payments = progress?.myPaymentRequests ?? [];
  return (
    <div>
      {fresh ? <div className="alert alert-success" role="status"><h1 className="h3 mb-1">{t('receipt.title')}</h1><p className="mb-0">{t('receipt.text')}</p></div> : <h1>{p.serviceTitle}</h1>}
      {replied && !awaited ? <div className="alert alert-success" role="status" data-testid="reply-sent">{t('pratica.reply.sent')}</div> : null}
      <dl className="row">
        <dt className="col-sm-4">{t('receipt.service')}</dt><dd className="col-sm-8">{p.serviceTitle}</dd>
        <dt className="col-sm-4">{t('receipt.code')}</dt><dd className="col-sm-8" data-testid="pratica-code"><strong>{p.code}</strong></dd>
        <dt className="col-sm-4">{t('receipt.protocol')}</dt><dd className="col-sm-8">{p.protocolNumber ?? t('receipt.protocolPending')}</dd>
        <dt className="col-sm-4">{t('receipt.submittedAt')}</dt><dd className="col-sm-8">{new Date(p.submittedAt).toLocaleString(language, { timeZone: 'Europe/Rome' })}</dd>
        <dt className="col-sm-4">{t('receipt.state')}</dt>
        <dd className="col-sm-8" data-testid="pratica-state">
          <span className="badge bg-primary">{status?.stateLabel ?? p.stateLabel}</span>
          {status ? <span className="small ms-2">{t('pratica.since', { date: dateTime(status.stateEnteredAt) })}</span> : null}
        </dd>
        {p.feeCents !== null && p.feeCents !== undefined ? <><dt className="col-sm-4">{t('receipt.fee')}</dt><dd className="col-sm-8">{euro(p.feeCents)}</dd></> : null}
      </dl>

      {awaited && status ? (
        <section aria-labelledby="awaited" className="border border-warning rounded p-3 mb-4" data-testid="awaited-reply">
          <h2 id="awaited" className="h4">{t('pratica.awaited.title')}</h2>
          <p data-testid="awaited-kind">{t(`pratica.awaited.${awaited.kind === 'OBSERVATIONS' ? 'observations' : 'integration'}`)}</p>
          {awaited.until ? (
            <p className={awaited.open ? 'fw-semibold' : 'text-danger fw-semibold'} data-testid="reply-until">
              {t(awaited.open ? 'pratica.awaited.until' : 'pratica.awaited.closed', { date: dateTime(awaited.until) })}
            </p>
          ) : null}
          {awaited.open ? <ReplyForm ente={ente} praticaId={p.id} rowVersion={status.rowVersion} language={language} /> : null}
        </section>
      ) : null}

      <ListSection id="documenti" title={t('pratica.documents.title')} items={documents} testId="pratica-document" itemClassName={ENTRY_ROW}>
        {(d) => (
          <>
            <EntryText title={d.title}>
              {dateTime(d.createdAt)}{d.protocolNumber ? ` · ${t('pratica.documents.protocol', { number: d.protocolNumber })}` : ''} · PDF, {kb(d.size)}
            </EntryText>
            <a href={d.downloadPath} download={d.fileName}>{t('pratica.documents.download')}<span className="visually-hidden"> {d.title}</span></a>
          </>
        )}
      </ListSection>

      <ListSection id="pagamenti" title={t('pratica.payments.title')} items={payments} testId="payment-request">
        {(r) => (
          <>
            <strong>{euro(r.amountCents)}</strong> · {r.causale}<br />
            <span className="small">
              {t('pratica.payments.due', { date: romeDay(`${r.dueDate}T12:00:00Z`, language) })}
              {' · '}{t(`pratica.payments.status.${r.status}`, { defaultValue: r.status })}
            </span>
          </>
        )}
      </ListSection>

      <section aria-labelledby="storico" className="mb-4">
        <h2 id="storico" className="h4">{t('pratica.timeline.title')}</h2>
        {progress ? null : <p className="text-danger" role="alert">{t('pratica.timeline.unavailable')}</p>}
        {progress && timeline.length === 0 ? <p>{t('pratica.timeline.empty')}</p> : null}
        <ol className="list-unstyled border-start border-2 ps-3" data-testid="timeline">
          {timeline.map((e) => (
            <li key={e.id} className="mb-3" data-testid={`timeline-${e.kind}`}>
              <p className="small mb-0">
                <time dateTime={e.at}>{dateTime(e.at)}</time> · {t(`pratica.actor.${e.actorRole}`, { defaultValue: e.actorRole })}
              </p>
              <p className="mb-1 fw-semibold">
                {e.kind === 'transition' ? t('pratica.timeline.transition', { state: e.toLabel ?? e.to ?? '' })
                  : e.kind === 'message' ? t('pratica.timeline.message')
                    : e.kind === 'reply' ? t('pratica.timeline.reply')
                      : e.transitionLabel ?? e.kind}
              </p>
              {e.text ? <p className="mb-1 text-break" style={{ whiteSpace: 'pre-wrap' }}>{e.text}</p> : null}
              {e.attachments.length ? (
                <ul className="list-unstyled small mb-0">
                  {e.attachments.map((a) => (
                    <li key={a.id}><a href={`/attachments/${a.id}`} download={a.fileName}>{a.fileName}</a> ({kb(a.size)})</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ol>
      </section>

      <p className="d-flex gap-2 flex-wrap">
        <a className="btn btn-primary" href={`/${ente}/pratiche/${p.id}/ricevuta`} download={`ricevuta-${p.code}.pdf`}>{t('receipt.pdf')}</a>
        <Link className="btn btn-outline-primary" href={`/${ente}/area-personale`}>{t('receipt.toPersonalArea')}</Link>
      </p>
      <details className="mt-4">
        <summary className="h5">{t('receipt.answers')}</summary>
        <dl className="row mt-2">
          {receipt.lines.map((l, i) => <div key={i} className="col-12 d-md-flex"><dt className="col-md-5">{l.label}</dt><dd className="col-md-7">{l.value}</dd></div>)}
        </dl>
      </details>
      <RatingForm serviceId={p.serviceId} praticaId={p.id} heading={t('rating.pageTitle')} />
    </div>
  );
}
