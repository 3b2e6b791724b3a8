import { normalizeFiscalCode } from '../shared/input-check.js';
import { oidcFailure } from './oidc-client.js';

export interface OidcProfile { subject: string; fiscalCode: string; givenName: string; familyName: string; email: string | null }

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * The person from the ID token and userinfo claims. SPID and CIE send the fiscal code as
 * `fiscal_number` = "TINIT-<codice fiscale>"; other providers as fiscalNumber or codice_fiscale.
 */
export function profileFrom(claims: Record<string, unknown>): OidcProfile {
  const raw = str(claims.fiscal_number) ?? str(claims.fiscalNumber) ?? str(claims.codice_fiscale);
  if (!raw) throw oidcFailure('fiscalCode');
  const fiscalCode = normalizeFiscalCode(raw.replace(/^TINIT-/i, ''));
  if (!fiscalCode) throw oidcFailure('fiscalCode');
  const email = str(claims.email)?.toLowerCase();
  return {
    subject: String(claims.sub),
    fiscalCode,
    givenName: str(claims.given_name) ?? '',
    familyName: str(claims.family_name) ?? '',
    email: email && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? email : null,
  };
}
