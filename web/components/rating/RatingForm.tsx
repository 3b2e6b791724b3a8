'use client';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { graphql } from '@/gql';
import type { RatingBadPoint, RatingGoodPoint } from '@/gql/graphql';
import { gql, GqlError } from '@/lib/client/gql';

const RateService = graphql(`
  mutation RateService($input: RateServiceInput!) { rateService(input: $input) }
`);

// The server's enums (server/src/ratings/ratings.types.ts), in the order the Comuni model lists them.
const GOOD: RatingGoodPoint[] = ['CLEAR_INSTRUCTIONS', 'COMPLETE_INSTRUCTIONS', 'KNEW_PROGRESS', 'NO_TECHNICAL_PROBLEMS', 'OTHER'];
const BAD: RatingBadPoint[] = ['UNCLEAR_INSTRUCTIONS', 'INCOMPLETE_INSTRUCTIONS', 'UNSURE_PROGRESS', 'TECHNICAL_PROBLEMS', 'OTHER'];
const COMMENT_MAX = 1000;

type Status = { kind: 'idle' } | { kind: 'sending' } | { kind: 'done' } | { kind: 'already' } | { kind: 'login' } | { kind: 'failed'; message: string };

/**
 * The Comuni model's satisfaction rating: 1-5 stars (a radio group), then what went well (4-5)
 * or what was hard (1-3) from a short list, an optional comment. After a receipt it rates that
 * pratica; on the service page it rates the current version, one rating per person. Only a
 * logged-in person rates (a key a browser could mint would let anyone rate again and again):
 * `loginHref` is where a visitor who is not logged in is sent. The stored rating names nobody.
 */
export function RatingForm({ serviceId, praticaId, heading, loginHref }: { serviceId: string; praticaId?: string; heading: string; loginHref?: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [stars, setStars] = useState(0);
  const [points, setPoints] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<Status>(loginHref ? { kind: 'login' } : { kind: 'idle' });
  const [missingStars, setMissingStars] = useState(false);
  const good = stars >= 4;
  const list = stars === 0 ? [] : good ? GOOD : BAD;

  const choose = (n: number) => { setStars(n); setPoints([]); setMissingStars(false); };
  const toggle = (p: string) => setPoints((ps) => (ps.includes(p) ? ps.filter((x) => x !== p) : [...ps, p]));

  async function send(e: FormEvent) {
    e.preventDefault();
    if (!stars) { setMissingStars(true); document.getElementById(`${id}-star-1`)?.focus(); return; }
    setStatus({ kind: 'sending' });
    try {
      await gql(RateService, {
        input: {
          serviceId, praticaId: praticaId ?? null, stars, comment: comment.trim() || null,
          wentWell: good ? (points as RatingGoodPoint[]) : [], wentBadly: good ? [] : (points as RatingBadPoint[]),
        },
      });
      setStatus({ kind: 'done' });
    } catch (err) {
      if (err instanceof GqlError && err.code === 'CONFLICT') setStatus({ kind: 'already' });
      else if (err instanceof GqlError && err.code === 'UNAUTHENTICATED') setStatus({ kind: 'login' });
      else setStatus({ kind: 'failed', message: err instanceof GqlError && !err.offline ? err.message : t('wizard.offline') });
    }
  }

  if (status.kind === 'done' || status.kind === 'already') {
    return (
      <section aria-labelledby={`${id}-h`} className="mt-5" data-testid="rating">
        <h2 id={`${id}-h`} className="h4">{heading}</h2>
        <div className="alert alert-success" role="status">{status.kind === 'done' ? t('rating.thanks') : t(praticaId ? 'rating.already' : 'rating.alreadyPage')}</div>
      </section>
    );
  }
  if (status.kind === 'login') {
    // A session that expired meanwhile: log in again and come back here (the Ente is the path's first segment).
    const here = typeof window === 'undefined' ? '/' : window.location.pathname;
    const href = loginHref ?? `/${here.split('/')[1] ?? ''}/accedi?back=${encodeURIComponent(here)}`;
    return (
      <section aria-labelledby={`${id}-h`} className="mt-5" data-testid="rating">
        <h2 id={`${id}-h`} className="h4">{heading}</h2>
        <p data-testid="rating-login">{t('rating.loginToRate')} <a href={href}>{t('rating.login')}</a></p>
      </section>
    );
  }
  return (
    <section aria-labelledby={`${id}-h`} className="mt-5" data-testid="rating">
      <h2 id={`${id}-h`} className="h4">{heading}</h2>
      <p className="small text-muted">{t('rating.anonymous')}</p>
      <form onSubmit={send} noValidate>
        <fieldset className="mb-3" aria-describedby={missingStars ? `${id}-stars-error` : undefined}>
          <legend className="h6">{t('rating.title')}</legend>
          {missingStars ? <p id={`${id}-stars-error`} className="text-danger" role="alert">{t('rating.chooseStars')}</p> : null}
          <div className="d-flex flex-wrap gap-3">
            {[1, 2, 3, 4, 5].map((n) => (
              <div className="form-check form-check-inline m-0" key={n}>
                <input className="form-check-input" type="radio" name={`${id}-stars`} id={`${id}-star-${n}`} value={n} checked={stars === n} onChange={() => choose(n)} />
                <label className="form-check-label" htmlFor={`${id}-star-${n}`}>
                  <span aria-hidden="true" className="text-primary fs-5">{'★'.repeat(n)}{'☆'.repeat(5 - n)}</span>
                  <span className="visually-hidden">{t('rating.star', { count: n })}</span>
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        {list.length ? (
          <fieldset className="mb-3">
            <legend className="h6">{good ? t('rating.good') : t('rating.bad')}</legend>
            {list.map((p) => (
              <div className="form-check" key={p}>
                <input className="form-check-input" type="checkbox" id={`${id}-${p}`} checked={points.includes(p)} onChange={() => toggle(p)} />
                <label className="form-check-label" htmlFor={`${id}-${p}`}>{t(`rating.point.${good ? 'good' : 'bad'}.${p}`)}</label>
              </div>
            ))}
          </fieldset>
        ) : null}
        <div className="mb-3">
          <label htmlFor={`${id}-comment`} className="form-label">{t('rating.comment')}</label>
          <textarea id={`${id}-comment`} className="form-control" rows={3} maxLength={COMMENT_MAX} value={comment} onChange={(e) => setComment(e.target.value)} aria-describedby={`${id}-hint`} />
          <small id={`${id}-hint`} className="form-text">{t('rating.commentHint', { max: COMMENT_MAX })}</small>
        </div>
        {status.kind === 'failed' ? <div className="alert alert-danger" role="alert">{t('rating.failed', { message: status.message })}</div> : null}
        <button type="submit" className="btn btn-primary" disabled={status.kind === 'sending'}>{t('rating.send')}</button>
      </form>
    </section>
  );
}
