// Comment bodies in REST v3 are Atlassian Document Format; the servicedesk API takes and returns plain text.
// The double stores ADF and converts at the servicedesk edge, as Jira does.

export interface AdfDocument {
  type: 'doc';
  version: 1;
  content: Array<{ type: 'paragraph'; content: Array<{ type: 'text'; text: string }> }>;
}

/** One paragraph per blank-line-separated block of the text. */
export function adfFromText(text: string): AdfDocument {
  const blocks = text.split(/\n\s*\n/).filter((block) => block.length > 0);
  return {
    type: 'doc',
    version: 1,
    content: blocks.map((block) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: block }] })),
  };
}

/** The text of an ADF document: every text node, paragraphs joined by a blank line. */
export function textFromAdf(body: unknown): string {
  if (typeof body === 'string') return body;
  const paragraphs: string[] = [];
  const walk = (node: unknown, into: string[]): void => {
    if (node === null || typeof node !== 'object') return;
    const record = node as { type?: unknown; text?: unknown; content?: unknown };
    if (record.type === 'text' && typeof record.text === 'string') into.push(record.text);
    if (Array.isArray(record.content)) for (const child of record.content) walk(child, into);
  };
  const content = (body as { content?: unknown } | null)?.content;
  if (!Array.isArray(content)) return '';
  for (const block of content) {
    const parts: string[] = [];
    walk(block, parts);
    paragraphs.push(parts.join(''));
  }
  return paragraphs.join('\n\n');
}
