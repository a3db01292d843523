// The text of a PDF, page by page, read back with pdf.js (Mozilla's reader, the one browsers use): what a person
// would see, not what the writer meant to draw.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.js';

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== '').join('\n'));
  }
  await pdf.destroy();
  return pages;
}
