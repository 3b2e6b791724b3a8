import { PDFDocument, StandardFonts, type PDFFont } from 'pdf-lib';

export interface Letter { enteName: string; title: string; body: string; praticaCode: string; date: string; at: Date; language: string }

const PAGE: [number, number] = [595.28, 841.89]; // A4
const MARGIN = 64;
const SIZE = 11;
const LEADING = 15;

/** The characters the standard font can draw (WinAnsi); others become "?" (a lone surrogate, an emoji). */
function drawable(font: PDFFont, text: string): string {
  const set = new Set(font.getCharacterSet());
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n')) out += ch === '\n' || set.has(ch.codePointAt(0)!) ? ch : '?';
  return out;
}

/** Lines of at most `width` points: words kept whole unless one alone is wider. */
function wrap(font: PDFFont, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, SIZE) <= width) { line = next; continue; }
      if (line) lines.push(line);
      line = word;
      while (font.widthOfTextAtSize(line, SIZE) > width) {
        let cut = line.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), SIZE) > width) cut--;
        lines.push(line.slice(0, cut));
        line = line.slice(cut);
      }
    }
    lines.push(line);
  }
  return lines;
}

/**
 * The outcome letter as PDF: the Ente, the pratica's code and date, the title and the rendered
 * text, over as many A4 pages as it needs. Deterministic (dates from the transition, no random
 * id), so a delivery that is repeated produces the same bytes and the same SHA-256.
 */
export async function outcomeLetterPdf(letter: Letter): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  pdf.setTitle(drawable(font, letter.title));
  pdf.setAuthor(drawable(font, letter.enteName));
  pdf.setLanguage(letter.language);
  pdf.setCreator('Sportello');
  pdf.setProducer('Sportello (pdf-lib)');
  pdf.setCreationDate(letter.at);
  pdf.setModificationDate(letter.at);
  const width = PAGE[0] - 2 * MARGIN;
  let page = pdf.addPage(PAGE);
  let y = PAGE[1] - MARGIN;
  const write = (text: string, f: PDFFont, size = SIZE) => {
    for (const line of wrap(f, drawable(f, text), width)) {
      if (y < MARGIN) { page = pdf.addPage(PAGE); y = PAGE[1] - MARGIN; }
      page.drawText(line, { x: MARGIN, y, size, font: f });
      y -= LEADING;
    }
  };
  write(letter.enteName, bold, 13);
  write(`${letter.praticaCode} - ${letter.date}`, font);
  y -= LEADING;
  write(letter.title, bold, 12);
  y -= LEADING / 2;
  write(letter.body, font);
  return pdf.save({ useObjectStreams: false });
}
