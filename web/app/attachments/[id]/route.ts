import type { NextRequest } from 'next/server';
import { forward } from '@/lib/server/forward';

export const dynamic = 'force-dynamic';
export const GET = async (req: NextRequest, ctx: { params: Promise<{ id: string }> }) =>
  forward(req, `/attachments/${encodeURIComponent((await ctx.params).id)}`);
