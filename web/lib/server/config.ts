
/** Where the GraphQL server listens (the browser never talks to it: this app forwards). */
export const API_URL = (process.env.SPORTELLO_API_URL ?? 'http://127.0.0.1:4000').replace(/\/$/, '');
/** The Ente the home page opens. */
export const DEFAULT_ENTE = process.env.SPORTELLO_DEFAULT_ENTE ?? 'comune-di-esempio';
export const SESSION_COOKIE = 'sportello_session';
export const LANG_COOKIE = 'sportello_lang';
