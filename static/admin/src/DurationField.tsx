// A business-time duration field: admins type `1h30m`, `90m` or `PT1H30M`; the bundle gets ISO-8601 as soon as the
// text reads as a duration, while the field keeps showing what they type until they leave it (then the ISO form).
import { useState, type ReactNode } from 'react';
import { isoDuration } from './duration-input';
import { TextField } from './controls';

interface Props {
  label: string;
  path: string;
  value: string;
  onChange: (iso: string) => void;
  placeholder?: string;
  hint?: ReactNode;
  compact?: boolean;
}

export function DurationField({ label, path, value, onChange, placeholder, hint, compact }: Props) {
  // What the admin is typing, while the field has the focus; null shows the stored value.
  const [typing, setTyping] = useState<string | null>(null);
  return (
    <div
      onFocus={() => setTyping(value)}
      onBlur={() => setTyping(null)}
    >
      <TextField
        compact={compact}
        label={label}
        path={path}
        value={typing ?? value}
        placeholder={placeholder}
        hint={hint}
        onChange={(text) => {
          setTyping(text);
          onChange(isoDuration(text) ?? text);
        }}
      />
    </div>
  );
}
