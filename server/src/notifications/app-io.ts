import { isCodiceFiscale } from '@sportello/schemas';

/** One App IO message: the recipient's fiscal code, subject 10-120 characters, markdown 80-10,000. */
export interface AppIoMessage {
  fiscalCode: string;
  subject: string;
  markdown: string;
  idempotencyKey: string;
}

/** Sends App IO messages (the public services' app). */
export interface AppIoPort {
  send(message: AppIoMessage): Promise<{ id: string }>;
}

/** App IO refuses this message for good: no profile, sending not allowed, content out of its limits. */
export class AppIoRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppIoRefusedError';
  }
}

/** App IO cannot answer now (429, 5xx, network): try again later. */
export class AppIoUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AppIoUnavailableError';
  }
}

/** The lengths App IO accepts (io-functions-commons MessageContent). */
export const APP_IO_TEXT = { subject: { min: 10, max: 120 }, markdown: { min: 80, max: 10_000 } } as const;

const outside = (text: string, limits: { min: number; max: number }) => text.length < limits.min || text.length > limits.max;

/** The limits App IO checks, checked before calling it. */
export function appIoProblem(m: Pick<AppIoMessage, 'fiscalCode' | 'subject' | 'markdown'>): string | null {
  if (!isCodiceFiscale(m.fiscalCode)) return 'the recipient has no valid fiscal code';
  if (outside(m.subject, APP_IO_TEXT.subject)) return `the subject must be 10-120 characters (it has ${m.subject.length})`;
  if (outside(m.markdown, APP_IO_TEXT.markdown)) return `the text must be 80-10000 characters (it has ${m.markdown.length})`;
  return null;
}

/** Whether an App IO text part (subject or body) has a length App IO refuses. */
export function appIoTextOutside(part: 'subject' | 'body', text: string): { min: number; max: number } | null {
  const limits = part === 'subject' ? APP_IO_TEXT.subject : APP_IO_TEXT.markdown;
  return outside(text, limits) ? limits : null;
}

/**
 * App IO's REST API (io-functions-services): the recipient's profile first (GET
 * /api/v1/profiles/{fiscal_code}: 404 no profile, `sender_allowed` false when they blocked the
 * service), then POST /api/v1/messages. The service's key goes in Ocp-Apim-Subscription-Key.
 */
export class AppIoClient implements AppIoPort {
  constructor(private readonly baseUrl: string, private readonly apiKey: string, private readonly timeoutMs = 10_000) {}

  private async call(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(new URL(path, this.baseUrl), {
        ...init,
        headers: { 'Ocp-Apim-Subscription-Key': this.apiKey, 'content-type': 'application/json', ...init.headers },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new AppIoUnavailableError(`App IO unreachable: ${(e as Error).message}`);
    }
  }

  private static async fail(res: Response, what: string): Promise<never> {
    const detail = (await res.text().catch(() => '')).slice(0, 300);
    if (res.status === 429 || res.status >= 500) throw new AppIoUnavailableError(`App IO ${what}: HTTP ${res.status} ${detail}`);
    throw new AppIoRefusedError(`App IO ${what}: HTTP ${res.status} ${detail}`);
  }

  async send(m: AppIoMessage): Promise<{ id: string }> {
    const problem = appIoProblem(m);
    if (problem) throw new AppIoRefusedError(problem);
    const profile = await this.call(`api/v1/profiles/${encodeURIComponent(m.fiscalCode)}`);
    if (profile.status === 404) throw new AppIoRefusedError('the citizen has no App IO profile');
    if (!profile.ok) await AppIoClient.fail(profile, 'profile lookup');
    const { sender_allowed: allowed } = (await profile.json()) as { sender_allowed?: boolean };
    if (allowed === false) throw new AppIoRefusedError('the citizen does not accept messages from this service');
    const res = await this.call('api/v1/messages', {
      method: 'POST',
      headers: { 'X-Idempotency-Key': m.idempotencyKey },
      body: JSON.stringify({ fiscal_code: m.fiscalCode, content: { subject: m.subject, markdown: m.markdown } }),
    });
    if (res.status !== 201) await AppIoClient.fail(res, 'message');
    const { id } = (await res.json()) as { id?: string };
    if (!id) throw new AppIoUnavailableError('App IO answered without a message id');
    return { id };
  }
}

/** App IO that is always down. */
export class FailingAppIo implements AppIoPort {
  async send(): Promise<never> {
    throw new AppIoUnavailableError('the failing App IO is configured');
  }
}
