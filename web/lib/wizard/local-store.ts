/**
 * Answers kept on this device (localStorage), per person and service, so nothing typed is lost when
 * the network or the server is away; `dirty` means the server has not got them yet. No session data
 * is ever stored here (the session is an HttpOnly cookie).
 */
export interface LocalDraft {
  answers: Record<string, unknown>;
  currentStep: string | null;
  /** The server draft's rowVersion these answers were based on (null: none yet). */
  rowVersion: number | null;
  dirty: boolean;
  savedAt: string;
  /** One key per submission attempt: a retry or a double click submits once. */
  idempotencyKey: string;
  /** Names and sizes of uploaded files, by attachment id (the answers hold only ids). */
  files: Record<string, { name: string; size: number }>;
}

const keyOf = (userId: string, serviceId: string) => `sportello:draft:${userId}:${serviceId}`;

export function readLocal(userId: string, serviceId: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(keyOf(userId, serviceId));
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}

export function writeLocal(userId: string, serviceId: string, draft: LocalDraft): void {
  try {
    localStorage.setItem(keyOf(userId, serviceId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the server copy is still tried */
  }
}

export function clearLocal(userId: string, serviceId: string): void {
  try {
    localStorage.removeItem(keyOf(userId, serviceId));
  } catch { /* ignore */ }
}

export function newIdempotencyKey(): string {
  return `web-${crypto.randomUUID()}`;
}
