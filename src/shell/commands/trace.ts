// Query traces as cqlsh prints them (SHOW SESSION, and after each statement while TRACING is ON):
// read system_traces.sessions and .events, then a table of activity, timestamp, source,
// source_elapsed and client, always horizontal, framed by blank lines and the session id.
import { describeError } from '../../db/errors.js';
import { fetchTrace, traceReadError, type Trace } from '../../db/trace.js';
import type { Consistency } from '../../cql/vocabulary.js';
import type { Session } from '../../db/session.js';
import type { Output } from '../output.js';
import { fail } from './args.js';
import { displayWidth } from '../../format/width.js';

// ---- times, as Python's str(datetime) shows them, shifted to local time the way cqlsh does ----

/** cqlsh's UTC-to-local shift: the local UTC offset now, whatever the date shown. */
const localShiftMicros = (): bigint => BigInt(-new Date().getTimezoneOffset()) * 60_000_000n;

function pyDatetime(micros: bigint, utcSuffix: boolean): string {
  const ms = micros / 1000n - (micros % 1000n < 0n ? 1n : 0n);
  const us = Number(((micros % 1_000_000n) + 1_000_000n) % 1_000_000n);
  const d = new Date(Number(ms));
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  let s = `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  if (us) s += `.${p(us, 6)}`;
  return utcSuffix ? `${s}+00:00` : s;
}

function roundHalfEven(x: number): number {
  const f = Math.floor(x);
  const diff = x - f;
  if (diff > 0.5) return f + 1;
  if (diff < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** A version-1 UUID's time in microseconds, rounded as the driver's float seconds make it. */
export function uuidTimeMicros(uuid: string): bigint {
  const h = uuid.replace(/-/g, '');
  const t = ((BigInt(`0x${h.slice(12, 16)}`) & 0xfffn) << 48n) | (BigInt(`0x${h.slice(8, 12)}`) << 32n) | BigInt(`0x${h.slice(0, 8)}`);
  const secs = Number(t - 0x01b21dd213814000n) / 1e7;
  let whole = Math.trunc(secs);
  let us = roundHalfEven((secs - whole) * 1e6);
  if (us >= 1e6) {
    us -= 1e6;
    whole += 1;
  } else if (us < 0) {
    us += 1e6;
    whole -= 1;
  }
  return BigInt(whole) * 1_000_000n + BigInt(us);
}

// ---- the table ----

/** cqlsh's text formatting of a value: backslashes doubled, control characters escaped. */
function cell(v: string | number | null): string {
  if (v === null) return 'null';
  if (typeof v === 'number') return String(v);
  return v.replace(/\\/g, '\\\\').replace(/[\x00-\x1f\x7f-\xa0]/g, (c) => {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
    return named[c] ?? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
  });
}

const microsOrDashes = (us: number | null): number | string => (us ? us : '--');

/** The trace's rows as cqlsh builds them (none when the trace has no events). */
export function traceRows(t: Trace): (string | number | null)[][] {
  if (t.events.length === 0) return [];
  const shift = localShiftMicros();
  const started = t.startedAt === null ? null : t.startedAt * 1000n + shift;
  const rows: (string | number | null)[][] = [[t.request, started === null ? null : pyDatetime(started, false), t.coordinator, 0, t.client]];
  for (const e of t.events) {
    rows.push([
      `${e.activity ?? 'None'} [${e.thread ?? 'None'}]`,
      pyDatetime(uuidTimeMicros(e.eventId) + shift, true),
      e.source,
      microsOrDashes(e.sourceElapsed),
      t.client,
    ]);
  }
  if (t.duration && started !== null) {
    rows.push(['Request complete', pyDatetime(started + BigInt(t.duration), false), t.coordinator, microsOrDashes(t.duration), t.client]);
  }
  return rows;
}

const NAMES = ['activity', 'timestamp', 'source', 'source_elapsed', 'client'];

/** The lines cqlsh prints for a trace: blank, `Tracing session: <id>`, blank, the table, blank. */
export function traceLines(t: Trace, tty: boolean): string[] {
  const rows = traceRows(t).map((r) => r.map(cell));
  const widths = NAMES.map((n, i) => Math.max(displayWidth(n), ...rows.map((r) => displayWidth(r[i]))));
  const pad = (s: string, w: number, left: boolean) => {
    const fill = ' '.repeat(Math.max(0, w - displayWidth(s)));
    return left ? s + fill : fill + s;
  };
  const lines = ['', `Tracing session: ${t.id}`, ''];
  lines.push(` ${NAMES.map((n, i) => pad(n, widths[i], true)).join(' | ')}`.trimEnd());
  lines.push(`-${widths.map((w) => '-'.repeat(w)).join('-+-')}-`);
  for (const r of rows) lines.push(` ${r.map((c, i) => pad(c, widths[i], false)).join(' | ')}`);
  if (tty) lines.push('');
  lines.push('');
  return lines;
}

/** SHOW SESSION <id>: the trace, or why there is none. */
export async function* showTrace(session: Session, id: string, o: { partial?: boolean; tty: boolean; maxWaitMs?: number }): AsyncGenerator<Output> {
  let trace: Trace | null;
  try {
    trace = await fetchTrace(session, id, { partial: o.partial, maxWaitMs: o.maxWaitMs });
  } catch (e) {
    yield fail(describeError(e).replace(/^\w+: /, ''));
    return;
  }
  if (!trace) yield fail(`Session ${id} wasn't found.`);
  else if (trace.events.length === 0) yield fail(`No rows for session ${id} found.`);
  else yield { kind: 'text', text: traceLines(trace, o.tty).join('\n'), result: true };
}

/**
 * What cqlsh prints after a statement run with TRACING ON whose trace id is `id` (for the engine):
 * the trace, read at the shell's consistency and waited for up to 10 s; when it is not complete by
 * then a red note and whatever part of it exists.
 */
export async function* statementTrace(
  session: Session,
  id: string,
  o: { consistency?: Consistency; tty: boolean; maxWaitMs?: number },
): AsyncGenerator<Output> {
  const maxWaitMs = o.maxWaitMs ?? 10_000;
  let trace: Trace | null;
  try {
    trace = await fetchTrace(session, id, { maxWaitMs, consistency: o.consistency });
  } catch (e) {
    yield fail(`Unable to fetch query trace: ${await traceReadError(session, e)}`);
    return;
  }
  if (!trace) {
    yield {
      kind: 'text',
      text: `Statement trace did not complete within ${Math.floor(maxWaitMs / 1000)} seconds; trace data may be incomplete.`,
      result: true,
    };
    yield* showTrace(session, id, { partial: true, tty: o.tty });
  } else if (trace.events.length === 0) yield fail(`No rows for session ${id} found.`);
  else yield { kind: 'text', text: traceLines(trace, o.tty).join('\n'), result: true };
}
