// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { renderWithText, seriousViolations } from '../builder/test-utils';
import { ReplyForm } from './ReplyForm';

const router = { replace: vi.fn(), refresh: vi.fn() };
vi.mock('next/navigation', () => ({ useRouter: () => router }));

const PRATICA = '5f2b1c7e-0000-4000-8000-000000000001';
type Answer = { data?: unknown; errors?: Array<{ message: string; extensions: Record<string, unknown> }> };
let answers: Answer[] = [];
let sent: Array<{ query: string; variables: any }> = [];

beforeEach(() => {
  answers = [];
  sent = [];
  router.replace.mockReset();
  router.refresh.mockReset();
  localStorage.clear();
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    sent.push(JSON.parse(String(init.body)));
    const next = answers.shift() ?? { errors: [{ message: 'no answer scripted', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] };
    return new Response(JSON.stringify(next), { status: 200, headers: { 'content-type': 'application/json' } });
  }));
});
afterEach(() => { cleanup(); vi.unstubAllGlobals(); });

const mount = () => renderWithText(<ReplyForm ente="comune-di-esempio" praticaId={PRATICA} rowVersion={4} language="it" />, 'it');
const textarea = () => screen.getByLabelText('Testo della risposta') as HTMLTextAreaElement;
const send = () => fireEvent.click(screen.getByRole('button', { name: 'Invia la risposta' }));
const refusal = () => screen.findByTestId('reply-refusal');

describe('the reply form keeps what the citizen typed through every refusal', () => {
  test('the time to answer is over: the date in Italian, the text still there and kept on the device', async () => {
    const view = mount();
    fireEvent.change(textarea(), { target: { value: 'Le mie osservazioni' } });
    answers.push({ errors: [{ message: 'Il termine…', extensions: { code: 'TRANSITION_NOT_ALLOWED', key: 'workflow.replyWindowClosed', params: { state: 'denial_notice', until: '2026-12-05T10:00:00.000Z' } } }] });
    send();
    expect((await refusal()).textContent).toContain('il termine per rispondere è scaduto il 5 dicembre 2026 alle ore 11:00');
    expect(textarea().value).toBe('Le mie osservazioni');
    expect(localStorage.getItem(`sportello.reply.${PRATICA}`)).toBe('Le mie osservazioni');
    expect(sent[0]!.variables.input).toEqual({ praticaId: PRATICA, rowVersion: 4, text: 'Le mie osservazioni', attachmentIds: [] });
    expect(router.replace).not.toHaveBeenCalled();
    expect(await seriousViolations(view.container)).toEqual([]);
  });

  test('the office moved the pratica but it still waits: told so, and the next send uses the new version', async () => {
    mount();
    fireEvent.change(textarea(), { target: { value: 'Eccomi' } });
    answers.push(
      { errors: [{ message: 'stale', extensions: { code: 'CONFLICT', key: 'workflow.staleVersion', params: { expected: 4, actual: 6, state: 'integration_requested', rowVersion: 6 } } }] },
      { data: { myPraticaStatus: { state: 'integration_requested', stateLabel: 'Integrazione richiesta', rowVersion: 6, awaitedReply: { until: null, open: true } } } },
    );
    send();
    expect((await refusal()).textContent).toContain('attende ancora la tua risposta');
    answers.push({ data: { replyToPratica: { praticaId: PRATICA, to: 'integration_received', rowVersion: 7 } } });
    send();
    await waitFor(() => expect(router.replace).toHaveBeenCalledWith(`/comune-di-esempio/pratiche/${PRATICA}?risposta=inviata`));
    expect(sent.at(-1)!.variables.input.rowVersion).toBe(6);
    expect(localStorage.getItem(`sportello.reply.${PRATICA}`)).toBeNull();
  });

  test('the session expired: a link to log in again back to this page; the text is restored when the page opens again', async () => {
    mount();
    fireEvent.change(textarea(), { target: { value: 'Testo lungo da non perdere' } });
    answers.push({ errors: [{ message: 'login', extensions: { code: 'UNAUTHENTICATED', key: 'error.unauthenticated' } }] });
    send();
    const alert = await refusal();
    expect(alert.textContent).toContain('La sessione è scaduta');
    expect(screen.getByRole('link', { name: /Accedi di nuovo/ }).getAttribute('href')).toBe(`/comune-di-esempio/accedi?back=${encodeURIComponent(`/comune-di-esempio/pratiche/${PRATICA}`)}`);
    cleanup();
    mount();
    await waitFor(() => expect(textarea().value).toBe('Testo lungo da non perdere'));
  });

  test('no text: told at the field, nothing sent', async () => {
    mount();
    send();
    expect(await screen.findByText('Scrivi il testo della risposta.')).toBeTruthy();
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(sent).toEqual([]);
  });
});
