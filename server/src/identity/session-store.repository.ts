import type { Tx } from '../shared/prisma.js';
import type { Role } from '../access/viewer.js';

/** A session with what a request needs to know of its person: one query per request. */
export interface SessionRow {
  userId: string;
  enteId: string | null;
  expiresAt: Date;
  endedAt: Date | null;
  lastSeenAt: Date;
  fiscalCode: string | null;
  platformAdmin: boolean;
  /** The person's roles in the session's Ente now (empty once removed or revoked). */
  roles: Role[];
}

/** The sessions table: the only Prisma use of session tokens. */
export const sessionStore = {
  async create(tx: Tx, data: { userId: string; enteId: string | null; createdAt: Date; expiresAt: Date }): Promise<string> {
    const row = await tx.session.create({ data: { ...data, lastSeenAt: data.createdAt }, select: { id: true } });
    return row.id;
  },

  /** The session, its person and their roles in its Ente, in one round trip (every request pays it). */
  async lookup(tx: Tx, id: string): Promise<SessionRow | null> {
    const rows = await tx.$queryRaw<Array<Omit<SessionRow, 'roles'> & { roles: string[] | null }>>`
      SELECT s.user_id AS "userId", s.ente_id AS "enteId", s.expires_at AS "expiresAt", s.ended_at AS "endedAt",
             s.last_seen_at AS "lastSeenAt", u.fiscal_code AS "fiscalCode", u.platform_admin AS "platformAdmin",
             array_remove(array_agg(m.role::text), NULL) AS roles
      FROM sessions s
      JOIN users u ON u.id = s.user_id
      LEFT JOIN memberships m ON m.user_id = s.user_id AND m.ente_id = s.ente_id
      WHERE s.id = ${id}::uuid
      GROUP BY s.id, u.id`;
    const row = rows[0];
    return row ? { ...row, roles: (row.roles ?? []) as Role[] } : null;
  },

  touch(tx: Tx, id: string, at: Date) {
    return tx.session.updateMany({ where: { id, endedAt: null }, data: { lastSeenAt: at } });
  },

  end(tx: Tx, id: string, at: Date) {
    return tx.session.updateMany({ where: { id, endedAt: null }, data: { endedAt: at } });
  },

  /** Ends a person's open sessions in one Ente (an admin removing a member). */
  endInEnte(tx: Tx, userId: string, enteId: string, at: Date) {
    return tx.session.updateMany({ where: { userId, enteId, endedAt: null }, data: { endedAt: at } });
  },
};
