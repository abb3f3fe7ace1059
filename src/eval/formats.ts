import { docxToText } from '../ingest/read/docxText.ts';
import { pdfToText } from '../ingest/read/pdfText.ts';
import type { LabelledResume } from './fixtureSet.ts';
import { renderDocx, renderPdf } from './renderDocuments.ts';
import { AS_WRITTEN, type FormatAdapter } from './runEval.ts';

const fromPdf = (columns: 1 | 2): FormatAdapter => ({
  format: columns === 1 ? 'PDF, one column' : 'PDF, two columns',
  toText: async (item) => {
    const r = await pdfToText(await renderPdf(item.text, columns));
    return 'error' in r ? r : r.text;
  },
});

/** A labelled text résumé rendered into PDF (one and two columns) and DOCX, read back by `ingest`'s readers. */
export const RENDERED: FormatAdapter[] = [
  fromPdf(1),
  fromPdf(2),
  {
    format: 'DOCX',
    toText: async (item) => {
      const r = await docxToText(await renderDocx(item.text));
      return 'error' in r ? r : r.text;
    },
  },
];

/** A native PDF or DOCX résumé, read as `ingest` reads it. */
export const NATIVE: Record<'pdf' | 'docx', FormatAdapter> = {
  pdf: {
    format: 'PDF (native)',
    toText: async (item) => {
      if (!item.document) return { error: 'not a PDF' };
      const r = await pdfToText(item.document.bytes);
      return 'error' in r ? r : r.text;
    },
  },
  docx: {
    format: 'DOCX (native)',
    toText: async (item) => {
      if (!item.document) return { error: 'not a DOCX' };
      const r = await docxToText(item.document.bytes);
      return 'error' in r ? r : r.text;
    },
  },
};

/**
 * How a set is measured: its text résumés as written and rendered into each document format (with
 * `rendered`), its native PDF and DOCX files as they are. Formats with no résumé are left out.
 */
export function measurements(
  items: LabelledResume[],
  rendered = true,
): { adapter: FormatAdapter; items: LabelledResume[] }[] {
  const text = items.filter((i) => !i.document);
  const native = (format: 'pdf' | 'docx') => items.filter((i) => i.document?.format === format);
  return [
    { adapter: AS_WRITTEN, items: text },
    ...(rendered ? RENDERED.map((adapter) => ({ adapter, items: text })) : []),
    { adapter: NATIVE.pdf, items: native('pdf') },
    { adapter: NATIVE.docx, items: native('docx') },
  ].filter((m) => m.items.length > 0);
}
