import type { NextRequest } from 'next/server';
import { forward } from '@/lib/server/forward';

export const dynamic = 'force-dynamic';
export const GET = (req: NextRequest) => forward(req, '/graphql');
export const POST = (req: NextRequest) => forward(req, '/graphql');
