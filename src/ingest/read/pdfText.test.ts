import {
  beginText,
  endText,
  moveText,
  PDFDocument,
  PDFHexString,
  PDFName,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  StandardFonts,
  setFontAndSize,
  showText,
} from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { normalisePdfText, pdfToText, withoutRunningLines } from './pdfText.ts';

/** Text drawn at a position (PDF units, origin bottom-left, y the baseline) on a US Letter page. */
interface Draw {
  text: string;
  x: number;
  y: number;
  size?: number;
  bold?: boolean;
}

/** Writes a real PDF with a text layer (pdf-lib, standard Helvetica), one array of draws per page. */
async function makePdf(pages: Draw[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  for (const draws of pages) {
    const page = doc.addPage([612, 792]);
    for (const d of draws)
      page.drawText(d.text, { x: d.x, y: d.y, size: d.size ?? 10, font: d.bold ? bold : font });
  }
  return doc.save();
}

/** Lines at x, from y down, `step` apart; an empty string skips a line. */
function column(x: number, top: number, lines: string[], step = 14, size = 10): Draw[] {
  return lines.flatMap((text, i) => (text ? [{ text, x, y: top - i * step, size }] : []));
}

async function textOf(bytes: Uint8Array): Promise<string> {
  const r = await pdfToText(bytes);
  if ('error' in r) throw new Error(r.error);
  return r.text;
}

describe('pdfToText: layout', () => {
  it('reads a one-column résumé line by line, with wide gaps before right-aligned dates', async () => {
    const pdf = await makePdf([
      [
        { text: 'Ana Example', x: 50, y: 740, size: 20, bold: true },
        { text: 'ana.example@example.com  |  Seattle, WA', x: 50, y: 718 },
        { text: 'Experience', x: 50, y: 680, size: 13, bold: true },
        { text: 'Senior Software Engineer, Contoso', x: 50, y: 660, bold: true },
        { text: '2019 – Present', x: 490, y: 660 },
        ...column(50, 646, [
          '• Led the payments platform in Go and Kafka and cut the checkout latency by forty percent.',
          '• Built the refunds workflow on PostgreSQL.',
        ]),
        { text: 'Software Engineer, Fabrikam', x: 50, y: 600, bold: true },
        { text: 'Mar 2015 – Dec 2018', x: 466, y: 600 },
        ...column(50, 586, [
          '• Wrote TypeScript services behind the fulfilment API for the warehouse teams.',
        ]),
      ],
    ]);
    expect((await textOf(pdf)).split('\n')).toEqual([
      'Ana Example',
      'ana.example@example.com | Seattle, WA',
      '',
      'Experience',
      'Senior Software Engineer, Contoso   2019 – Present',
      '• Led the payments platform in Go and Kafka and cut the checkout latency by forty percent.',
      '• Built the refunds workflow on PostgreSQL.',
      '',
      'Software Engineer, Fabrikam   Mar 2015 – Dec 2018',
      '• Wrote TypeScript services behind the fulfilment API for the warehouse teams.',
    ]);
  });

  it('reads a two-column résumé one column after the other: header, side column, main column', async () => {
    const side = column(40, 700, [
      'Contact',
      'ana.example@example.com',
      '+1 555 0100',
      'Seattle, WA',
      '',
      'Skills',
      'TypeScript, Go, Kafka',
      'PostgreSQL, Java',
      '',
      'Education',
      'BSc Computer Science',
      'University of Washington',
      '2008 – 2012',
    ]);
    const main = column(220, 700, [
      'Experience',
      'Senior Software Engineer, Contoso',
      'Seattle, WA   2019 – Present',
      '• Led the payments platform in Go and Kafka;',
      'cut checkout latency by 40%.',
      '',
      'Software Engineer, Fabrikam',
      'Portland, OR   Mar 2015 – Dec 2018',
      '• Wrote TypeScript services behind the fulfilment API.',
    ]);
    const pdf = await makePdf([
      [{ text: 'Ana Example', x: 40, y: 745, size: 22, bold: true }, ...side, ...main],
    ]);
    const text = await textOf(pdf);
    const lines = text.split('\n').filter(Boolean);
    expect(lines[0]).toBe('Ana Example');
    // Every side-column line comes before every main-column line, each column in its own order.
    expect(lines.slice(1, 12)).toEqual([
      'Contact',
      'ana.example@example.com',
      '+1 555 0100',
      'Seattle, WA',
      'Skills',
      'TypeScript, Go, Kafka',
      'PostgreSQL, Java',
      'Education',
      'BSc Computer Science',
      'University of Washington',
      '2008 – 2012',
    ]);
    expect(lines.slice(12)).toEqual([
      'Experience',
      'Senior Software Engineer, Contoso',
      'Seattle, WA 2019 – Present',
      '• Led the payments platform in Go and Kafka;',
      'cut checkout latency by 40%.',
      'Software Engineer, Fabrikam',
      'Portland, OR Mar 2015 – Dec 2018',
      '• Wrote TypeScript services behind the fulfilment API.',
    ]);
  });

  it('reads a main column with a side column on the right, and two balanced columns', async () => {
    const sidebarRight = await makePdf([
      [
        ...column(50, 740, [
          'Ana Example',
          'Experience',
          'Senior Software Engineer, Contoso, 2019 – Present',
          'Led the payments platform in Go and Kafka.',
          'Software Engineer, Fabrikam, 2015 – 2018',
          'Wrote TypeScript services.',
        ]),
        ...column(430, 740, ['Contact', 'ana@example.com', 'Skills', 'Go, Kafka, TypeScript']),
      ],
    ]);
    const a = (await textOf(sidebarRight)).split('\n').filter(Boolean);
    expect(a.indexOf('Wrote TypeScript services.')).toBeLessThan(a.indexOf('Contact'));
    expect(a.slice(-4)).toEqual(['Contact', 'ana@example.com', 'Skills', 'Go, Kafka, TypeScript']);

    const left = ['Alpha one', 'Alpha two', 'Alpha three', 'Alpha four', 'Alpha five'];
    const right = ['Beta one', 'Beta two', 'Beta three', 'Beta four', 'Beta five'];
    const balanced = await makePdf([[...column(50, 700, left), ...column(320, 700, right)]]);
    expect((await textOf(balanced)).split('\n').filter(Boolean)).toEqual([...left, ...right]);
  });

  it('joins a sentence or heading that the column width wrapped, and nothing else', async () => {
    const pdf = await makePdf([
      [
        ...column(50, 740, [
          'Ana Example',
          'Experience',
          'Senior Engineer, Woodgrove Bank (retail and',
          'business banking)',
          '2019 – Present',
          'Leads four teams of engineers across routing and',
          'billing in Go.',
          'Engineer, Contoso',
          '2015 – 2018',
          '• Wrote TypeScript services for the billing team at',
          '• Kept the lights on.',
        ]),
        ...column(400, 740, ['Contact', 'ana@example.com', 'Skills', 'Go, Kafka, TypeScript']),
      ],
    ]);
    const lines = (await textOf(pdf)).split('\n').filter(Boolean);
    expect(lines.slice(0, 9)).toEqual([
      'Ana Example',
      'Experience',
      'Senior Engineer, Woodgrove Bank (retail and business banking)',
      '2019 – Present',
      'Leads four teams of engineers across routing and billing in Go.',
      'Engineer, Contoso',
      '2015 – 2018',
      '• Wrote TypeScript services for the billing team at',
      '• Kept the lights on.',
    ]);
  });

  it('finds a narrow gutter beside a sidebar even with a page number far to the right', async () => {
    const pdf = await makePdf([
      [
        ...column(28, 740, [
          'Contact',
          'www.example.com/in/ana-example-x',
          'Top Skills',
          'Go',
          'Kafka',
          'Languages',
        ]),
        ...column(196, 740, [
          'Ana Example',
          'Experience',
          'Contoso',
          'Senior Engineer',
          'March 2020 - Present',
          'Built the payments platform.',
        ]),
        { text: 'Page 1 of 1', x: 500, y: 40 },
      ],
    ]);
    const lines = (await textOf(pdf)).split('\n').filter(Boolean);
    expect(lines.slice(0, 6)).toEqual([
      'Contact',
      'www.example.com/in/ana-example-x',
      'Top Skills',
      'Go',
      'Kafka',
      'Languages',
    ]);
    expect(lines.slice(6, 12)).toEqual([
      'Ana Example',
      'Experience',
      'Contoso',
      'Senior Engineer',
      'March 2020 - Present',
      'Built the payments platform.',
    ]);
  });

  it('keeps one column when only dates stand apart (a date column, or dates at the right margin)', async () => {
    const dateColumn = await makePdf([
      [
        ...column(50, 700, ['2019 – Present', '', '', 'Mar 2015 – Dec 2018', '', '', '2012 – 2015']),
        ...column(170, 700, [
          'Senior Software Engineer, Contoso',
          'Payments platform',
          '',
          'Software Engineer, Fabrikam',
          'Fulfilment API',
          '',
          'Junior Developer, Northwind Traders',
        ]),
      ],
    ]);
    expect((await textOf(dateColumn)).split('\n').filter(Boolean)).toEqual([
      '2019 – Present   Senior Software Engineer, Contoso',
      'Payments platform',
      'Mar 2015 – Dec 2018   Software Engineer, Fabrikam',
      'Fulfilment API',
      '2012 – 2015   Junior Developer, Northwind Traders',
    ]);

    const rightDates = await makePdf([
      [
        ...column(50, 700, [
          'Engineer, Contoso',
          'Seattle',
          'Developer, Fabrikam',
          'Portland',
          'Intern, Litware',
        ]),
        ...column(480, 700, ['2019 – 2024', '', '2015 – 2019', '', '2014']),
      ],
    ]);
    expect((await textOf(rightDates)).split('\n').filter(Boolean)).toEqual([
      'Engineer, Contoso   2019 – 2024',
      'Seattle',
      'Developer, Fabrikam   2015 – 2019',
      'Portland',
      'Intern, Litware   2014',
    ]);
  });

  it('reads pages in order, each top to bottom', async () => {
    const pdf = await makePdf([
      column(50, 700, ['Page one, first', 'Page one, second']),
      column(50, 700, ['Page two']),
    ]);
    expect((await textOf(pdf)).split('\n').filter(Boolean)).toEqual([
      'Page one, first',
      'Page one, second',
      'Page two',
    ]);
  });

  it('turns ligature glyphs into letters and bullet glyphs (private-use too) into "• "', async () => {
    // A font whose encoding maps codes to the ligature glyphs and a Symbol-font bullet (U+F0B7), as
    // Word and LaTeX exports do: the text layer then carries ﬃ, ﬂ, ﬁ and the private-use bullet.
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    const ctx = doc.context;
    const font = ctx.register(
      ctx.obj({
        Type: 'Font',
        Subtype: 'Type1',
        BaseFont: 'Helvetica',
        Encoding: ctx.obj({
          Type: 'Encoding',
          BaseEncoding: 'WinAnsiEncoding',
          Differences: [128, 'fi', 'fl', 'ffi', 'uniF0B7'],
        }),
      }),
    );
    page.node.setFontDictionary(PDFName.of('FLig'), font);
    const codes: Record<string, number> = { ﬁ: 0x80, ﬂ: 0x81, ﬃ: 0x82, '\uF0B7': 0x83 };
    const encode = (s: string) =>
      PDFHexString.of(
        [...s].map((c) => (codes[c] ?? c.charCodeAt(0)).toString(16).padStart(2, '0')).join(''),
      );
    const line = (y: number, s: string) => [
      beginText(),
      setFontAndSize('FLig', 11),
      moveText(50, y),
      showText(encode(s)),
      endText(),
    ];
    page.pushOperators(
      pushGraphicsState(),
      ...line(700, 'An eﬃcient workﬂow for ﬁles'),
      ...line(686, '\uF0B7 Oﬃce automation'),
      ...line(672, '\uF0B7Proﬁling'),
      popGraphicsState(),
    );
    expect(await textOf(await doc.save())).toBe(
      'An efficient workflow for files\n• Office automation\n• Profiling',
    );
  });
});

describe('pdfToText: errors as values', () => {
  it('says a PDF without text (an image, a drawn page) has no text layer', async () => {
    const doc = await PDFDocument.create();
    const page = doc.addPage([612, 792]);
    page.drawRectangle({ x: 50, y: 50, width: 500, height: 690, color: rgb(0.85, 0.85, 0.85) });
    page.drawCircle({ x: 300, y: 400, size: 80, color: rgb(0.2, 0.2, 0.2) });
    expect(await pdfToText(await doc.save())).toEqual({
      error: 'the PDF has no text layer (a scan?); run it through OCR first',
    });
  });

  it('says an encrypted PDF is encrypted', async () => {
    // A standard security handler whose user password is not empty: readers must ask for a password.
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage().drawText('Ana Example', { x: 50, y: 700, font });
    const ctx = doc.context;
    ctx.trailerInfo.Encrypt = ctx.register(
      ctx.obj({
        Filter: 'Standard',
        V: 1,
        R: 2,
        O: PDFHexString.of('5a'.repeat(32)),
        U: PDFHexString.of('c3'.repeat(32)),
        P: -4,
      }),
    );
    const id = PDFHexString.of('0123456789abcdef'.repeat(2));
    ctx.trailerInfo.ID = ctx.obj([id, id]);
    expect(await pdfToText(await doc.save({ useObjectStreams: false }))).toEqual({
      error: expect.stringMatching(/^the PDF is encrypted/),
    });
  });

  it('says a corrupt PDF cannot be read, with a short reason', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect(await pdfToText(random)).toEqual({ error: 'the PDF cannot be read: invalid PDF structure' });
    const good = await makePdf([column(50, 700, ['Ana Example'])]);
    const truncated = good.subarray(0, Math.floor(good.length / 2));
    expect(await pdfToText(truncated)).toEqual({
      error: expect.stringMatching(/^the PDF cannot be read: .+/),
    });
  });

  it('refuses a PDF over the page limit, naming the limit (20 by default, configurable)', async () => {
    const pages = Array.from({ length: 21 }, (_, i) => column(50, 700, [`Page ${i + 1}`]));
    const pdf = await makePdf(pages);
    expect(await pdfToText(pdf)).toEqual({
      error: 'the PDF has 21 pages, over the limit of 20 (CAREERGRAPH_MAX_PDF_PAGES)',
    });
    expect(await pdfToText(pdf, { maxPages: 25 })).toEqual({ text: expect.stringContaining('Page 21') });
    expect(await pdfToText(pdf, { maxPages: 3 })).toEqual({
      error: 'the PDF has 21 pages, over the limit of 3 (CAREERGRAPH_MAX_PDF_PAGES)',
    });
  });

  it('leaves the caller’s bytes as they were (pdf.js detaches what it is given)', async () => {
    const pdf = await makePdf([column(50, 700, ['Ana Example'])]);
    const length = pdf.byteLength;
    await pdfToText(pdf);
    expect(pdf.byteLength).toBe(length);
    expect(await pdfToText(Buffer.from(pdf))).toEqual({ text: 'Ana Example' });
  });
});

describe('normalisePdfText', () => {
  it('replaces ligatures, soft hyphens, odd spaces and zero-width characters', () => {
    expect(normalisePdfText('ﬁne ﬂow oﬀ eﬃcient baﬄe')).toBe('fine flow off efficient baffle');
    expect(normalisePdfText('a distrib\u00ADuted system, engi\u00AD\nneering')).toBe(
      'a distributed system, engineering',
    );
    expect(normalisePdfText('Seattle,\u00A0WA\u202F98101 zero\u200Bwidth')).toBe(
      'Seattle, WA 98101 zerowidth',
    );
  });

  it('turns bullet glyphs at the start of a line into "• ", and private-use icons elsewhere into separators', () => {
    expect(normalisePdfText('●Go\n▪ Rust\n  \uF0B7 Kafka\n\uF0A7 Java\n• Done\n\uE900 ana@example.com')).toBe(
      '• Go\n• Rust\n  • Kafka\n• Java\n• Done\n• ana@example.com',
    );
    expect(normalisePdfText('Go \uF0B7 Rust\uF0B7Kafka')).toBe('Go • Rust • Kafka');
  });

  it('keeps at most one blank line and drops trailing spaces', () => {
    expect(normalisePdfText('a  \n\n\n\nb')).toBe('a\n\nb');
  });
});

describe('withoutRunningLines', () => {
  it('drops a footer or header every page repeats, page numbers aside', () => {
    const pages = [
      'Ana Example\nExperience\nAna Example — CV — 1/2',
      'Contoso\n2019 – 2021\nAna Example — CV — 2/2',
    ];
    expect(withoutRunningLines(pages)).toEqual(['Ana Example\nExperience', 'Contoso\n2019 – 2021']);
  });

  it('keeps lines that differ from page to page, and one-page documents whole', () => {
    const pages = ['Ana Example\nExperience', 'Contoso\n2019 – 2021'];
    expect(withoutRunningLines(pages)).toEqual(pages);
    expect(withoutRunningLines(['Ana Example\nPage 1'])).toEqual(['Ana Example\nPage 1']);
  });
});
