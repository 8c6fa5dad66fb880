import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MUTED_TEXT } from '../../../design-system/surface.ts';

interface Props {
  label: string;
  /** What the document holds; undefined when the field is not sent (the default applies). */
  value: number | undefined;
  /** Shown in an empty field: the default Volcengine applies. */
  placeholder?: string | undefined;
  /** An empty field removes the value (the default applies); without this, empty is refused. */
  optional?: boolean;
  step: number;
  unit?: string;
  /** Why the value is a problem (request rules), or what happened to it, in the page's language. */
  notes?: readonly { text: string; severe: boolean }[];
  /** A valid entry: the number, or undefined for "not sent". `gesture` names the focus session (one undo step). */
  onCommit: (value: number | undefined, gesture: string) => void;
  /** Why the document may hold another value than the one typed (mixscope writes whole pixels inside the canvas). */
  adjusted?: string;
  testId?: string;
}

let sessions = 0;

/** The number in a field's text, or why there is none. */
function read(text: string, optional: boolean): { ok: true; value: number | undefined } | { ok: false; reason: 'empty' | 'notNumber' } {
  const s = text.trim();
  if (s === '') return optional ? { ok: true, value: undefined } : { ok: false, reason: 'empty' };
  const n = Number(s);
  return Number.isFinite(n) ? { ok: true, value: n } : { ok: false, reason: 'notNumber' };
}

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * A number typed in as in OBS's transform dialog: each valid entry applies at once (the keystrokes
 * of one visit to the field are one undo step), arrows step it (Shift ten times), a value that is
 * not a number is said beside the field and not applied, and what Volcengine does with the value
 * entered (the request rules for this field) is said under it.
 */
export function NumberField({ label, value, placeholder, optional = false, step, unit, notes = [], onCommit, adjusted, testId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState<string | undefined>(undefined);
  const [problem, setProblem] = useState<'empty' | 'notNumber'>();
  const session = useRef('');
  // The document's value unless the field is being typed in.
  const shown = text ?? (value === undefined ? '' : String(round(value)));
  const change = (next: string) => {
    setText(next);
    const r = read(next, optional);
    if (!r.ok) return setProblem(r.reason);
    setProblem(undefined);
    onCommit(r.value, session.current);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    e.preventDefault();
    const r = read(shown, false);
    const base = r.ok && r.value !== undefined ? r.value : (value ?? 0);
    change(String(round(base + (e.key === 'ArrowUp' ? 1 : -1) * step * (e.shiftKey ? 10 : 1))));
  };
  const typed = text === undefined ? undefined : read(text, optional);
  const written = adjusted && typed?.ok && typed.value !== undefined && value !== undefined && Math.abs(typed.value - value) > 1e-6;
  const all = [
    ...(problem ? [{ text: t(`editor.field.${problem}`), severe: true }] : []),
    ...(written ? [{ text: t('editor.field.written', { value: round(value), why: adjusted }), severe: false }] : []),
    ...notes,
  ];
  const severe = all.some((n) => n.severe);
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="block text-xs font-medium">{label}{unit && <span className={MUTED_TEXT}> ({unit})</span>}</label>
      <input
        id={id}
        data-testid={testId}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        value={shown}
        placeholder={placeholder}
        aria-invalid={severe || undefined}
        aria-describedby={all.length > 0 ? `${id}-notes` : undefined}
        onFocus={() => (session.current = `field:${++sessions}`)}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          setText(undefined);
          setProblem(undefined);
        }}
        onKeyDown={onKeyDown}
        className={`mt-0.5 w-full min-w-0 rounded-md border bg-white px-2 py-1 font-mono text-sm tabular-nums dark:bg-slate-950 ${severe ? 'border-orange-600 dark:border-orange-400' : 'border-slate-300 dark:border-slate-600'}`}
      />
      {all.length > 0 && (
        <ul id={`${id}-notes`} className="mt-0.5 space-y-0.5 text-xs">
          {all.map((n, i) => (
            <li key={i} className={n.severe ? 'text-orange-800 dark:text-orange-300' : MUTED_TEXT}>{n.severe && <span aria-hidden="true">✕ </span>}{n.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
