import { AppIoRefusedError, type AppIoPort } from '../notifications/app-io.js';
import { PermanentDeliveryError, type Deliver } from './delivery.port.js';

/** Delivers an `appio` action: `{ fiscalCode, subject, markdown }` rendered by the transition. */
export function appIoDeliverer(appIo: AppIoPort): Deliver {
  return async (action) => {
    const { fiscalCode, subject, markdown } = action.payload as { fiscalCode?: unknown; subject?: unknown; markdown?: unknown };
    if (typeof fiscalCode !== 'string' || typeof subject !== 'string' || typeof markdown !== 'string') {
      throw new PermanentDeliveryError('the App IO message has no recipient fiscal code, subject or text');
    }
    try {
      const { id } = await appIo.send({ fiscalCode, subject, markdown, idempotencyKey: `${action.enteId}/${action.idempotencyKey}` });
      return { messageId: id };
    } catch (e) {
      if (e instanceof AppIoRefusedError) throw new PermanentDeliveryError(e.message);
      throw e;
    }
  };
}
