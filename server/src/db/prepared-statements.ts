import { createHash } from 'node:crypto';

/**
 * The comment that opts a statement into being kept prepared (see `preparedName`); put first by
 * shared/prisma.ts's `prepared`.
 */
export const PREPARED_MARK = '/* prepared */';

const names = new Map<string, string>();
/** A marked statement whose text varies would leave a new prepared statement on every connection each time: past this many texts, no more are named. */
const MAX_NAMES = 100;

/**
 * The name under which node-postgres prepares a statement once per connection and reuses it
 * (PrismaPg's statementNameGenerator), for the statements marked PREPARED_MARK only: the few hot
 * ones of fixed text, whose planning costs PostgreSQL more than running them (a transition's
 * read: 1.2 ms of planning, 0.16 ms prepared). Not every statement: each distinct text stays
 * prepared on its connection for good, and Prisma's own texts vary (IN lists, filters).
 * Named by the text's hash: two texts never share a name. PGlite has no such cache (the mark is then only a comment).
 */
export function preparedName(query: { sql: string }): string {
  if (!query.sql.startsWith(PREPARED_MARK)) return ''; // node-postgres's unnamed statement: parsed and planned each time
  let name = names.get(query.sql);
  if (!name) {
    if (names.size >= MAX_NAMES) return '';
    name = `p_${createHash('sha1').update(query.sql).digest('hex').slice(0, 20)}`;
    names.set(query.sql, name);
  }
  return name;
}
