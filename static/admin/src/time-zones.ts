// The browser's IANA zones, offered while an admin types a zone (the backend's validator has the final word).
export function knownZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return [];
  }
}
