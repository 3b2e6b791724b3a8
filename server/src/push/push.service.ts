import type { PrismaClient } from '../generated/prisma/client.js';
import { citizenScope } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';
import type { Clock } from '../shared/clock.js';
import { fieldProblem, throwProblems } from '../shared/domain-error.js';
import type { PushSettings } from '../settings/push.js';
import { endpointRefusal, keyOk } from './push-endpoint.js';
import { pushSubscriptionsRepository as repo } from './push-subscriptions.repository.js';
import type { PushSubscription, PushSubscriptionInput } from './push.gql.js';

/** A citizen's devices at most: re-subscribing browsers leave old endpoints, the oldest go first. */
export const MAX_SUBSCRIPTIONS = 20;

/** Citizens' Web Push subscriptions: registered and removed by the citizen, for their own account only. */
export class PushService {
  constructor(private readonly db: PrismaClient, private readonly settings: PushSettings, private readonly clock: Clock) {}

  /** The VAPID public key a browser subscribes with (applicationServerKey). */
  get publicKey(): string {
    return this.settings.vapid.publicKey;
  }

  async register(viewer: Viewer, input: PushSubscriptionInput): Promise<PushSubscription> {
    const { userId } = citizenScope(viewer);
    const refusal = endpointRefusal(input.endpoint, this.settings);
    throwProblems([
      ...(refusal ? [fieldProblem('/input/endpoint', `push.endpoint.${refusal}`, `push.endpoint.${refusal}`)] : []),
      ...(keyOk(input.p256dh, 65) ? [] : [fieldProblem('/input/p256dh', 'push.badKey', 'push.badP256dh')]),
      ...(keyOk(input.auth, 16) ? [] : [fieldProblem('/input/auth', 'push.badKey', 'push.badAuth')]),
    ]);
    return this.db.$transaction(async (tx) => {
      const saved = await repo.save(tx, userId, { endpoint: input.endpoint, p256dh: input.p256dh, auth: input.auth }, this.clock());
      await repo.trim(tx, userId, MAX_SUBSCRIPTIONS);
      return { id: saved.id, endpoint: saved.endpoint, createdAt: saved.createdAt };
    });
  }

  /** True when the citizen had a subscription at this endpoint (now removed). */
  unregister(viewer: Viewer, endpoint: string): Promise<boolean> {
    const { userId } = citizenScope(viewer);
    return repo.remove(this.db, userId, endpoint);
  }
}
