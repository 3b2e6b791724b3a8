export { isUuid, isPlainObject } from '../shared/ids.js';

/** Service slugs: lowercase words joined by hyphens, as in URLs (mensa-scolastica). */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const isSlug = (s: string): boolean => s.length >= 2 && s.length <= 64 && SLUG.test(s);
