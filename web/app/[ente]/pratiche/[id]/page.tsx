import Link from 'next/link';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { loadReceipt } from '@/lib/server/pratica';
import { RatingForm } from '@/components/rating/RatingForm';

/** The receipt: number, protocol, date and time, answers, PDF; then the satisfaction rating. */
export default async function ReceiptPage({ params, searchParams }: { params: Promise<{ ente: string; id: string }>; searchParams: Promise<{ inviata?: string }> }) {
  const { ente, id } = await params;
  const fresh = (await searchParams).inviata === '1';
  const language = await currentLanguage();
  const t = translatorFor(language);
  const receipt = await loadReceipt(ente, id, language, [t('wizard.yes'), t('wizard.no')]);
  if (!receipt) return <div className="alert alert-warning" role="alert">{t('service.notFound')}</div>;
  const p = receipt.pratica;
  return (
    <div>
      {fresh ? <div className="alert alert-success" role="status"><h1 className="h3 mb-1">{t('receipt.title')}</h1><p className="mb-0">{t('receipt.text')}</p></div> : <h1>{p.serviceTitle}</h1>}
      <dl className="row">
        <dt className="col-sm-4">{t('receipt.service')}</dt><dd className="col-sm-8">{p.serviceTitle}</dd>
        <dt className="col-sm-4">{t('receipt.code')}</dt><dd className="col-sm-8" data-testid="pratica-code"><strong>{p.code}</strong></dd>
        <dt className="col-sm-4">{t('receipt.protocol')}</dt><dd className="col-sm-8">{p.protocolNumber ?? t('receipt.protocolPending')}</dd>
        <dt className="col-sm-4">{t('receipt.submittedAt')}</dt><dd className="col-sm-8">{new Date(p.submittedAt).toLocaleString(language, { timeZone: 'Europe/Rome' })}</dd>
        <dt className="col-sm-4">{t('receipt.state')}</dt><dd className="col-sm-8">{t(`personal.state.${p.state}`)}</dd>
        {p.feeCents !== null && p.feeCents !== undefined ? <><dt className="col-sm-4">{t('receipt.fee')}</dt><dd className="col-sm-8">{(p.feeCents / 100).toLocaleString(language, { style: 'currency', currency: 'EUR' })}</dd></> : null}
      </dl>
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
