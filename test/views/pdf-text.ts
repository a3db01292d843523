// The text of a PDF, page by page, read back with pdf.js (Mozilla's reader, the one browsers use): what a person
// would see, not what the writer meant to draw.
import type { getDocument as GetDocument } from 'pdfjs-dist/legacy/build/pdf.js';

/** pdf.js, loaded once; its warnings that Node has no canvas (nothing here renders) are kept out of the test output. */
let loaded: typeof GetDocument | undefined;
function pdfjs(): typeof GetDocument {
  if (!loaded) {
    const log = console.log;
    console.log = () => undefined;
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      loaded = (require('pdfjs-dist/legacy/build/pdf.js') as { getDocument: typeof GetDocument }).getDocument;
    } finally {
      console.log = log;
    }
  }
  return loaded;
}

export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await pdfjs()({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s.trim() !== '').join('\n'));
  }
  await pdf.destroy();
  return pages;
}
