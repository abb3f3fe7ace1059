import { Document, Packer, Paragraph } from 'docx';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodeText } from './decodeText.ts';
import { detectFormat, isPdf } from './detectFormat.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

async function pdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc
    .addPage()
    .drawText('Ana Example', { x: 50, y: 700, font: await doc.embedFont(StandardFonts.Helvetica) });
  return doc.save();
}

async function docx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Ana Example')] }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

// A zip with one stored entry and no word/document.xml (an OpenDocument file, say).
function zipWithout(name: string): Uint8Array {
  const n = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(n.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(n.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + n.length, 12);
  end.writeUInt32LE(30 + n.length, 16);
  return new Uint8Array(Buffer.concat([local, n, central, n, end]));
}

const PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

describe('detectFormat', () => {
  it('trusts magic bytes over the name: a PDF or a DOCX under any name', async () => {
    const p = await pdf();
    const d = await docx();
    expect(detectFormat('cv.pdf', p)).toBe('pdf');
    expect(detectFormat('cv.txt', p)).toBe('pdf');
    expect(detectFormat('cv', p)).toBe('pdf');
    expect(detectFormat('cv.docx', p)).toBe('pdf');
    expect(detectFormat('cv.docx', d)).toBe('docx');
    expect(detectFormat('cv.txt', d)).toBe('docx');
    expect(detectFormat('download', d)).toBe('docx');
  });

  it('finds %PDF- after a little junk, as PDF readers do', async () => {
    const p = await pdf();
    const junk = new Uint8Array([...utf8('\r\n  garbage\n'), ...p]);
    expect(isPdf(junk)).toBe(true);
    expect(detectFormat('cv', junk)).toBe('pdf');
  });

  it('falls back to the extension when the magic bytes say nothing', () => {
    const random = new Uint8Array(512).map((_, i) => (i * 31 + 7) % 256);
    expect(detectFormat('cv.pdf', random)).toBe('pdf');
    expect(detectFormat('cv.docx', random)).toBe('docx');
    expect(detectFormat('cv.md', utf8('Ana Example'))).toBe('markdown');
    expect(detectFormat('cv.MARKDOWN', utf8('Ana Example'))).toBe('markdown');
    expect(detectFormat('cv.txt', utf8('# Ana Example'))).toBe('text');
    expect(detectFormat('resume.json', utf8('{"basics":{}}'))).toBe('json');
  });

  it('sends a zip that is not a DOCX to the DOCX reader only when it is named .docx', () => {
    const odt = zipWithout('content.xml');
    expect(detectFormat('cv.docx', odt)).toBe('docx');
    expect(detectFormat('cv.odt', odt)).toBe('unknown');
    expect(detectFormat('cv.txt', odt)).toBe('unknown');
  });

  it('reads the content when the name says nothing', () => {
    expect(detectFormat('cv', utf8('  {"basics": {"name": "Ana"}}'))).toBe('json');
    expect(detectFormat('cv', utf8('# Ana Example\n\n## Experience'))).toBe('markdown');
    expect(detectFormat('cv', utf8('Ana Example\n**Senior Engineer**'))).toBe('markdown');
    expect(detectFormat('cv', utf8('Ana Example\nSenior Engineer, Contoso'))).toBe('text');
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from('Ana Example', 'utf16le')]);
    expect(detectFormat('cv', utf16)).toBe('text');
    expect(detectFormat('cv.rtf', utf8('{\\rtf1\\ansi Ana Example}'))).toBe('unknown');
    expect(detectFormat('photo', PNG)).toBe('unknown');
  });

  it('leaves an image renamed .txt to the text decoder, which refuses it', () => {
    expect(detectFormat('cv.txt', PNG)).toBe('text');
    expect(decodeText(PNG)).toEqual({ error: expect.stringMatching(/binary/) });
  });
});
