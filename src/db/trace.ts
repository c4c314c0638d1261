// Query traces read as the Python driver's QueryTrace reads them: system_traces.sessions polled
// until the session is there (and complete), then its events. Shown by shell/commands/trace.ts.
import type { CqlValue } from '../cql/types.js';
import { CqlTimestamp } from '../cql/types.js';
import type { Consistency } from '../cql/vocabulary.js';
import { noHostForOperation } from './errors.js';
import { selectRows } from './schema-rows.js';
import type { Session } from './session.js';

export interface TraceEvent {
  activity: string | null;
  /** the event's timeuuid */
  eventId: string;
  source: string | null;
  sourceElapsed: number | null;
  thread: string | null;
}

export interface Trace {
  id: string;
  request: string | null;
  /** milliseconds since the epoch */
  startedAt: bigint | null;
  /** microseconds; null while the session is still running */
  duration: number | null;
  coordinator: string | null;
  client: string | null;
  events: TraceEvent[];
}

const str = (v: CqlValue | undefined): string | null => (v === null || v === undefined ? null : String(v));
const num = (v: CqlValue | undefined): number | null => (typeof v === 'number' ? v : typeof v === 'bigint' ? Number(v) : null);

/**
 * Reads a trace as the Python driver's QueryTrace.populate does: poll the session row (sleeping
 * 3 ms, 6 ms, 12 ms, ...) until it exists and, unless `partial`, is complete; null when that does
 * not happen within `maxWaitMs`.
 */
export async function fetchTrace(
  session: Session,
  id: string,
  o: { partial?: boolean; maxWaitMs?: number; consistency?: Consistency } = {},
): Promise<Trace | null> {
  const maxWait = o.maxWaitMs ?? 2000;
  const start = Date.now();
  for (let attempt = 0; ; attempt++) {
    if (Date.now() - start >= maxWait) return null;
    const [row] = await selectRows(session, `SELECT * FROM system_traces.sessions WHERE session_id = ${id}`, o.consistency);
    const complete = row !== undefined && row.duration !== null && row.started_at !== null;
    if (!row || (!o.partial && !complete)) {
      await new Promise((r) => setTimeout(r, 3 * 2 ** attempt));
      continue;
    }
    const events = await selectRows(session, `SELECT * FROM system_traces.events WHERE session_id = ${id}`, o.consistency);
    return {
      id,
      request: str(row.request),
      startedAt: row.started_at instanceof CqlTimestamp ? row.started_at.millis : null,
      duration: complete ? num(row.duration) : null,
      coordinator: str(row.coordinator),
      client: str(row.client),
      events: events.map((e) => ({
        activity: str(e.activity),
        eventId: String(e.event_id),
        source: str(e.source),
        sourceElapsed: num(e.source_elapsed),
        thread: str(e.thread),
      })),
    };
  }
}

/** A failed trace read as the Python driver reports it: a NoHostAvailable naming the host and its datacenter. */
export async function traceReadError(session: Session, e: unknown): Promise<string> {
  let dc = '';
  try {
    const [row] = await selectRows(session, 'SELECT data_center FROM system.local');
    dc = str(row?.data_center) ?? '';
  } catch {
    // keep the host without its datacenter
  }
  return noHostForOperation(e, session.info.host, session.info.port, dc);
}
