// A CQL-style map literal read back into data: `{'minimum_units': 5, 'scaling_policy': {'k': true}}`,
// the form Amazon Keyspaces prints its auto-scaling settings in (system_schema_mcs.autoscaling,
// system_multiregion_info.autoscaling). Keys are quoted strings (or bare words); values are maps,
// strings, numbers, booleans or null.

export type LiteralValue = string | number | boolean | null | LiteralMap;
export interface LiteralMap {
  [key: string]: LiteralValue;
}

/** The map the text holds, or undefined when it is not one (a parse error is no error here). */
export function parseMapLiteral(text: string): LiteralMap | undefined {
  const p = new Parser(text);
  try {
    const v = p.value();
    p.skipSpace();
    return p.done() && isMap(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export const isMap = (v: unknown): v is LiteralMap => typeof v === 'object' && v !== null && !Array.isArray(v);

class Parser {
  private at = 0;
  constructor(private readonly s: string) {}

  done(): boolean {
    return this.at >= this.s.length;
  }

  skipSpace(): void {
    while (this.at < this.s.length && /\s/.test(this.s[this.at])) this.at++;
  }

  value(): LiteralValue {
    this.skipSpace();
    const c = this.s[this.at];
    if (c === '{') return this.map();
    if (c === "'" || c === '"') return this.quoted();
    const m = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*)/.exec(this.s.slice(this.at));
    if (!m) throw new Error(`unexpected ${c ?? 'end'} at ${this.at}`);
    this.at += m[1].length;
    const word = m[1].toLowerCase();
    if (/^-?\d/.test(word)) return Number(m[1]);
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null' || word === 'none') return null;
    return m[1];
  }

  private map(): LiteralMap {
    const out: LiteralMap = {};
    this.at++; // {
    this.skipSpace();
    if (this.s[this.at] === '}') {
      this.at++;
      return out;
    }
    for (;;) {
      const key = this.value();
      if (isMap(key) || key === null) throw new Error(`bad key at ${this.at}`);
      this.expect(':');
      out[String(key)] = this.value();
      this.skipSpace();
      const c = this.s[this.at++];
      if (c === '}') return out;
      if (c !== ',') throw new Error(`expected , or } at ${this.at - 1}`);
    }
  }

  private quoted(): string {
    const q = this.s[this.at++];
    let out = '';
    for (;;) {
      if (this.at >= this.s.length) throw new Error('unterminated string');
      const c = this.s[this.at++];
      if (c !== q) {
        out += c;
        continue;
      }
      // a doubled quote is one quote
      if (this.s[this.at] === q) {
        out += q;
        this.at++;
        continue;
      }
      return out;
    }
  }

  private expect(c: string): void {
    this.skipSpace();
    if (this.s[this.at] !== c) throw new Error(`expected ${c} at ${this.at}`);
    this.at++;
  }
}
