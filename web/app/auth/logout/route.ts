import { NextResponse, type NextRequest } from 'next/server';
import { clearSessionCookie, safeBack, redirectTo } from '@/lib/server/session';

export async function POST(req: NextRequest): Promise<NextResponse> {
  const form = await req.formData().catch(() => null);
  const res = redirectTo(safeBack(String(form?.get('back') ?? '/')));
  clearSessionCookie(res);
  return res;
}
