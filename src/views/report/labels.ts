// The words of a customer's report, in each language a schedule may ask for (formats.md §7). Every label the PDF
// and the delivery request show is here; numbers, dates and durations are formatted with the language's locale.
import type { ReportLanguage } from '../../engine/types';

export interface ReportLabels {
  locale: string;
  /** Day and time in a table cell (luxon format). */
  shortDateTime: string;
  title: string;
  agreement: string;
  customer: string;
  environment: string;
  period: string;
  issued: string;
  version: string;
  requests: string;
  created: string;
  resolved: string;
  openAtEnd: string;
  byStatus: string;
  byPriority: string;
  none: string;
  compliance: string;
  goal: string;
  met: string;
  breached: string;
  cancelled: string;
  closed: string;
  target: string;
  result: string;
  goalMet: string;
  goalNotMet: string;
  nothingToJudge: string;
  trend: string;
  month: string;
  breaches: string;
  noBreaches: string;
  request: string;
  priority: string;
  breachedAt: string;
  over: string;
  allGoals: string;
  noCycles: string;
  cycle: string;
  outcome: string;
  started: string;
  ended: string;
  elapsed: string;
  outcomes: Record<'met' | 'breached' | 'cancelled', string>;
  page: (page: number, pages: number) => string;
  /** Business time units: hours and minutes, never days. */
  units: { h: string; m: string; s: string };
  timesIn: (zone: string) => string;
  /** The delivery request's summary and comment. */
  requestSummary: (agreement: string, month: string) => string;
  requestComment: (month: string, version: number) => string;
  reissued: (version: number) => string;
  /** When a table holds only the first rows: where the complete list is (numbers already in the language's way). */
  breachesCut: (shown: string, total: string, file: string) => string;
  detailsCut: (shown: string, total: string, file: string) => string;
  /** The delivery comment's line about that list. */
  listAttached: (file: string) => string;
}

const ENGLISH: ReportLabels = {
  locale: 'en-GB',
  shortDateTime: 'dd/MM/yy HH:mm',
  title: 'Service level report',
  agreement: 'Agreement',
  customer: 'Customer',
  environment: 'Environment',
  period: 'Period',
  issued: 'Issued',
  version: 'Version',
  requests: 'Requests',
  created: 'Created',
  resolved: 'Resolved',
  openAtEnd: 'Open at the end of the month',
  byStatus: 'by status',
  byPriority: 'by priority',
  none: 'none',
  compliance: 'Compliance per goal',
  goal: 'Goal',
  met: 'Met',
  breached: 'Breached',
  cancelled: 'Cancelled',
  closed: 'Closed',
  target: 'Target',
  result: 'Result',
  goalMet: 'Met',
  goalNotMet: 'Not met',
  nothingToJudge: 'Nothing to judge',
  trend: 'Compliance over the last months',
  month: 'Month',
  breaches: 'Breached goals',
  noBreaches: 'No goal was breached this month.',
  request: 'Request',
  priority: 'Priority',
  breachedAt: 'Breached at',
  over: 'Over by',
  allGoals: 'Every goal counted in the month',
  noCycles: 'No goal was completed, cancelled or breached this month.',
  cycle: 'Cycle',
  outcome: 'Outcome',
  started: 'Started',
  ended: 'Ended',
  elapsed: 'Elapsed',
  outcomes: { met: 'Met', breached: 'Breached', cancelled: 'Cancelled' },
  page: (page, pages) => `Page ${page} of ${pages}`,
  units: { h: 'h', m: 'm', s: 's' },
  timesIn: (zone) => `Times in ${zone}; durations in business hours of the agreement's calendar.`,
  requestSummary: (agreement, month) => `Service level report ${month}: ${agreement}`,
  requestComment: (month, version) => `The service level report for ${month} is attached (version ${version}).`,
  reissued: (version) => `Corrected report, version ${version}: it replaces the earlier versions.`,
  breachesCut: (shown, total, file) => `${total} goals were breached this month. The first ${shown} are listed here; all of them are in ${file}, which comes with this report.`,
  detailsCut: (shown, total, file) => `The month counted ${total} goals. The first ${shown} are listed here; all of them are in ${file}, which comes with this report.`,
  listAttached: (file) => `Every goal counted in the month is in ${file}.`,
};

const DANISH: ReportLabels = {
  locale: 'da-DK',
  shortDateTime: 'dd.MM.yy HH:mm',
  title: 'Serviceniveaurapport',
  agreement: 'Aftale',
  customer: 'Kunde',
  environment: 'Miljø',
  period: 'Periode',
  issued: 'Udstedt',
  version: 'Version',
  requests: 'Sager',
  created: 'Oprettet',
  resolved: 'Løst',
  openAtEnd: 'Åbne ved månedens udgang',
  byStatus: 'efter status',
  byPriority: 'efter prioritet',
  none: 'ingen',
  compliance: 'Overholdelse pr. mål',
  goal: 'Mål',
  met: 'Overholdt',
  breached: 'Brudt',
  cancelled: 'Annulleret',
  closed: 'Afsluttet',
  target: 'Krav',
  result: 'Resultat',
  goalMet: 'Opfyldt',
  goalNotMet: 'Ikke opfyldt',
  nothingToJudge: 'Intet at måle',
  trend: 'Overholdelse de seneste måneder',
  month: 'Måned',
  breaches: 'Brudte mål',
  noBreaches: 'Intet mål blev brudt i denne måned.',
  request: 'Sag',
  priority: 'Prioritet',
  breachedAt: 'Brudt',
  over: 'Overskredet',
  allGoals: 'Alle mål talt med i måneden',
  noCycles: 'Intet mål blev afsluttet, annulleret eller brudt i denne måned.',
  cycle: 'Forløb',
  outcome: 'Udfald',
  started: 'Startet',
  ended: 'Afsluttet',
  elapsed: 'Forbrugt',
  outcomes: { met: 'Overholdt', breached: 'Brudt', cancelled: 'Annulleret' },
  page: (page, pages) => `Side ${page} af ${pages}`,
  units: { h: 't', m: 'm', s: 's' },
  timesIn: (zone) => `Tider i ${zone}; varigheder i aftalens arbejdstid.`,
  requestSummary: (agreement, month) => `Serviceniveaurapport ${month}: ${agreement}`,
  requestComment: (month, version) => `Serviceniveaurapporten for ${month} er vedhæftet (version ${version}).`,
  reissued: (version) => `Rettet rapport, version ${version}: den erstatter de tidligere versioner.`,
  breachesCut: (shown, total, file) => `${total} mål blev brudt i måneden. De første ${shown} står her; alle står i ${file}, der følger med rapporten.`,
  detailsCut: (shown, total, file) => `Måneden talte ${total} mål. De første ${shown} står her; alle står i ${file}, der følger med rapporten.`,
  listAttached: (file) => `Alle mål talt med i måneden står i ${file}.`,
};

export function labelsFor(language: ReportLanguage): ReportLabels {
  return language === 'da' ? DANISH : ENGLISH;
}
