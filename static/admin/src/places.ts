// Where a path of the configuration is on the page: the tab whose forms show it, the field that edits it, and how to
// say where it is. The error summary, the simulator and the import panel route the resolvers' errors through it alike.
import { fieldInWords } from '../../../src/config/field-words';
import type { ApiErrorItem } from '../../shared/api';
import type { FieldIssue } from './errors';
import { labelOf, type ConfigBundle } from './model';
import { ROOT, sectionOf, segmentsOf, withoutPrefix } from './paths';
import { SECTIONS, type Section, type SectionKey } from './sections';

export interface Place {
  /** The tab showing the path; undefined when no form does (`version`, the configuration as a whole). */
  tab: SectionKey | undefined;
  /** The path relative to the bundle, as the forms write it in data-path and data-error-path. */
  field: string;
  /** `Calendar “Copenhagen office hours” › Monday interval 2`. */
  description: string;
}

const sectionOfField = (field: string): Section | undefined => SECTIONS.find((s) => s.id === sectionOf(field));

export function tabOf(field: string): SectionKey | undefined {
  // The at-risk share is set beside the goals it applies to.
  if (sectionOf(field) === 'settings') return 'goals';
  return sectionOfField(field)?.id;
}

/** `Calendar “Copenhagen office hours” › Monday interval 2`: the entry by name, then where inside it, in words. */
export function describePath(bundle: ConfigBundle, field: string): string {
  if (field === ROOT) return 'The configuration';
  const section = sectionOfField(field);
  if (!section) return field;
  const index = segmentsOf(field)[1];
  if (typeof index !== 'number') return `${section.label} › ${field.slice(section.id.length).replace(/^\./, '') || 'the list'}`;
  // Suppliers are optional in the bundle: no list yet is an empty one.
  const entry = ((bundle[section.id] ?? []) as Array<{ id: string; name?: string }>)[index];
  const rest = field.slice(`${section.id}[${index}]`.length).replace(/^\./, '');
  const name = entry ? labelOf(entry) : `#${index + 1}`;
  return rest ? `${section.noun} ${name} › ${fieldInWords(rest)}` : `${section.noun} ${name}`;
}

export function placeOf(bundle: ConfigBundle, field: string): Place {
  return { tab: tabOf(field), field, description: describePath(bundle, field) };
}

/** A resolver's path (`bundle.calendars[0]`, `bundle`) as the field it concerns; undefined outside the bundle. */
export function fieldOf(resolverPath: string | undefined): string | undefined {
  return withoutPrefix(resolverPath, 'bundle');
}

/** A resolver's errors split into those on the configuration's fields and the rest (permission, storage, the simulator's own input). */
export function routeBundleErrors(errors: readonly ApiErrorItem[]): { issues: FieldIssue[]; rest: ApiErrorItem[] } {
  const issues: FieldIssue[] = [];
  const rest: ApiErrorItem[] = [];
  for (const error of errors) {
    const field = fieldOf(error.path);
    if (error.code === 'INVALID' && field !== undefined) issues.push({ path: field, message: error.message });
    else rest.push(error);
  }
  return { issues, rest };
}
