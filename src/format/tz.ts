// Time zones for timestamps: the UTC offset of an instant comes from Intl (ICU's tz data, which
// keeps the seconds of old local mean times, as Python's zoneinfo does); the abbreviation (%Z)
// comes from the system's TZif files, which is what zoneinfo reads, with Intl's short name as a
// fallback.

import { readFileSync } from 'node:fs';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** True when `name` is a time zone Intl knows (IANA names such as Europe/Paris, or UTC). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** Seconds east of UTC in zone `tz` at `epochSeconds`. */
export function utcOffsetSeconds(tz: string, epochSeconds: number): number {
  let fmt = offsetFormats.get(tz);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset', year: 'numeric' });
    offsetFormats.set(tz, fmt);
  }
  const name = fmt.formatToParts(new Date(epochSeconds * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? '';
  const m = /^GMT([+-])(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?$/.exec(name);
  if (!m) return 0;
  const secs = Number(m[2]) * 3600 + Number(m[3] ?? 0) * 60 + Number(m[4] ?? 0);
  return m[1] === '-' ? -secs : secs;
}

interface ZoneFile {
  transitions: number[];
  types: number[];
  infos: { offset: number; isDst: boolean; abbr: string }[];
  footerNames: { std: string; dst?: string; stdOffset: number } | null;
}

const ZONE_DIRS = ['/usr/share/zoneinfo', '/usr/lib/zoneinfo', '/usr/share/lib/zoneinfo', '/etc/zoneinfo'];
const zoneFiles = new Map<string, ZoneFile | null>();

function readCString(buf: Buffer, start: number): string {
  let end = start;
  while (end < buf.length && buf[end] !== 0) end++;
  return buf.toString('latin1', start, end);
}

function parseFooter(footer: string): ZoneFile['footerNames'] {
  const m = /^(<[^>]*>|[A-Za-z]+)([+-]?\d{1,2}(?::\d{2}){0,2})(<[^>]*>|[A-Za-z]+)?/.exec(footer);
  if (!m) return null;
  const unbracket = (s: string) => (s.startsWith('<') ? s.slice(1, -1) : s);
  const [h, mi = '0', s = '0'] = m[2].replace(/^[+-]/, '').split(':');
  const west = Number(h) * 3600 + Number(mi) * 60 + Number(s);
  return { std: unbracket(m[1]), dst: m[3] ? unbracket(m[3]) : undefined, stdOffset: m[2].startsWith('-') ? west : -west };
}

function parseZoneFile(buf: Buffer): ZoneFile | null {
  if (buf.toString('latin1', 0, 4) !== 'TZif') return null;
  const counts = (at: number) => [20, 24, 28, 32, 36, 40].map((o) => buf.readUInt32BE(at + o));
  let [isUt, isStd, leap, timeCnt, typeCnt, charCnt] = counts(0);
  let pos = 44;
  let timeSize = 4;
  if (buf[4] >= 0x32) {
    pos += timeCnt * 4 + timeCnt + typeCnt * 6 + charCnt + leap * 8 + isStd + isUt;
    [isUt, isStd, leap, timeCnt, typeCnt, charCnt] = counts(pos);
    pos += 44;
    timeSize = 8;
  }
  const transitions: number[] = [];
  for (let i = 0; i < timeCnt; i++) transitions.push(timeSize === 8 ? Number(buf.readBigInt64BE(pos + i * 8)) : buf.readInt32BE(pos + i * 4));
  pos += timeCnt * timeSize;
  const types = Array.from(buf.subarray(pos, pos + timeCnt));
  pos += timeCnt;
  const raw = [];
  for (let i = 0; i < typeCnt; i++) raw.push({ offset: buf.readInt32BE(pos + i * 6), isDst: buf[pos + i * 6 + 4] === 1, idx: buf[pos + i * 6 + 5] });
  pos += typeCnt * 6;
  const infos = raw.map((r) => ({ offset: r.offset, isDst: r.isDst, abbr: readCString(buf, pos + r.idx) }));
  pos += charCnt + leap * (timeSize + 4) + isStd + isUt;
  let footerNames = null;
  if (timeSize === 8) {
    const rest = buf.toString('latin1', pos);
    const m = /^\n([^\n]*)\n/.exec(rest);
    if (m && m[1]) footerNames = parseFooter(m[1]);
  }
  return { transitions, types, infos, footerNames };
}

function zoneFile(tz: string): ZoneFile | null {
  if (zoneFiles.has(tz)) return zoneFiles.get(tz)!;
  let zone: ZoneFile | null = null;
  if (!tz.includes('..') && !tz.startsWith('/')) {
    for (const dir of ZONE_DIRS) {
      try {
        zone = parseZoneFile(readFileSync(`${dir}/${tz}`));
        if (zone) break;
      } catch {
        // not there; try the next directory
      }
    }
  }
  zoneFiles.set(tz, zone);
  return zone;
}

function intlShortName(tz: string, epochSeconds: number): string {
  const fmt = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'short' });
  return fmt.formatToParts(new Date(epochSeconds * 1000)).find((p) => p.type === 'timeZoneName')?.value ?? tz;
}

/** The zone's abbreviation at an instant (EST, CEST, LMT, +0530, ...), for %Z. */
export function zoneAbbreviation(tz: string, epochSeconds: number, offset: number): string {
  const zone = zoneFile(tz);
  if (!zone || zone.infos.length === 0) return intlShortName(tz, epochSeconds);
  const { transitions, types, infos, footerNames } = zone;
  if (transitions.length === 0 || epochSeconds < transitions[0]) {
    if (transitions.length === 0 && footerNames) return pickFooterName(footerNames, offset);
    return (infos.find((i) => !i.isDst) ?? infos[0]).abbr;
  }
  if (epochSeconds >= transitions[transitions.length - 1] && footerNames) {
    return pickFooterName(footerNames, offset);
  }
  let lo = 0;
  let hi = transitions.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (transitions[mid] <= epochSeconds) lo = mid;
    else hi = mid - 1;
  }
  return infos[types[lo]]?.abbr ?? intlShortName(tz, epochSeconds);
}

function pickFooterName(names: NonNullable<ZoneFile['footerNames']>, offset: number): string {
  return names.dst && offset !== names.stdOffset ? names.dst : names.std;
}
