import { DomainError } from '../shared/domain-error.js';
import type { Services } from '../services.js';
import { ANONYMOUS, type Viewer } from '../access/viewer.js';

/**
 * Turns an Authorization header into a Viewer: `Bearer <session token>` for people,
 * `ApiKey <key>` for third parties. No header: anonymous. A bad credential is an error,
 * never a silent downgrade to anonymous.
 */
export async function authenticate(services: Services, header: string | undefined): Promise<Viewer> {
  if (!header) return ANONYMOUS;
  const [scheme, credential] = header.split(/\s+/, 2);
  if (!credential) throw new DomainError('UNAUTHENTICATED', 'error.invalidToken');
  if (/^bearer$/i.test(scheme!)) return services.tokens.verify(credential);
  if (/^apikey$/i.test(scheme!) && services.apiKeys) return services.apiKeys.verify(credential);
  throw new DomainError('UNAUTHENTICATED', 'error.invalidToken');
}
