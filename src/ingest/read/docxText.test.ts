import { crc32, deflateRawSync } from 'node:zlib';
import {
  Document,
  ExternalHyperlink,
  Header,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx';
import { describe, expect, it } from 'vitest';
import { docxToText, htmlToText, readZipDirectory } from './docxText.ts';

interface ZipInput {
  name: string;
  data: Uint8Array;
  /** The uncompressed size written in the headers, when it should lie. */
  declaredSize?: number;
  /** Declare the size in a zip64 extra field instead (the 32-bit field then says 0xffffffff). */
  zip64Size?: number;
}

/** Writes a zip archive by hand (deflate from node:zlib), so tests can make archives that lie. */
function makeZip(entries: ZipInput[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = deflateRawSync(e.data);
    const size = e.zip64Size !== undefined ? 0xffffffff : (e.declaredSize ?? e.data.length);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(e.data), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.zip64Size !== undefined ? 0xffffffff : size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, data);
    const extra = Buffer.alloc(e.zip64Size !== undefined ? 12 : 0);
    if (e.zip64Size !== undefined) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8, 2);
      extra.writeBigUInt64LE(BigInt(e.zip64Size), 4);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(45, 4);
    central.writeUInt16LE(45, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(e.data), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function makeDocx(children: (Paragraph | Table)[]): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(new Document({ sections: [{ children }] })));
}

const cell = (...paragraphs: string[]) =>
  new TableCell({ children: paragraphs.map((p) => new Paragraph(p)) });

describe('docxToText', () => {
  it('reads the page header first, where templates put the name and contact line', async () => {
    const header = new Header({
      children: [new Paragraph('Ingrid Example'), new Paragraph('Oslo, Norway · ingrid@example.com')],
    });
    const doc = new Document({
      sections: [
        {
          headers: { default: header },
          children: [new Paragraph('Experience'), new Paragraph('Data Scientist, Vipps')],
        },
      ],
    });
    const r = await docxToText(new Uint8Array(await Packer.toBuffer(doc)));
    expect('text' in r && r.text.split('\n')).toEqual([
      'Ingrid Example',
      'Oslo, Norway · ingrid@example.com',
      '',
      'Experience',
      'Data Scientist, Vipps',
    ]);
  });

  it('keeps headings, list items, tables and paragraphs as Markdown-ish lines; bold stays plain', async () => {
    const docx = await makeDocx([
      new Paragraph({ text: 'Ana Example', heading: HeadingLevel.TITLE }),
      new Paragraph({
        children: [
          new TextRun('ana.example@example.com | '),
          new ExternalHyperlink({
            link: 'https://linkedin.com/in/ana-example',
            children: [new TextRun('LinkedIn')],
          }),
        ],
      }),
      new Paragraph({ text: 'Experience', heading: HeadingLevel.HEADING_1 }),
      new Paragraph({ text: 'Contoso', heading: HeadingLevel.HEADING_2 }),
      new Paragraph({
        children: [
          new TextRun({ text: 'Senior Software Engineer', bold: true }),
          new TextRun('\t2019 – Present'),
        ],
      }),
      new Paragraph({ text: 'Led the payments platform in Go & Kafka.', bullet: { level: 0 } }),
      new Paragraph({ text: 'Cut checkout latency by 40%.', bullet: { level: 1 } }),
      new Paragraph({ text: 'Built <refunds> on PostgreSQL.', bullet: { level: 0 } }),
      new Paragraph({ text: 'Skills', heading: HeadingLevel.HEADING_1 }),
      new Table({
        rows: [
          new TableRow({ children: [cell('Languages'), cell('TypeScript, Go')] }),
          new TableRow({ children: [cell('Data'), cell('Kafka, PostgreSQL')] }),
        ],
      }),
      new Paragraph('Education: BSc Computer Science, 2012'),
    ]);
    const r = await docxToText(docx);
    expect(r).toEqual({
      text: [
        '# Ana Example',
        'ana.example@example.com | [LinkedIn](https://linkedin.com/in/ana-example)',
        '# Experience',
        '## Contoso',
        'Senior Software Engineer   2019 – Present',
        '- Led the payments platform in Go & Kafka.',
        '  - Cut checkout latency by 40%.',
        '- Built <refunds> on PostgreSQL.',
        '# Skills',
        'Languages | TypeScript, Go',
        'Data | Kafka, PostgreSQL',
        'Education: BSc Computer Science, 2012',
      ].join('\n'),
    });
  });

  it('reads a layout table (a side column beside the main text) cell by cell', async () => {
    const docx = await makeDocx([
      new Table({
        rows: [
          new TableRow({
            children: [
              cell('Contact', 'ana@example.com', 'Skills', 'Go, Kafka'),
              cell('Experience', 'Senior Software Engineer, Contoso', '2019 – Present'),
            ],
          }),
        ],
      }),
    ]);
    expect(await docxToText(docx)).toEqual({
      text: [
        'Contact',
        'ana@example.com',
        'Skills',
        'Go, Kafka',
        '',
        'Experience',
        'Senior Software Engineer, Contoso',
        '2019 – Present',
      ].join('\n'),
    });
  });

  it('refuses what is not a zip, and a zip that is not a DOCX', async () => {
    expect(await docxToText(new TextEncoder().encode('Ana Example\nEngineer'))).toEqual({
      error: 'the file is not a DOCX (not a zip archive)',
    });
    const odt = makeZip([
      { name: 'mimetype', data: new TextEncoder().encode('application/vnd.oasis.opendocument.text') },
      { name: 'content.xml', data: new TextEncoder().encode('<office:document-content/>') },
    ]);
    expect(await docxToText(odt)).toEqual({ error: expect.stringMatching(/zip archive but not a DOCX/) });
    const docx = await makeDocx([new Paragraph('Ana')]);
    expect(await docxToText(docx.subarray(0, docx.length - 30))).toEqual({
      error: expect.stringMatching(/^the file is not a readable DOCX \(the zip archive is damaged\)/),
    });
  });

  it('refuses a decompression bomb from its declared sizes, before unpacking (50 MB by default)', async () => {
    const bomb = makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(51 * 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(100_000);
    expect(await docxToText(bomb)).toEqual({
      error: 'the DOCX expands to more than 50 MB (CAREERGRAPH_MAX_DOCX_BYTES)',
    });
    // The same limit is configurable.
    const small = makeZip([{ name: 'word/document.xml', data: new Uint8Array(2 * 1024 * 1024) }]);
    expect(await docxToText(small, { maxUncompressedBytes: 1024 * 1024 })).toEqual({
      error: 'the DOCX expands to more than 1 MB (CAREERGRAPH_MAX_DOCX_BYTES)',
    });
    // A zip64 size (5 GB) is read from the extra field.
    const zip64 = makeZip([{ name: 'word/document.xml', data: new Uint8Array(10), zip64Size: 5 * 2 ** 30 }]);
    expect(await docxToText(zip64)).toEqual({
      error: 'the DOCX expands to more than 50 MB (CAREERGRAPH_MAX_DOCX_BYTES)',
    });
  });

  it('stops a bomb that lies about its sizes at the limit while inflating', async () => {
    const liar = makeZip([
      { name: 'word/document.xml', data: new Uint8Array(3 * 1024 * 1024), declaredSize: 1000 },
    ]);
    const directory = readZipDirectory(liar);
    expect(directory).toEqual({ entries: [expect.objectContaining({ uncompressedSize: 1000 })] });
    expect(await docxToText(liar, { maxUncompressedBytes: 1024 * 1024 })).toEqual({
      error: 'the DOCX expands to more than 1 MB (CAREERGRAPH_MAX_DOCX_BYTES)',
    });
  });
});

describe('htmlToText', () => {
  it('handles what mammoth writes: entities, line breaks, ordered lists, links whose label is the address', () => {
    expect(
      htmlToText(
        '<p>R&amp;D &#8211; <em>Contoso</em><br />Seattle</p><ol><li>First</li><li>Second</li></ol>' +
          '<p><a href="https://github.com/ana">github.com/ana</a> <a href="mailto:ana@example.com">ana@example.com</a></p>' +
          '<table><tr><td><p>2020</p></td><td></td><td><p>Title</p></td></tr></table>',
      ),
    ).toBe(
      [
        'R&D – Contoso',
        'Seattle',
        '- First',
        '- Second',
        'github.com/ana ana@example.com',
        '2020 | Title',
      ].join('\n'),
    );
  });
});
