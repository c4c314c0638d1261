// How values are displayed, from cqlshrc's [ui] section and the TZ environment variable, as cqlsh
// reads them: TZ wins over [ui] timezone; a zone neither knows is reported and UTC is used.
import type { FormatOptions } from '../format/options.js';
import { isKnownTimeZone } from '../format/tz.js';
import type { IniSection } from '../util/ini.js';

export interface DisplaySettings {
  format: Partial<FormatOptions>;
  /** warnings for stderr, worded as cqlsh's */
  warnings: string[];
}

export function displaySettings(ui: IniSection | undefined, env: NodeJS.ProcessEnv = process.env): DisplaySettings {
  const format: Partial<FormatOptions> = {};
  const warnings: string[] = [];
  const int = (key: string) => {
    const v = ui?.get(key);
    return v !== undefined && /^\s*-?\d+\s*$/.test(v) ? Number(v) : undefined;
  };
  const floatPrecision = int('float_precision');
  if (floatPrecision !== undefined) format.floatPrecision = floatPrecision;
  const doublePrecision = int('double_precision');
  if (doublePrecision !== undefined) format.doublePrecision = doublePrecision;
  const timeFormat = ui?.get('time_format');
  if (timeFormat) format.timestampFormat = timeFormat;
  const rcZone = ui?.get('timezone');
  if (rcZone !== undefined) {
    if (isKnownTimeZone(rcZone)) format.timezone = rcZone;
    else warnings.push(`Warning: could not recognize timezone '${rcZone}' specified in cqlshrc\n\n`);
  }
  const envZone = env.TZ;
  if (envZone !== undefined) {
    if (isKnownTimeZone(envZone)) format.timezone = envZone;
    else warnings.push(`Warning: could not recognize timezone '${envZone}' from environment value TZ\n\n`);
  }
  return { format, warnings };
}
