// Files the surfaces hand to the browser: it saves them the way it saves any download, and the person's own viewer
// opens them (a PDF report from the portal or the admin page).

/** Saves base64 content as a file named `fileName`. */
export function saveBase64File(fileName: string, base64: string, type = 'application/pdf'): void {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the click; the URL is kept a while for browsers that read it late.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `November 2026` for `2026-11`; the text itself when it is not a month. */
export function monthTitle(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1)).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}
