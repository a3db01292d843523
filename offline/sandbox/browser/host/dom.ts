// A few helpers to draw the host page with the DOM: no framework, the page is small.

type Child = Node | string | number | null | undefined | false;
type Attributes = Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>;

/** `h('button', { class: 'x', onclick: fn, 'data-testid': 'y' }, 'Label')`. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (name === 'value' && 'value' in element) (element as HTMLInputElement).value = String(value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

export function clear(element: Element, ...children: Child[]): void {
  element.replaceChildren();
  append(element, ...children);
}

export function option(value: string, label: string, selected = false): HTMLOptionElement {
  return h('option', { value, selected }, label);
}

const ZONE = 'Europe/Copenhagen';
const dateTime = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateTimeYear = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** `Thu 26 Nov, 10:00` in Copenhagen, the site's zone. */
export function when(iso: string | null, withYear = false): string {
  if (!iso) return '—';
  return (withYear ? dateTimeYear : dateTime).format(new Date(iso));
}

/** `2026-11-26T10:00`: the Copenhagen wall-clock value a datetime-local input takes. */
export function localInputValue(iso: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A status lozenge coloured by category, as Jira draws it. */
export function lozenge(status: string, category: string): HTMLElement {
  return h('span', { class: `lozenge lozenge-${category}`, 'data-testid': 'status-lozenge' }, status);
}
