import type { PrismaClient } from '../generated/prisma/client.js';
import { citizenScope, enteScope } from '../access/policy.js';
import type { Viewer } from '../access/viewer.js';
import { isUuid } from '../shared/ids.js';
import { paymentRequestsRepository as repo, type PaymentRequestRow } from './payment-requests.repository.js';
import type { PaymentRequest } from './payments.gql.js';

const view = (r: PaymentRequestRow): PaymentRequest => ({ ...r, dueDate: r.dueDate.toISOString().slice(0, 10) });

/** Payment requests of a pratica: the office's (its Ente) and the citizen's own. An id that is not theirs lists nothing. */
export class PaymentsService {
  constructor(private readonly db: PrismaClient) {}

  async ofPratica(viewer: Viewer, praticaId: string): Promise<PaymentRequest[]> {
    const { enteId } = enteScope(viewer);
    return isUuid(praticaId) ? (await repo.ofPratica(this.db, enteId, praticaId)).map(view) : [];
  }

  async mine(viewer: Viewer, praticaId: string): Promise<PaymentRequest[]> {
    const { userId } = citizenScope(viewer);
    return isUuid(praticaId) ? (await repo.ofCitizensPratica(this.db, userId, praticaId)).map(view) : [];
  }
}
