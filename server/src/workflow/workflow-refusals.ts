import { DomainError } from '../shared/domain-error.js';

// Every way a transition is refused, with its stable code and i18n key (locales/*/server.json
// `workflow.*`); the params travel in extensions.params so a client can show the current state.

export const unknownTransition = (transition: string) =>
  new DomainError('TRANSITION_NOT_ALLOWED', 'workflow.unknownTransition', { transition });
export const notFromState = (transition: string, state: string, rowVersion: number) =>
  new DomainError('TRANSITION_NOT_ALLOWED', 'workflow.notFromState', { transition, state, rowVersion });
export const roleNotAllowed = (transition: string, role: string) =>
  new DomainError('FORBIDDEN', 'workflow.roleNotAllowed', { transition, role });
export const staleVersion = (expected: number, actual: number, state: string) =>
  new DomainError('CONFLICT', 'workflow.staleVersion', { expected, actual, state, rowVersion: actual });
export const replyWindowOpen = (transition: string, until: Date) =>
  new DomainError('TRANSITION_NOT_ALLOWED', 'workflow.replyWindowOpen', { transition, until: until.toISOString() });
export const guardFailed = (transition: string, reason: string) =>
  new DomainError('GUARD_FAILED', 'workflow.guardFailed', { transition, reason });
export const noReplyExpected = (state: string) =>
  new DomainError('TRANSITION_NOT_ALLOWED', 'workflow.noReplyExpected', { state });
export const replyWindowClosed = (state: string, until: Date) =>
  new DomainError('TRANSITION_NOT_ALLOWED', 'workflow.replyWindowClosed', { state, until: until.toISOString() });
