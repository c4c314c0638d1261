// Whether a run shows colours, decided by tscqlsh itself (never by a library sniffing the
// environment: Ink's colour library turns colours off whenever a `CI` variable is set): the
// --color / --no-color flag, else the profile's or cqlshrc's `color`, else NO_COLOR (set and not
// empty: off, as no-color.org asks, below a user's explicit configuration), else on for a terminal
// unless TERM is `dumb`. Output that is not a terminal gets colours only when asked for.

export interface ColorInputs {
  /** --color (true) / --no-color (false) */
  flag?: boolean;
  /** the profile's `color`, else cqlshrc's [ui] color */
  configured?: boolean;
  /** whether the output is a terminal the user looks at */
  terminal: boolean;
  env: NodeJS.ProcessEnv;
}

export function decideColor(o: ColorInputs): boolean {
  if (o.flag !== undefined) return o.flag;
  if (!o.terminal) return o.configured === true;
  if (o.configured !== undefined) return o.configured;
  if (o.env.NO_COLOR !== undefined && o.env.NO_COLOR !== '') return false;
  return o.env.TERM !== 'dumb';
}
