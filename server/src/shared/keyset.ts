/** Keyset position: newest first by (createdAt, id), stable under inserts. */
export interface Position { at: Date; id: string }
/** A page as repositories read it: how many rows, after which position. */
export interface Page { take: number; after?: Position }

/** The Prisma `where` fragment for rows after a position, newest first. */
export function afterPosition(after: Position | undefined, field = 'createdAt') {
  if (!after) return {};
  return { OR: [{ [field]: { lt: after.at } }, { [field]: after.at, id: { lt: after.id } }] };
}

/** The Prisma `orderBy` of a newest-first keyset page. */
export const newestFirst = (field = 'createdAt') => [{ [field]: 'desc' as const }, { id: 'desc' as const }];
