// The customer's report as a PDF (pdf-lib, no browser): A4, DejaVu Sans embedded once and subset to the glyphs used
// (æøå, ÆØÅ, äö), tables that carry their header onto each page, a small bar chart of the trend, and "Page n of m" on
// every page. The same content always gives the same bytes: the document's dates are the issue date, nothing varies.
//
// Size and memory at scale: each page is drawn as plain PDF operators (one text object a row, font and colour set only
// when they change) and compressed into its content stream as soon as the page is full, so a long report holds its
// pages' compressed bytes, not pdf-lib's operator objects; the cycles are read a slice at a time, and the lists stop
// where goal-list.ts says (the complete list then goes as a file beside the PDF).
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { parseInstant } from '../../engine/instant';
import type { ReportedCycleJson } from '../../engine/compliance-report-json';
import { percentNumber, reportDocument, type ReportDocument, type TrendSeries } from './document';
import { BOLD, REGULAR } from './fonts.generated';
import { goalListName, PDF_BREACH_ROWS, PDF_DETAIL_ROWS, type ReportContent } from './goal-list';

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 48;
const TOP = A4[1] - 56;
const BOTTOM = 64;
const WIDTH = A4[0] - 2 * MARGIN;

type Colour = readonly [number, number, number];

// Atlassian's palette: text, subtle text, lines, and the success and danger accents.
const INK: Colour = [0.09, 0.17, 0.3];
const SUBTLE: Colour = [0.37, 0.42, 0.52];
const LINE: Colour = [0.87, 0.88, 0.9];
const SHADE: Colour = [0.96, 0.96, 0.97];
const GREEN: Colour = [0.13, 0.43, 0.31];
const RED: Colour = [0.68, 0.18, 0.14];
const BLUE: Colour = [0.05, 0.32, 0.82];

/** A colour as it shows at `opacity` on the white page: the same look without a transparency group. */
const onWhite = (colour: Colour, opacity: number): Colour => [1 - opacity * (1 - colour[0]), 1 - opacity * (1 - colour[1]), 1 - opacity * (1 - colour[2])];

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

/**
 * A string's glyph codes as PDF text (`<…>`), remembered per font: encoding shapes the string again each time, and
 * the first encoding is what tells the subset which glyphs to keep.
 */
const encodings = new WeakMap<PDFFont, Map<string, string>>();

function encoded(font: PDFFont, text: string): string {
  let known = encodings.get(font);
  if (!known) encodings.set(font, (known = new Map()));
  let code = known.get(text);
  if (code === undefined) {
    code = font.encodeText(text).toString();
    if (known.size < 50_000) known.set(text, code);
  }
  return code;
}

const num = (value: number): string => String(Math.round(value * 100) / 100);
const colourOps = (colour: Colour): string => `${num(colour[0])} ${num(colour[1])} ${num(colour[2])}`;

/**
 * One page's drawing as PDF operators: text in text objects that stay open across a row, and font, colours, line
 * width and dash set only when they change. `close` compresses it into the page's content stream.
 */
class PageInk {
  private ops: string[] = [];
  private inText = false;
  private font = '';
  private fill = '';
  private stroke = '';
  private lineWidth = '';
  private dash = '';
  private readonly names = new Map<PDFFont, string>();

  constructor(readonly page: PDFPage) {}

  private fontName(font: PDFFont): string {
    let name = this.names.get(font);
    if (name === undefined) this.names.set(font, (name = this.page.node.newFontDictionary(font.name, font.ref).toString()));
    return name;
  }

  private setFill(colour: Colour): void {
    const ops = colourOps(colour);
    if (ops !== this.fill) this.ops.push(`${(this.fill = ops)} rg`);
  }

  private endText(): void {
    if (this.inText) this.ops.push('ET');
    this.inText = false;
  }

  text(font: PDFFont, size: number, colour: Colour, x: number, y: number, text: string): void {
    if (text === '') return;
    if (!this.inText) this.ops.push('BT');
    this.inText = true;
    const tf = `${this.fontName(font)} ${num(size)} Tf`;
    if (tf !== this.font) this.ops.push((this.font = tf));
    this.setFill(colour);
    this.ops.push(`1 0 0 1 ${num(x)} ${num(y)} Tm ${encoded(font, text)} Tj`);
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, colour: Colour, dash?: [number, number]): void {
    this.endText();
    const ops = colourOps(colour);
    if (ops !== this.stroke) this.ops.push(`${(this.stroke = ops)} RG`);
    if (num(width) !== this.lineWidth) this.ops.push(`${(this.lineWidth = num(width))} w`);
    const pattern = dash ? `[${dash.map(num).join(' ')}] 0 d` : '[] 0 d';
    if (pattern !== this.dash) this.ops.push((this.dash = pattern));
    this.ops.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  rect(x: number, y: number, width: number, height: number, colour: Colour): void {
    this.endText();
    this.setFill(colour);
    this.ops.push(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re f`);
  }

  /** Compresses the page's drawing into its content stream; the operators are let go. */
  close(pdf: PDFDocument): void {
    this.endText();
    if (this.ops.length === 0) return;
    const stream = pdf.context.flateStream(`q\n${this.ops.join('\n')}\nQ\n`);
    this.page.node.addContentStream(pdf.context.register(stream));
    this.ops = [];
  }
}

interface Column {
  title: string;
  /** Share of the table's width. */
  width: number;
  align?: 'left' | 'right';
}

interface TextOptions {
  font?: PDFFont;
  colour?: Colour;
  maxWidth?: number;
  align?: 'left' | 'right';
}

/** Lays text out top to bottom, starting a new page when the next block does not fit. */
class Writer {
  ink: PageInk;
  y = TOP;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.ink = new PageInk(pdf.addPage(A4));
  }

  newPage(): void {
    this.ink.close(this.pdf);
    this.ink = new PageInk(this.pdf.addPage(A4));
    this.y = TOP;
  }

  /** Ends the last page's drawing. */
  close(): void {
    this.ink.close(this.pdf);
  }

  /** Makes room for `height` points, on a new page when this one is full. */
  need(height: number): void {
    if (this.y - height < BOTTOM) this.newPage();
  }

  /** Text at (x, y) on the page; at the writer's line when `y` is left out. */
  text(value: string, x: number, size: number, options: TextOptions = {}, y = this.y): void {
    const font = options.font ?? this.fonts.regular;
    const fitted = options.maxWidth === undefined ? clean(value) : fit(clean(value), font, size, options.maxWidth);
    const dx = options.align === 'right' && options.maxWidth !== undefined ? options.maxWidth - widthOf(font, fitted, size) : 0;
    this.ink.text(font, size, options.colour ?? INK, x + dx, y, fitted);
  }

  heading(value: string): void {
    this.need(40);
    this.y -= 22;
    this.text(value, MARGIN, 12, { font: this.fonts.bold });
    this.y -= 6;
    this.ink.line(MARGIN, this.y, MARGIN + WIDTH, this.y, 0.8, LINE);
    this.y -= 14;
  }

  paragraph(value: string, size = 9, colour: Colour = INK): void {
    for (const line of wrap(clean(value), this.fonts.regular, size, WIDTH)) {
      this.need(size + 4);
      this.text(line, MARGIN, size, { colour });
      this.y -= size + 4;
    }
  }

  /**
   * A table whose header row is repeated on every page it runs onto, its rows taken as they come; `colour` marks a
   * cell (in bold), given the row, the column and the row's place in the table.
   */
  async table(columns: Column[], rows: Iterable<string[]> | AsyncIterable<string[]>, colour?: (row: string[], column: number, index: number) => Colour | undefined): Promise<void> {
    const size = 7.5;
    const rowHeight = 13;
    const xs: number[] = [];
    let x = MARGIN;
    for (const column of columns) {
      xs.push(x);
      x += column.width * WIDTH;
    }
    const header = (): void => {
      this.ink.rect(MARGIN, this.y - 4, WIDTH, rowHeight, SHADE);
      columns.forEach((column, i) => this.text(column.title, xs[i]! + 3, size, { font: this.fonts.bold, colour: SUBTLE, maxWidth: column.width * WIDTH - 6, align: column.align ?? 'left' }));
      this.y -= rowHeight;
    };
    this.need(rowHeight * 2);
    header();
    let drawn = 0;
    for await (const row of rows) {
      if (this.y - rowHeight < BOTTOM) {
        this.newPage();
        header();
      }
      columns.forEach((column, i) => {
        const marked = colour?.(row, i, drawn);
        this.text(row[i] ?? '', xs[i]! + 3, size, { colour: marked ?? INK, maxWidth: column.width * WIDTH - 6, align: column.align ?? 'left', ...(marked ? { font: this.fonts.bold } : {}) });
      });
      this.ink.line(MARGIN, this.y - 4, MARGIN + WIDTH, this.y - 4, 0.4, LINE);
      this.y -= rowHeight;
      drawn++;
    }
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
  w.text(doc.subtitle, MARGIN, 11, { colour: SUBTLE, maxWidth: WIDTH });
  w.y -= 24;
  for (const [label, value] of doc.facts) {
    w.text(label, MARGIN, 9, { font: w.fonts.bold, colour: SUBTLE });
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
    w.ink.rect(x, w.y - 30, boxWidth, 44, SHADE);
    w.text(String(value), x + 10, 18, { font: w.fonts.bold }, w.y - 8);
    w.text(label, x + 10, 8, { colour: SUBTLE, maxWidth: boxWidth - 20 }, w.y - 22);
  });
  w.y -= 48;
  w.paragraph(`${labels.openAtEnd}, ${labels.byStatus}: ${doc.requests.byStatus}`, 8, SUBTLE);
  w.paragraph(`${labels.openAtEnd}, ${labels.byPriority}: ${doc.requests.byPriority}`, 8, SUBTLE);
}

async function compliance(w: Writer, doc: ReportDocument): Promise<void> {
  const { labels } = doc;
  w.heading(labels.compliance);
  await w.table(
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
    (_row, column, index) => (column === 6 ? (doc.compliance[index]!.result === 'met' ? GREEN : doc.compliance[index]!.result === 'not-met' ? RED : undefined) : undefined),
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
  const { regular } = w.fonts;
  const left = MARGIN + 130;
  const width = WIDTH - 130;
  const slot = width / Math.max(1, months.length);
  const base = w.y - height + 8;
  w.ink.line(left, base, left + width, base, 0.6, LINE);
  // The target as a dashed line across the chart.
  const targetY = base + series.target * (height - 14);
  w.ink.line(left, targetY, left + width, targetY, 0.6, SUBTLE, [2, 2]);
  months.forEach((month, i) => {
    const value = series.values[i] ?? null;
    const x = left + i * slot + slot * 0.25;
    const barWidth = slot * 0.5;
    if (value !== null) {
      const barHeight = Math.max(1, value * (height - 14));
      const last = i === months.length - 1;
      const colour = value + 1e-9 >= series.target ? GREEN : RED;
      // The months before this one paler.
      w.ink.rect(x, base, barWidth, barHeight, last ? colour : onWhite(colour, 0.55));
      const label = percentNumber(value, doc.labels.locale);
      w.text(label, x + barWidth / 2 - widthOf(regular, label, 6.5) / 2, 6.5, {}, base + barHeight + 2);
    } else {
      w.text('–', x + barWidth / 2 - 2, 7, { colour: SUBTLE }, base + 2);
    }
    const name = fit(month, regular, 6.5, slot - 2);
    w.text(name, left + i * slot + slot / 2 - widthOf(regular, name, 6.5) / 2, 6.5, { colour: SUBTLE }, base - 9);
  });
  const target = `${doc.labels.target} ${percentNumber(series.target, doc.labels.locale)} %`;
  w.text(target, left - 6 - widthOf(regular, target, 6.5), 6.5, { colour: BLUE }, targetY - 2);
}

/** The rows of cycles read a slice at a time, in report order, stopping after `limit` (the rest is never read). */
async function* rowsOf(cycles: AsyncIterable<readonly ReportedCycleJson[]>, row: (cycle: ReportedCycleJson) => string[], limit: number): AsyncGenerator<string[]> {
  let n = 0;
  if (limit <= 0) return;
  for await (const slice of cycles) {
    for (const cycle of slice) {
      yield row(cycle);
      if (++n >= limit) return;
    }
  }
}

const count = (n: number, doc: ReportDocument): string => new Intl.NumberFormat(doc.labels.locale).format(n);

/** The line under a list's heading that says the list is cut and where all of it is. */
function cutNote(w: Writer, text: string, colour: Colour): void {
  w.paragraph(text, 8.5, colour);
  w.y -= 4;
}

async function breaches(w: Writer, doc: ReportDocument, content: ReportContent): Promise<void> {
  const { labels } = doc;
  w.heading(labels.breaches);
  const total = content.counts.breaches;
  if (total === 0) {
    w.paragraph(labels.noBreaches);
    return;
  }
  if (total > PDF_BREACH_ROWS) cutNote(w, labels.breachesCut(count(PDF_BREACH_ROWS, doc), count(total, doc), goalListName(content.snapshot, content.counts)), RED);
  await w.table(
    [
      { title: labels.request, width: 0.12 },
      { title: labels.goal, width: 0.2 },
      { title: labels.priority, width: 0.14 },
      { title: labels.target, width: 0.1, align: 'right' },
      { title: labels.elapsed, width: 0.12, align: 'right' },
      { title: labels.over, width: 0.14, align: 'right' },
      { title: labels.breachedAt, width: 0.18 },
    ],
    rowsOf(content.breaches(), doc.breachRow, PDF_BREACH_ROWS),
    (_row, column) => (column === 5 ? RED : undefined),
  );
}

async function details(w: Writer, doc: ReportDocument, content: ReportContent): Promise<void> {
  const { labels } = doc;
  w.heading(labels.allGoals);
  const total = content.counts.cycles;
  if (total === 0) {
    w.paragraph(labels.noCycles);
    return;
  }
  if (total > PDF_DETAIL_ROWS) cutNote(w, labels.detailsCut(count(PDF_DETAIL_ROWS, doc), count(total, doc), goalListName(content.snapshot, content.counts)), SUBTLE);
  await w.table(
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
    rowsOf(content.cycles(), doc.detailRow, PDF_DETAIL_ROWS),
    (row, column) => (column === 4 && row[4] === labels.outcomes.breached ? RED : undefined),
  );
}

/** Latin text needs no ligatures, kerning or contextual forms; without them fontkit shapes each string far faster. */
const PLAIN = { liga: false, kern: false, calt: false, clig: false, rlig: false, dlig: false };

/** The report's PDF; the same content gives the same bytes. */
export async function renderReportPdf(content: ReportContent): Promise<Uint8Array> {
  const doc = reportDocument(content.snapshot);
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  // Each font is embedded once, subset, and every page refers to that one font object.
  const fonts: Fonts = {
    regular: await pdf.embedFont(Buffer.from(REGULAR, 'base64'), { subset: true, features: PLAIN }),
    bold: await pdf.embedFont(Buffer.from(BOLD, 'base64'), { subset: true, features: PLAIN }),
  };
  const issued = new Date(parseInstant(content.snapshot.issuedAt) ?? 0);
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
  await compliance(w, doc);
  trend(w, doc);
  await breaches(w, doc, content);
  await details(w, doc, content);
  w.y -= 8;
  w.paragraph(doc.timesNote, 7.5, SUBTLE);
  w.close();
  const pages = pdf.getPages();
  const footer = fit(clean(doc.footer), fonts.regular, 7.5, WIDTH - 90);
  const subtle = rgb(...SUBTLE);
  pages.forEach((page, i) => {
    const label = doc.labels.page(i + 1, pages.length);
    page.drawLine({ start: { x: MARGIN, y: 44 }, end: { x: MARGIN + WIDTH, y: 44 }, thickness: 0.6, color: rgb(...LINE) });
    page.drawText(footer, { x: MARGIN, y: 32, size: 7.5, font: fonts.regular, color: subtle });
    page.drawText(label, { x: MARGIN + WIDTH - widthOf(fonts.regular, label, 7.5), y: 32, size: 7.5, font: fonts.regular, color: subtle });
  });
  return pdf.save({ useObjectStreams: true });
}
