// The customer's report as a PDF (pdf-lib, no browser): A4, DejaVu Sans embedded and subset (æøå, ÆØÅ, äö), tables
// that carry their header onto each page, a small bar chart of the trend, and "Page n of m" on every page. The same
// snapshot always gives the same bytes: the document's dates are the issue date, and nothing else varies.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { parseInstant } from '../../engine/instant';
import type { ReportSnapshot } from '../../adapters/storage/issued-report';
import { percentNumber, reportDocument, type ReportDocument, type TrendSeries } from './document';
import { BOLD, REGULAR } from './fonts.generated';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const TOP = A4[1] - 56;
const BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN;

// Atlassian's palette: text, subtle text, lines, and the success and danger accents.
const INK = rgb(0.09, 0.17, 0.3);
const SUBTLE = rgb(0.37, 0.42, 0.52);
const LINE = rgb(0.87, 0.88, 0.9);
const SHADE = rgb(0.96, 0.96, 0.97);
const GREEN = rgb(0.13, 0.43, 0.31);
const RED = rgb(0.68, 0.18, 0.14);
const BLUE = rgb(0.05, 0.32, 0.82);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/**
 * Text widths, remembered: pdf-lib measures a custom font's text by shaping it (fontkit's layout), the most costly
 * step of a long report, and a report repeats the same few hundred strings (names, durations, outcomes) thousands of
 * times. Widths are kept at size 1 and scaled.
 */
const widths = new WeakMap<PDFFont, Map<string, number>>();

function widthOf(font: PDFFont, text: string, size: number): number {
  let known = widths.get(font);
  if (!known) widths.set(font, (known = new Map()));
  let width = known.get(text);
  if (width === undefined) {
    width = font.widthOfTextAtSize(text, 1);
    if (known.size < 50_000) known.set(text, width);
  }
  return width * size;
}

interface Column {
  title: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

/** Lays text out top to bottom, starting a new page when the next block does not fit. */
class Writer {
  page: PDFPage;
  y = TOP;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.page = pdf.addPage(A4);
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.y = TOP;
  }

  /** Makes room for `height` points, on a new page when this one is full. */
  need(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  text(value: string, x: number, size: number, options: { font?: PDFFont; color?: RGB; maxWidth?: number; align?: 'left' | 'right' } = {}): void {
    const font = options.font ?? this.fonts.regular;
    const fitted = options.maxWidth === undefined ? clean(value) : fit(clean(value), font, size, options.maxWidth);
    const dx = options.align === 'right' && options.maxWidth !== undefined ? options.maxWidth - widthOf(font, fitted, size) : 0;
    this.page.drawText(fitted, { x: x + dx, y: this.y, size, font, color: options.color ?? INK });
  }

  heading(value: string): void {
    this.need(40);
    this.y -= 22;
    this.text(value, MARGIN, 12, { font: this.fonts.bold });
    this.y -= 6;
    this.page.drawLine({ start: { x: MARGIN, y: this.y }, end: { x: MARGIN + WIDTH, y: this.y }, thickness: 0.8, color: LINE });
    this.y -= 14;
  }

  paragraph(value: string, size = 9, color: RGB = INK): void {
    for (const line of wrap(clean(value), this.fonts.regular, size, WIDTH)) {
      this.need(size + 4);
      this.text(line, MARGIN, size, { color });
      this.y -= size + 4;
    }
  }

  /** A table whose header row is repeated on every page it runs onto; `shade` colours a row's last cell. */
  table(columns: Column[], rows: string[][], colour?: (row: number, column: number) => RGB | undefined): void {
    const size = 7.5;
    const rowHeight = 13;
    const xs: number[] = [];
    let x = MARGIN;
    for (const column of columns) {
      xs.push(x);
      x += column.width * WIDTH;
    }
    const header = (): void => {
      this.page.drawRectangle({ x: MARGIN, y: this.y - 4, width: WIDTH, height: rowHeight, color: SHADE });
      columns.forEach((column, i) => this.text(column.title, xs[i]! + 3, size, { font: this.fonts.bold, color: SUBTLE, maxWidth: column.width * WIDTH - 6, align: column.align ?? 'left' }));
      this.y -= rowHeight;
    };
    this.need(rowHeight * 2);
    header();
    rows.forEach((row, r) => {
      if (this.y - rowHeight < BOTTOM) {
        this.newPage();
        header();
      }
      columns.forEach((column, i) =>
        this.text(row[i] ?? '', xs[i]! + 3, size, { color: colour?.(r, i) ?? INK, maxWidth: column.width * WIDTH - 6, align: column.align ?? 'left', ...(colour?.(r, i) ? { font: this.fonts.bold } : {}) }),
      );
      this.page.drawLine({ start: { x: MARGIN, y: this.y - 4 }, end: { x: MARGIN + WIDTH, y: this.y - 4 }, thickness: 0.4, color: LINE });
      this.y -= rowHeight;
    });
  }
}

/** One line of text: PDF text has no line breaks, and control characters have no glyph. */
function clean(value: string): string {
  let out = '';
  for (const c of value) out += c.charCodeAt(0) < 32 ? ' ' : c;
  return out.replace(/\s+/g, ' ').trim();
}

function fit(value: string, font: PDFFont, size: number, width: number): string {
  if (widthOf(font, value, size) <= width) return value;
  // Cut by the average glyph width first, then a character at a time: a long name costs a few measures, not one each.
  const estimate = Math.floor((value.length * width) / widthOf(font, value, size));
  let text = value.slice(0, Math.max(1, estimate));
  while (text.length > 1 && widthOf(font, `${text}…`, size) > width) text = text.slice(0, -1);
  return `${text}…`;
}

function wrap(value: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of value.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && widthOf(font, candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line !== '') lines.push(line);
  return lines;
}

function facts(w: Writer, doc: ReportDocument): void {
  w.text(doc.title, MARGIN, 20, { font: w.fonts.bold });
  w.y -= 20;
  w.text(doc.subtitle, MARGIN, 11, { color: SUBTLE, maxWidth: WIDTH });
  w.y -= 24;
  for (const [label, value] of doc.facts) {
    w.text(label, MARGIN, 9, { font: w.fonts.bold, color: SUBTLE });
    w.text(value, MARGIN + 90, 9, { maxWidth: WIDTH - 90 });
    w.y -= 13;
  }
  if (doc.note) {
    w.y -= 4;
    w.paragraph(doc.note, 9, RED);
  }
}

function requests(w: Writer, doc: ReportDocument): void {
  const { labels } = doc;
  w.heading(labels.requests);
  const boxes: Array<[string, number]> = [
    [labels.created, doc.requests.created],
    [labels.resolved, doc.requests.resolved],
    [labels.openAtEnd, doc.requests.open],
  ];
  const boxWidth = (WIDTH - 16) / 3;
  w.need(52);
  boxes.forEach(([label, value], i) => {
    const x = MARGIN + i * (boxWidth + 8);
    w.page.drawRectangle({ x, y: w.y - 30, width: boxWidth, height: 44, color: SHADE });
    w.page.drawText(String(value), { x: x + 10, y: w.y - 8, size: 18, font: w.fonts.bold, color: INK });
    w.page.drawText(fit(label, w.fonts.regular, 8, boxWidth - 20), { x: x + 10, y: w.y - 22, size: 8, font: w.fonts.regular, color: SUBTLE });
  });
  w.y -= 48;
  w.paragraph(`${labels.openAtEnd}, ${labels.byStatus}: ${doc.requests.byStatus}`, 8, SUBTLE);
  w.paragraph(`${labels.openAtEnd}, ${labels.byPriority}: ${doc.requests.byPriority}`, 8, SUBTLE);
}

function compliance(w: Writer, doc: ReportDocument): void {
  const { labels } = doc;
  w.heading(labels.compliance);
  w.table(
    [
      { title: labels.goal, width: 0.25 },
      { title: labels.met, width: 0.1, align: 'right' },
      { title: labels.breached, width: 0.1, align: 'right' },
      { title: labels.cancelled, width: 0.11, align: 'right' },
      { title: labels.compliance.split(' ')[0]!, width: 0.14, align: 'right' },
      { title: labels.target, width: 0.12, align: 'right' },
      { title: labels.result, width: 0.18 },
    ],
    doc.compliance.map((g) => [g.goal, String(g.met), String(g.breached), String(g.cancelled), g.compliance, g.target, g.resultText]),
    (row, column) => (column === 6 ? (doc.compliance[row]!.result === 'met' ? GREEN : doc.compliance[row]!.result === 'not-met' ? RED : undefined) : undefined),
  );
}

/** Per goal, a bar per month (this month last), green where the month reached the target, red where it did not. */
function trend(w: Writer, doc: ReportDocument): void {
  const { labels } = doc;
  w.heading(labels.trend);
  const chartHeight = 56;
  const months = doc.trend.months;
  for (const series of doc.trend.series) {
    w.need(chartHeight + 30);
    w.text(series.goal, MARGIN, 8.5, { font: w.fonts.bold, maxWidth: 120 });
    drawBars(w, series, months, chartHeight, doc);
    w.y -= chartHeight + 24;
  }
}

function drawBars(w: Writer, series: TrendSeries, months: string[], height: number, doc: ReportDocument): void {
  const left = MARGIN + 130;
  const width = WIDTH - 130;
  const slot = width / Math.max(1, months.length);
  const base = w.y - height + 8;
  w.page.drawLine({ start: { x: left, y: base }, end: { x: left + width, y: base }, thickness: 0.6, color: LINE });
  // The target as a dashed line across the chart.
  const targetY = base + series.target * (height - 14);
  w.page.drawLine({ start: { x: left, y: targetY }, end: { x: left + width, y: targetY }, thickness: 0.6, color: SUBTLE, dashArray: [2, 2] });
  months.forEach((month, i) => {
    const value = series.values[i] ?? null;
    const x = left + i * slot + slot * 0.25;
    const barWidth = slot * 0.5;
    if (value !== null) {
      const barHeight = Math.max(1, value * (height - 14));
      const last = i === months.length - 1;
      const colour = value + 1e-9 >= series.target ? GREEN : RED;
      w.page.drawRectangle({ x, y: base, width: barWidth, height: barHeight, color: colour, opacity: last ? 1 : 0.55 });
      const label = percentNumber(value, doc.labels.locale);
      w.page.drawText(label, { x: x + barWidth / 2 - widthOf(w.fonts.regular, label, 6.5) / 2, y: base + barHeight + 2, size: 6.5, font: w.fonts.regular, color: INK });
    } else {
      w.page.drawText('–', { x: x + barWidth / 2 - 2, y: base + 2, size: 7, font: w.fonts.regular, color: SUBTLE });
    }
    const name = fit(month, w.fonts.regular, 6.5, slot - 2);
    w.page.drawText(name, { x: left + i * slot + slot / 2 - widthOf(w.fonts.regular, name, 6.5) / 2, y: base - 9, size: 6.5, font: w.fonts.regular, color: SUBTLE });
  });
  const target = `${doc.labels.target} ${percentNumber(series.target, doc.labels.locale)} %`;
  w.page.drawText(target, { x: left - 6 - widthOf(w.fonts.regular, target, 6.5), y: targetY - 2, size: 6.5, font: w.fonts.regular, color: BLUE });
}

function breaches(w: Writer, doc: ReportDocument): void {
  const { labels } = doc;
  w.heading(labels.breaches);
  if (doc.breaches.length === 0) {
    w.paragraph(labels.noBreaches);
    return;
  }
  w.table(
    [
      { title: labels.request, width: 0.12 },
      { title: labels.goal, width: 0.2 },
      { title: labels.priority, width: 0.14 },
      { title: labels.target, width: 0.1, align: 'right' },
      { title: labels.elapsed, width: 0.12, align: 'right' },
      { title: labels.over, width: 0.14, align: 'right' },
      { title: labels.breachedAt, width: 0.18 },
    ],
    doc.breaches,
    (_row, column) => (column === 5 ? RED : undefined),
  );
}

function details(w: Writer, doc: ReportDocument): void {
  const { labels } = doc;
  w.heading(labels.allGoals);
  if (doc.details.length === 0) {
    w.paragraph(labels.noCycles);
    return;
  }
  w.table(
    [
      { title: labels.request, width: 0.1 },
      { title: labels.goal, width: 0.15 },
      { title: labels.cycle, width: 0.08, align: 'right' },
      { title: labels.priority, width: 0.1 },
      { title: labels.outcome, width: 0.11 },
      { title: labels.started, width: 0.14 },
      { title: labels.ended, width: 0.14 },
      { title: labels.target, width: 0.08, align: 'right' },
      { title: labels.elapsed, width: 0.1, align: 'right' },
    ],
    doc.details,
    (row, column) => (column === 4 ? (doc.details[row]![4] === labels.outcomes.breached ? RED : undefined) : undefined),
  );
}

/**
 * Drawing a string shapes it again (pdf-lib encodes a custom font's text through fontkit's layout on every draw); the
 * encoding of a string never changes within a document, so it is remembered per font. The subset still learns every
 * glyph: the first encoding of each string records them.
 */
function rememberEncodings(font: PDFFont): PDFFont {
  const encodeText = font.encodeText.bind(font);
  const known = new Map<string, ReturnType<PDFFont['encodeText']>>();
  font.encodeText = (text: string) => {
    let encoded = known.get(text);
    if (encoded === undefined) {
      encoded = encodeText(text);
      if (known.size < 50_000) known.set(text, encoded);
    }
    return encoded;
  };
  return font;
}

/** Latin text needs no ligatures, kerning or contextual forms; without them fontkit shapes each string far faster. */
const PLAIN = { liga: false, kern: false, calt: false, clig: false, rlig: false, dlig: false };

/** The report's PDF; the same snapshot gives the same bytes. */
export async function renderReportPdf(snapshot: ReportSnapshot): Promise<Uint8Array> {
  const doc = reportDocument(snapshot);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: rememberEncodings(await pdf.embedFont(Buffer.from(REGULAR, 'base64'), { subset: true, features: PLAIN })),
    bold: rememberEncodings(await pdf.embedFont(Buffer.from(BOLD, 'base64'), { subset: true, features: PLAIN })),
  };
  const issued = new Date(parseInstant(snapshot.issuedAt) ?? 0);
  pdf.setTitle(`${doc.title} · ${doc.subtitle}`);
  pdf.setAuthor('Contract SLA');
  pdf.setCreator('Contract SLA');
  pdf.setProducer('Contract SLA (pdf-lib)');
  pdf.setLanguage(doc.labels.locale);
  pdf.setCreationDate(issued);
  pdf.setModificationDate(issued);
  const w = new Writer(pdf, fonts);
  facts(w, doc);
  requests(w, doc);
  compliance(w, doc);
  trend(w, doc);
  breaches(w, doc);
  details(w, doc);
  w.y -= 8;
  w.paragraph(doc.timesNote, 7.5, SUBTLE);
  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    const label = doc.labels.page(i + 1, pages.length);
    page.drawLine({ start: { x: MARGIN, y: 44 }, end: { x: MARGIN + WIDTH, y: 44 }, thickness: 0.6, color: LINE });
    page.drawText(fit(clean(doc.footer), fonts.regular, 7.5, WIDTH - 90), { x: MARGIN, y: 32, size: 7.5, font: fonts.regular, color: SUBTLE });
    page.drawText(label, { x: MARGIN + WIDTH - widthOf(fonts.regular, label, 7.5), y: 32, size: 7.5, font: fonts.regular, color: SUBTLE });
  });
  return pdf.save({ useObjectStreams: true });
}
