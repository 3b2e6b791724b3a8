import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  codiceFiscaleCheckChar,
  decodeCodiceFiscale,
  isCap,
  isCodiceFiscale,
  isIban,
  isPartitaIva,
  isTelefonoItaliano,
  italianFormats,
  partitaIvaCheckDigit,
} from './index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const OMOCODIA = 'LMNPQRSTUV';

describe('codice fiscale', () => {
  it('accepts the published example RSSMRA85T10A562S', () => {
    expect(codiceFiscaleCheckChar('RSSMRA85T10A562')).toBe('S');
    expect(isCodiceFiscale('RSSMRA85T10A562S')).toBe(true);
  });

  it('accepts other codes computed by hand with the DM 23/12/1976 tables', () => {
    expect(isCodiceFiscale('BNCLRA80A41F205G')).toBe(true); // woman, day 1 + 40
    expect(isCodiceFiscale('VRDGPP13R10B293P')).toBe(true);
  });

  it('accepts lowercase input, rejects spaces and other lengths', () => {
    expect(isCodiceFiscale('rssmra85t10a562s')).toBe(true);
    expect(isCodiceFiscale('RSSMRA85 T10A562S')).toBe(false);
    expect(isCodiceFiscale(' RSSMRA85T10A562S')).toBe(false);
    expect(isCodiceFiscale('RSSMRA85T10A562')).toBe(false);
    expect(isCodiceFiscale('RSSMRA85T10A562SS')).toBe(false);
    expect(isCodiceFiscale('')).toBe(false);
  });

  it('rejects a wrong check letter', () => {
    expect(isCodiceFiscale('RSSMRA85T10A562T')).toBe(false);
  });

  it('rejects a month letter outside ABCDEHLMPRST, with a matching check char', () => {
    const first15 = 'RSSMRA85F10A562';
    expect(isCodiceFiscale(first15 + codiceFiscaleCheckChar(first15))).toBe(false);
  });

  it('rejects days 00, 32-40 and 72+, with a matching check char', () => {
    for (const day of ['00', '32', '40', '72', '99']) {
      const first15 = `RSSMRA85T${day}A562`;
      expect(isCodiceFiscale(first15 + codiceFiscaleCheckChar(first15))).toBe(false);
    }
  });

  it('rejects letters where digits belong other than the omocodia ones', () => {
    const first15 = 'RSSMRA85T10A56A'; // A is not an omocodia letter
    expect(isCodiceFiscale(first15 + codiceFiscaleCheckChar(first15))).toBe(false);
  });

  it('accepts omocodic variants only with their recomputed check char', () => {
    expect(isCodiceFiscale('RSSMRA85T10A56NH')).toBe(true); // 2 -> N at position 15
    expect(isCodiceFiscale('RSSMRA85T10A56NS')).toBe(false); // original check kept
    expect(isCodiceFiscale('RSSMRAURTMLARSNL')).toBe(true); // all seven positions
    expect(isCodiceFiscale('RSSMRA85T10A5S2E')).toBe(true); // position 14 only
  });

  it('decodes birth data, undoing omocodia', () => {
    const expected = { birthYear2: 85, month: 12, day: 10, female: false, belfiore: 'A562' };
    expect(decodeCodiceFiscale('RSSMRA85T10A562S')).toEqual(expected);
    expect(decodeCodiceFiscale('RSSMRAURTMLARSNL')).toEqual(expected);
    expect(decodeCodiceFiscale('BNCLRA80A41F205G')).toEqual({
      birthYear2: 80, month: 1, day: 1, female: true, belfiore: 'F205',
    });
    expect(decodeCodiceFiscale('RSSMRA85T10A562T')).toBeNull();
  });

  it('accepts the 11-digit code of legal persons with the partita IVA check', () => {
    expect(isCodiceFiscale('00743110157')).toBe(true);
    expect(isCodiceFiscale('00743110158')).toBe(false);
  });

  it('property: the computed check char validates, any other letter does not', () => {
    const digitOrOmocode = fc.oneof(
      fc.integer({ min: 0, max: 9 }).map(String),
      fc.constantFrom(...OMOCODIA.split('')),
    );
    const omocode = (digits: string, mask: boolean[]) =>
      digits.split('').map((d, i) => (mask[i] ? OMOCODIA[Number(d)] : d)).join('');
    const prefix = fc
      .record({
        names: fc.string({ unit: fc.constantFrom(...LETTERS.split('')), minLength: 6, maxLength: 6 }),
        year: fc.integer({ min: 0, max: 99 }),
        month: fc.constantFrom(...'ABCDEHLMPRST'.split('')),
        day: fc.integer({ min: 1, max: 31 }),
        female: fc.boolean(),
        place: fc.constantFrom(...LETTERS.split('')),
        placeDigits: fc.tuple(digitOrOmocode, digitOrOmocode, digitOrOmocode),
        mask: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
      })
      .map(({ names, year, month, day, female, place, placeDigits, mask }) => {
        const yy = omocode(String(year).padStart(2, '0'), mask.slice(0, 2));
        const dd = omocode(String(female ? day + 40 : day).padStart(2, '0'), mask.slice(2, 4));
        return `${names}${yy}${month}${dd}${place}${placeDigits.join('')}`;
      });
    fc.assert(
      fc.property(prefix, fc.constantFrom(...LETTERS.split('')), (first15, other) => {
        const check = codiceFiscaleCheckChar(first15);
        expect(isCodiceFiscale(first15 + check)).toBe(true);
        expect(isCodiceFiscale((first15 + check).toLowerCase())).toBe(true);
        if (other !== check) expect(isCodiceFiscale(first15 + other)).toBe(false);
      }),
    );
  });
});

describe('partita IVA', () => {
  it('accepts known valid numbers', () => {
    for (const piva of ['00743110157', '06363391001', '01114601006']) expect(isPartitaIva(piva)).toBe(true);
    expect(partitaIvaCheckDigit('0074311015')).toBe('7');
  });

  it('rejects wrong check digits, all zeros, other lengths and non-digits', () => {
    expect(isPartitaIva('00743110150')).toBe(false);
    expect(isPartitaIva('06363391002')).toBe(false);
    expect(isPartitaIva('00000000000')).toBe(false);
    expect(isPartitaIva('0074311015')).toBe(false);
    expect(isPartitaIva('007431101570')).toBe(false);
    expect(isPartitaIva('0074311015A')).toBe(false);
    expect(isPartitaIva('IT00743110157')).toBe(false);
  });

  it('catches every single-digit change (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (pos, delta) => {
        const digits = '00743110157'.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(isPartitaIva(digits.join(''))).toBe(false);
      }),
    );
  });
});

describe('IBAN', () => {
  it('accepts the registry examples for IT, SM, DE and GB', () => {
    for (const iban of [
      'IT60X0542811101000000123456',
      'SM86U0322509800000000270100',
      'DE89370400440532013000',
      'GB29NWBK60161331926819',
    ]) expect(isIban(iban)).toBe(true);
  });

  it('accepts lowercase and the paper format in groups of 4', () => {
    expect(isIban('it60x0542811101000000123456')).toBe(true);
    expect(isIban('IT60 X054 2811 1010 0000 0123 456')).toBe(true);
    expect(isIban('DE89 3704 0044 0532 0130 00')).toBe(true);
  });

  it('rejects spaces other than groups of 4', () => {
    expect(isIban('IT60X 0542811101000000123456')).toBe(false);
    expect(isIban('IT60  X054 2811 1010 0000 0123 456')).toBe(false);
    expect(isIban('IT60 X054 2811 1010 0000 0123 456 ')).toBe(false);
    expect(isIban('IT60-X054-2811-1010-0000-0123-456')).toBe(false);
  });

  it('rejects wrong check digits and wrong lengths', () => {
    expect(isIban('IT61X0542811101000000123456')).toBe(false);
    expect(isIban('DE88370400440532013000')).toBe(false);
    expect(isIban('GB29NWBK60161331926818')).toBe(false);
    expect(isIban('IT60X054281110100000012345')).toBe(false);
    expect(isIban('DE8937040044053201300')).toBe(false);
    expect(isIban('')).toBe(false);
  });

  it('rejects an Italian IBAN whose CIN is wrong even when mod 97 holds', () => {
    // Check digits 65 were recomputed for CIN "A", so only the CIN check can catch it.
    expect(isIban('IT65A0542811101000000123456')).toBe(false);
  });

  it('rejects an Italian IBAN with letters in ABI or CAB', () => {
    expect(isIban('IT60X05428111O1000000123456')).toBe(false);
  });
});

describe('CAP', () => {
  it('accepts the 00010-98168 range', () => {
    for (const cap of ['00010', '00184', '20121', '80100', '98168']) expect(isCap(cap)).toBe(true);
  });

  it('rejects 00000-00009, above 98168, other lengths and non-digits', () => {
    for (const cap of ['00000', '00009', '98169', '99999', '0184', '001840', '2012A', ' 20121']) {
      expect(isCap(cap)).toBe(false);
    }
  });
});

describe('telefono', () => {
  it('accepts mobiles and landlines with or without +39/0039 and separators', () => {
    for (const tel of [
      '3331234567',
      '333 123 4567',
      '333-123-4567',
      '333.123.4567',
      '+393331234567',
      '+39 333 1234567',
      '0039 333 1234567',
      '00393331234567',
      '333123456', // 9-digit mobile
      '061234567',
      '06 1234 5678',
      '+39 06 12345678',
      '0471 123456',
      '012345', // 6 digits, the shortest landline
      '01234567890', // 11 digits
    ]) expect(isTelefonoItaliano(tel), tel).toBe(true);
  });

  it('rejects bad separators, lengths, foreign and special numbers', () => {
    for (const tel of [
      '',
      ' 3331234567',
      '3331234567 ',
      '333  1234567',
      '333 -1234567',
      '-3331234567',
      '(06) 1234567',
      '+39',
      '+ 39 3331234567',
      '+41 79 123 45 67', // Swiss
      '+4915112345678',
      '33312345', // mobile too short
      '33312345678', // mobile too long
      '01234', // landline too short
      '012345678901', // landline too long
      '0012345678',
      '800123456', // toll-free
      '899123456', // premium
      '1234567',
      '333123456a',
    ]) expect(isTelefonoItaliano(tel), tel).toBe(false);
  });
});

describe('italianFormats', () => {
  it('maps each format name to its validator', () => {
    expect(Object.keys(italianFormats).sort()).toEqual(['cap', 'codice-fiscale', 'iban', 'partita-iva', 'telefono']);
    expect(italianFormats['codice-fiscale']('RSSMRA85T10A562S')).toBe(true);
    expect(italianFormats.iban('IT60X0542811101000000123456')).toBe(true);
  });
});
