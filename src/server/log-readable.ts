import type { DestinationStream } from 'pino';

/**
 * Log lines for a person at a terminal: `20:41:07 WARN  message  key=value …`. The JSON lines
 * pino writes are rewritten as they go (after redaction and scrubbing, which happen before);
 * anywhere else (a file, a collector) the server writes JSON. LOG_FORMAT=json asks for JSON anyway.
 */

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };
/** pino's own fields, shown in the line's head or not at all. */
const OWN = new Set(['level', 'time', 'msg', 'pid', 'hostname', 'app']);

function show(value: unknown): string {
  if (typeof value === 'string') return /[\s"=]/.test(value) || value === '' ? JSON.stringify(value) : value;
  return JSON.stringify(value) ?? String(value);
}

/** One pino JSON line as a readable line; a line that is not JSON is passed through as it is. */
export function readableLine(json: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(json);
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return `${json.trimEnd()}\n`;
  const fields = entry as Record<string, unknown>;
  const time = typeof fields['time'] === 'number' ? new Date(fields['time']).toTimeString().slice(0, 8) : '--:--:--';
  const level = LEVELS[typeof fields['level'] === 'number' ? fields['level'] : 30] ?? 'INFO ';
  const message = typeof fields['msg'] === 'string' ? fields['msg'] : '';
  // A value the message already says (the start line's URL) is not repeated after it.
  const said = (v: unknown) => typeof v === 'string' && v !== '' && message.includes(v);
  const rest = Object.entries(fields).filter(([k, v]) => !OWN.has(k) && !said(v)).map(([k, v]) => `${k}=${show(v)}`);
  return `${time} ${level} ${message}${rest.length > 0 ? `  ${rest.join(' ')}` : ''}\n`;
}

/** A pino destination that writes readable lines to `out`. */
export function readableDestination(out: { write(text: string): unknown }): DestinationStream {
  return { write: (line: string) => void out.write(readableLine(line)) };
}

/** LOG_FORMAT: `json` or `readable`; unset, readable on a terminal and JSON elsewhere. */
export function logFormat(raw: string | undefined, isTerminal: boolean): { ok: true; format: 'json' | 'readable' } | { ok: false; error: string } {
  const value = raw?.trim().toLowerCase() ?? '';
  if (value === '') return { ok: true, format: isTerminal ? 'readable' : 'json' };
  if (value === 'json' || value === 'readable') return { ok: true, format: value };
  return { ok: false, error: `LOG_FORMAT must be json or readable (got ${JSON.stringify(raw?.slice(0, 40))}); leave it unset for readable lines on a terminal and JSON elsewhere.` };
}
