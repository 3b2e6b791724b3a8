import { NextResponse, type NextRequest } from 'next/server';
import { PDFDocument, StandardFonts, rgb, type PDFFont } from 'pdf-lib';
import { currentLanguage, translatorFor } from '@/lib/server/i18n';
import { loadReceipt } from '@/lib/server/pratica';

export const dynamic = 'force-dynamic';

// The standard fonts speak WinAnsi: letters outside it become "?" instead of failing the whole PDF.
const winAnsi = (s: string) => s.normalize('NFC').replace(/[^\x20-\x7E\xA0-\xFF€’‘“”–—…•]/g, '?');

function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) { out.push(line); line = word; } else line = next;
  }
  if (line) out.push(line);
  return out;
}

/** The receipt as PDF (pdf-lib, built-in fonts): code, protocol, date and time, answers, in the citizen's language. */
export async function GET(_req: NextRequest, ctx: { params: Promise<{ ente: string; id: string }> }): Promise<NextResponse> {
  const { ente, id } = await ctx.params;
  const language = await currentLanguage();
  const t = translatorFor(language);
  const receipt = await loadReceipt(ente, id, language, [t('wizard.yes'), t('wizard.no')]);
  if (!receipt) return NextResponse.json({ error: 'not found' }, { status: 404 });
  const p = receipt.pratica;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${t('receipt.pdfTitle')} ${p.code}`);
  pdf.setLanguage(language);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  let page = pdf.addPage([595, 842]);
  let y = 800;
  const line = (text: string, f = font, size = 10, indent = 0) => {
    for (const l of wrap(winAnsi(text), f, size, 515 - indent)) {
      if (y < 50) { page = pdf.addPage([595, 842]); y = 800; }
      page.drawText(l, { x: 40 + indent, y, size, font: f, color: rgb(0.1, 0.1, 0.1) });
      y -= size + 4;
    }
  };
  const when = new Date(p.submittedAt).toLocaleString(language, { timeZone: 'Europe/Rome' });
  line(t('receipt.pdfTitle'), bold, 18); y -= 6;
  line(p.serviceTitle, bold, 13); y -= 4;
  line(`${t('receipt.code')}: ${p.code}`, bold, 12);
  line(`${t('receipt.protocol')}: ${p.protocolNumber ?? t('receipt.protocolPending')}`);
  line(`${t('receipt.submittedAt')}: ${when}`);
  if (receipt.me) line(`${receipt.me.givenName} ${receipt.me.familyName} (${receipt.me.fiscalCode ?? ''})`);
  if (p.feeCents !== null && p.feeCents !== undefined) line(`${t('receipt.fee')}: ${(p.feeCents / 100).toLocaleString(language, { style: 'currency', currency: 'EUR' })}`);
  y -= 8;
  line(t('receipt.answers'), bold, 12);
  for (const l of receipt.lines) line(`${l.label}: ${l.value}`, font, 9, 8);
  y -= 8;
  line(t('receipt.pdfGenerated', { date: new Date().toLocaleString(language, { timeZone: 'Europe/Rome' }) }), font, 8);
  const bytes = await pdf.save();
  return new NextResponse(Buffer.from(bytes), {
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="ricevuta-${p.code}.pdf"`,
      'cache-control': 'private, no-store',
    },
  });
}
