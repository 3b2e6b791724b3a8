import { NextResponse, type NextRequest } from 'next/server';
import { LANG_COOKIE } from '@/lib/server/config';
import { platformLanguages } from '@/lib/server/i18n';
import { safeBack, redirectTo } from '@/lib/server/session';

/** The language switcher posts here (works without JavaScript too). */
export async function POST(req: NextRequest): Promise<NextResponse> {
  const form = await req.formData();
  const lang = String(form.get('lang') ?? '');
  const res = redirectTo(safeBack(String(form.get('back') ?? '/')));
  if (platformLanguages().includes(lang)) res.cookies.set(LANG_COOKIE, lang, { sameSite: 'lax', path: '/', maxAge: 365 * 86400 });
  return res;
}
