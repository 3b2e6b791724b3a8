import { ProtocolUnavailableError, type ProtocolPort } from './protocol.port.js';

/** A protocol system that is always down: for the "protocol unavailable" paths (STYLE.md 7). */
export class FailingProtocol implements ProtocolPort {
  async register(): Promise<never> {
    throw new ProtocolUnavailableError('the failing protocol system is configured');
  }
}
