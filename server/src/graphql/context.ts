import type { Viewer } from '../access/viewer.js';
import type { Services } from '../services.js';
import type { Logger } from '../shared/logger.js';

/** What every resolver receives: who calls, in which language, and the domain services. */
export interface GraphQLContext {
  viewer: Viewer;
  language: string;
  services: Services;
  /** The request's log (carries its request id). */
  log?: Logger;
}
