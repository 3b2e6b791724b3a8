import type { Tx } from '../shared/prisma.js';

export interface PushSubscriptionRow { id: string; endpoint: string; p256dh: string; auth: string; createdAt: Date }
const select = { id: true, endpoint: true, p256dh: true, auth: true, createdAt: true } as const;

/** The only code that touches push_subscriptions; every statement names the citizen. */
export const pushSubscriptionsRepository = {
  /** Registers (or renews the keys of) the citizen's subscription at this endpoint. */
  save(db: Tx, userId: string, s: { endpoint: string; p256dh: string; auth: string }, at: Date): Promise<PushSubscriptionRow> {
    return db.pushSubscription.upsert({
      where: { userId_endpoint: { userId, endpoint: s.endpoint } },
      create: { userId, ...s, createdAt: at },
      update: { p256dh: s.p256dh, auth: s.auth },
      select,
    });
  },

  /** Keeps the citizen's newest `keep` subscriptions (a browser that re-subscribes often leaves old ones behind). */
  async trim(db: Tx, userId: string, keep: number): Promise<void> {
    const old = await db.pushSubscription.findMany({ where: { userId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: keep, select: { id: true } });
    if (old.length) await db.pushSubscription.deleteMany({ where: { userId, id: { in: old.map((o) => o.id) } } });
  },

  async remove(db: Tx, userId: string, endpoint: string): Promise<boolean> {
    return (await db.pushSubscription.deleteMany({ where: { userId, endpoint } })).count > 0;
  },

  ofUser(db: Tx, userId: string): Promise<PushSubscriptionRow[]> {
    return db.pushSubscription.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select });
  },

  countOf(db: Tx, userId: string): Promise<number> {
    return db.pushSubscription.count({ where: { userId } });
  },

  /** A subscription the push service says is gone (404/410): removed, only if it is still this one. */
  async removeGone(db: Tx, userId: string, id: string): Promise<void> {
    await db.pushSubscription.deleteMany({ where: { id, userId } });
  },
};
