import type { TFunction } from 'i18next';
import type { GqlError } from '@/lib/client/gql';
import { romeDateTime } from '@/lib/rome-time';

/** A refusal as the citizen reads it, and what they can do next (log in again, reload). */
export interface Refusal { message: string; login?: boolean; reload?: boolean }

const dateTime = (iso: unknown, language: string) =>
  typeof iso === 'string' ? romeDateTime(iso, language) : '';

/**
 * The server's refusal of a reply (stable code and key, locales/<lang>/server.json) in the
 * citizen's words; `current` is where the pratica stands after a CONFLICT, when it could be read.
 */
export function refusalOfReply(t: TFunction, e: GqlError, language: string, current: { stateLabel: string; open: boolean } | null): Refusal {
  if (e.offline) return { message: t('pratica.reply.error.offline') };
  switch (e.code) {
    case 'UNAUTHENTICATED':
      return { message: t('pratica.reply.error.session'), login: true };
    case 'CONFLICT':
      if (e.key === 'timeline.reply.filesChanged') return { message: t('pratica.reply.error.filesChanged') };
      if (current?.open) return { message: t('pratica.reply.error.conflictStillOpen', { state: current.stateLabel }) };
      return { message: t('pratica.reply.error.conflict', { state: current?.stateLabel ?? String(e.params?.state ?? '') }), reload: true };
    case 'TRANSITION_NOT_ALLOWED':
      if (e.key === 'workflow.replyWindowClosed') return { message: t('pratica.reply.error.windowClosed', { date: dateTime(e.params?.until, language) }), reload: true };
      return { message: t('pratica.reply.error.notAwaited'), reload: true };
    case 'NOT_FOUND':
      return { message: t('pratica.reply.error.notFound') };
    case 'BAD_USER_INPUT':
      // The server's own localized message (too long, too many files, unknown file).
      return { message: t('pratica.reply.error.invalid', { message: e.message }) };
    default:
      return { message: t('pratica.reply.error.other', { message: e.message }) };
  }
}

/** An upload's refusal (HTTP status and the server's error, if any) in the citizen's words. */
export function refusalOfUpload(t: TFunction, status: number, error: { message: string; extensions?: { code?: string; params?: Record<string, unknown> } } | null, name: string): Refusal {
  if (status === 0 || status === 502 || status === 503) return { message: t('pratica.reply.error.uploadOffline', { name }) };
  if (status === 401) return { message: t('pratica.reply.error.session'), login: true };
  if (status === 413) {
    const max = Number(error?.extensions?.params?.max);
    return { message: t('pratica.reply.error.tooLarge', { name, mb: Number.isFinite(max) ? Math.floor(max / 1_000_000) : 10 }) };
  }
  if (status === 415) return { message: t('pratica.reply.error.badType', { name }) };
  return { message: t('pratica.reply.error.uploadFailed', { name, message: error?.message ?? `HTTP ${status}` }) };
}
