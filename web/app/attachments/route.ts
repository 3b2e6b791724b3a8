import type { NextRequest } from 'next/server';
import { forward } from '@/lib/server/forward';

export const dynamic = 'force-dynamic';
/** Uploads stream through to the server, which checks type and size (limits come from the definition). */
export const PUT = (req: NextRequest) => forward(req, '/attachments');
