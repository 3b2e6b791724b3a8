import type { NextRequest } from 'next/server';
import { forward } from '@/lib/server/forward';

export const dynamic = 'force-dynamic';
/** A document the office generated for a pratica (the outcome letter): the server checks it is the visitor's. */
export const GET = async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) =>
  forward(req, `/documents/${encodeURIComponent((await ctx.params).id)}`);
