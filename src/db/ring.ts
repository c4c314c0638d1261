// The token ring for COPY FROM's batching (cqlsh's TokenMap): the Murmur3 tokens of every node
// (system.local and system.peers_v2/peers), a partition key's token computed on the client
// (Murmur3Partitioner's hash of the serialized key, composite keys as Cassandra encodes them),
// and the ring position (the range a token falls in) that groups rows sharing their replicas.
import type { CqlType, CqlValue } from '../cql/types.js';
import { list, type Row, selectRows, str, strOrNull } from './schema-rows.js';
import type { Session } from './session.js';
import { part } from './value-bytes.js';

export interface TokenRing {
  /** sorted ring tokens, as signed high and unsigned low 32-bit halves */
  hi: Int32Array;
  lo: Uint32Array;
  /** the node owning each ring position (its first replica), as an index into `hosts` */
  owner: Uint16Array;
  hosts: string[];
}

/** One node of the ring as system.local (the node the session talks to) or system.peers_v2 / system.peers describe it. */
export interface RingNode {
  hostId: string;
  /** where clients reach it: the session's host for the local node, else its native (rpc) address */
  address: string;
  /** its internode endpoint as Cassandra names it: `/address:port` */
  endpoint: string;
  dc: string | null;
  rack: string | null;
  tokens: string[];
}

export interface RingNodes {
  clusterName: string;
  partitioner: string;
  /** the local node first, then its peers */
  nodes: RingNode[];
}

/** The one reader of the ring: system.local and system.peers_v2 (system.peers before Cassandra 4). */
export async function readRingNodes(session: Session): Promise<RingNodes | null> {
  const [local] = await selectRows(session, 'SELECT * FROM system.local');
  if (!local) return null;
  let peers: Row[];
  try {
    peers = await selectRows(session, 'SELECT * FROM system.peers_v2');
  } catch {
    peers = await selectRows(session, 'SELECT * FROM system.peers');
  }
  const endpoint = (addr: CqlValue | undefined, port: CqlValue | undefined) => `/${str(addr)}:${port ?? 7000}`;
  const node = (r: Row, address: string, at: string): RingNode => ({
    hostId: str(r.host_id),
    address,
    endpoint: at,
    dc: strOrNull(r.data_center),
    rack: strOrNull(r.rack),
    tokens: list(r.tokens),
  });
  const nodes = [node(local, session.info.host, endpoint(local.listen_address ?? local.broadcast_address, local.listen_port))];
  for (const p of peers) {
    let address = strOrNull(p.native_address) ?? strOrNull(p.rpc_address);
    if (!address || address === '0.0.0.0' || address === '::') address = str(p.peer);
    nodes.push(node(p, address, endpoint(p.peer, p.peer_port)));
  }
  return { clusterName: str(local.cluster_name), partitioner: str(local.partitioner), nodes };
}

/** The ring of a Murmur3 cluster, or null when it cannot be known (Keyspaces, other partitioners, no tokens). */
export async function loadRing(session: Session): Promise<TokenRing | null> {
  if (session.isAmazonKeyspaces) return null;
  try {
    const r = await readRingNodes(session);
    if (!r || !/Murmur3Partitioner$/.test(r.partitioner)) return null;
    const nodes = r.nodes.map((n) => ({ host: n.hostId, tokens: n.tokens }));
    const all: [bigint, number][] = [];
    nodes.forEach((n, i) => n.tokens.forEach((t) => all.push([BigInt(t), i])));
    if (all.length === 0 || nodes.length > 65535) return null;
    all.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const ring: TokenRing = {
      hi: new Int32Array(all.length),
      lo: new Uint32Array(all.length),
      owner: new Uint16Array(all.length),
      hosts: nodes.map((n) => n.host),
    };
    all.forEach(([t, o], i) => {
      ring.hi[i] = Number(BigInt.asIntN(32, t >> 32n));
      ring.lo[i] = Number(BigInt.asUintN(32, t));
      ring.owner[i] = o;
    });
    return ring;
  } catch {
    return null;
  }
}

/**
 * The ring position a token falls in: the first ring token at or above it (the range
 * (previous token, that token] it belongs to, whose replicas own it), wrapping past the last token
 * to 0. (cqlsh's get_ring_pos bisects right, which puts a token equal to a ring token in the next
 * range; routing needs the range that owns it.)
 */
export function ringPosition(ring: TokenRing, hi: number, lo: number): number {
  let a = 0;
  let b = ring.hi.length;
  while (a < b) {
    const m = (a + b) >>> 1;
    const mh = ring.hi[m];
    if (hi < mh || (hi === mh && lo <= ring.lo[m])) b = m;
    else a = m + 1;
  }
  return a < ring.hi.length ? a : 0;
}

// ---- Murmur3 (Cassandra's MurmurHash.hash3_x64_128, first 64 bits), on 32-bit halves ----

let rh = 0;
let rl = 0;

/** (ah:al) * (bh:bl) mod 2^64 into rh:rl */
function mul(ah: number, al: number, bh: number, bl: number): void {
  const a48 = ah >>> 16,
    a32 = ah & 0xffff,
    a16 = al >>> 16,
    a00 = al & 0xffff;
  const b48 = bh >>> 16,
    b32 = bh & 0xffff,
    b16 = bl >>> 16,
    b00 = bl & 0xffff;
  let c00 = a00 * b00;
  let c16 = c00 >>> 16;
  c00 &= 0xffff;
  c16 += a16 * b00;
  let c32 = c16 >>> 16;
  c16 &= 0xffff;
  c16 += a00 * b16;
  c32 += c16 >>> 16;
  c16 &= 0xffff;
  c32 += a32 * b00;
  let c48 = c32 >>> 16;
  c32 &= 0xffff;
  c32 += a16 * b16;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c32 += a00 * b32;
  c48 += c32 >>> 16;
  c32 &= 0xffff;
  c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
  c48 &= 0xffff;
  rh = ((c48 << 16) | c32) >>> 0;
  rl = ((c16 << 16) | c00) >>> 0;
}

/** rotate left by n (0 < n < 64) into rh:rl */
function rotl(h: number, l: number, n: number): void {
  if (n >= 32) {
    const t = h;
    h = l;
    l = t;
    n -= 32;
  }
  if (n === 0) {
    rh = h >>> 0;
    rl = l >>> 0;
    return;
  }
  rh = ((h << n) | (l >>> (32 - n))) >>> 0;
  rl = ((l << n) | (h >>> (32 - n))) >>> 0;
}

/** (ah:al) + (bh:bl) mod 2^64 into rh:rl */
function add(ah: number, al: number, bh: number, bl: number): void {
  const lo = (al >>> 0) + (bl >>> 0);
  rl = lo >>> 0;
  rh = ((ah >>> 0) + (bh >>> 0) + (lo > 0xffffffff ? 1 : 0)) >>> 0;
}

const C1H = 0x87c37b91,
  C1L = 0x114253d5;
const C2H = 0x4cf5ad43,
  C2L = 0x2745937f;

function fmix(h: number, l: number): void {
  // k ^= k >>> 33; k *= 0xff51afd7ed558ccd; k ^= k >>> 33; k *= 0xc4ceb9fe1a85ec53; k ^= k >>> 33
  l = (l ^ (h >>> 1)) >>> 0;
  mul(h, l, 0xff51afd7, 0xed558ccd);
  h = rh;
  l = (rl ^ (h >>> 1)) >>> 0;
  mul(h, l, 0xc4ceb9fe, 0x1a85ec53);
  h = rh;
  l = (rl ^ (h >>> 1)) >>> 0;
  rh = h;
  rl = l;
}

/** the Murmur3 token of key[0..len): its signed high half in tokenHi, unsigned low half in tokenLo */
export let tokenHi = 0;
export let tokenLo = 0;

export function murmur3(key: Uint8Array, len: number): void {
  let h1h = 0,
    h1l = 0,
    h2h = 0,
    h2l = 0;
  const nblocks = len >>> 4;
  for (let i = 0; i < nblocks; i++) {
    const o = i * 16;
    let k1l = (key[o] | (key[o + 1] << 8) | (key[o + 2] << 16) | (key[o + 3] << 24)) >>> 0;
    let k1h = (key[o + 4] | (key[o + 5] << 8) | (key[o + 6] << 16) | (key[o + 7] << 24)) >>> 0;
    let k2l = (key[o + 8] | (key[o + 9] << 8) | (key[o + 10] << 16) | (key[o + 11] << 24)) >>> 0;
    let k2h = (key[o + 12] | (key[o + 13] << 8) | (key[o + 14] << 16) | (key[o + 15] << 24)) >>> 0;
    mul(k1h, k1l, C1H, C1L);
    rotl(rh, rl, 31);
    mul(rh, rl, C2H, C2L);
    k1h = rh;
    k1l = rl;
    h1h = (h1h ^ k1h) >>> 0;
    h1l = (h1l ^ k1l) >>> 0;
    rotl(h1h, h1l, 27);
    add(rh, rl, h2h, h2l);
    mul(rh, rl, 0, 5);
    add(rh, rl, 0, 0x52dce729);
    h1h = rh;
    h1l = rl;
    mul(k2h, k2l, C2H, C2L);
    rotl(rh, rl, 33);
    mul(rh, rl, C1H, C1L);
    k2h = rh;
    k2l = rl;
    h2h = (h2h ^ k2h) >>> 0;
    h2l = (h2l ^ k2l) >>> 0;
    rotl(h2h, h2l, 31);
    add(rh, rl, h1h, h1l);
    mul(rh, rl, 0, 5);
    add(rh, rl, 0, 0x38495ab5);
    h2h = rh;
    h2l = rl;
  }
  // the tail: bytes are sign-extended (Java's byte → long) before the shift
  const o = nblocks * 16;
  const rest = len & 15;
  if (rest > 8) {
    let kh = 0,
      kl = 0;
    for (let i = rest - 1; i >= 8; i--) {
      const [bh, bl] = signedShift(key[o + i], (i - 8) * 8);
      kh ^= bh;
      kl ^= bl;
    }
    mul(kh >>> 0, kl >>> 0, C2H, C2L);
    rotl(rh, rl, 33);
    mul(rh, rl, C1H, C1L);
    h2h = (h2h ^ rh) >>> 0;
    h2l = (h2l ^ rl) >>> 0;
  }
  if (rest > 0) {
    let kh = 0,
      kl = 0;
    for (let i = Math.min(rest, 8) - 1; i >= 0; i--) {
      const [bh, bl] = signedShift(key[o + i], i * 8);
      kh ^= bh;
      kl ^= bl;
    }
    mul(kh >>> 0, kl >>> 0, C1H, C1L);
    rotl(rh, rl, 31);
    mul(rh, rl, C2H, C2L);
    h1h = (h1h ^ rh) >>> 0;
    h1l = (h1l ^ rl) >>> 0;
  }
  h1l = (h1l ^ len) >>> 0;
  h2l = (h2l ^ len) >>> 0;
  add(h1h, h1l, h2h, h2l);
  h1h = rh;
  h1l = rl;
  add(h2h, h2l, h1h, h1l);
  h2h = rh;
  h2l = rl;
  fmix(h1h, h1l);
  h1h = rh;
  h1l = rl;
  fmix(h2h, h2l);
  add(h1h, h1l, rh, rl);
  tokenHi = rh | 0;
  tokenLo = rl;
}

const shiftOut: [number, number] = [0, 0];
/** a byte sign-extended to 64 bits, shifted left by s (< 64), as [hi, lo] */
function signedShift(b: number, s: number): [number, number] {
  const neg = b >= 128;
  // the 64-bit value: low byte b, all higher bits set when negative
  let h = neg ? 0xffffffff : 0;
  let l = neg ? (0xffffff00 | b) >>> 0 : b;
  if (s >= 32) {
    h = l;
    l = 0;
    s -= 32;
  }
  if (s > 0) {
    h = ((h << s) | (l >>> (32 - s))) >>> 0;
    l = (l << s) >>> 0;
  }
  shiftOut[0] = h;
  shiftOut[1] = l;
  return shiftOut;
}

/** The token as a bigint (tests, debugging). */
export function tokenOf(key: Uint8Array): bigint {
  murmur3(key, key.length);
  return (BigInt(tokenHi) << 32n) | BigInt(tokenLo);
}

// ---- partition keys serialized as Cassandra does (for the token) ----

/**
 * A function writing a row's partition key into a reusable buffer (returning its length), or
 * null when a key column's type is not one this knows how to serialize (then no ring batching).
 */
export function keySerializer(types: CqlType[], idx: number[]): ((values: CqlValue[]) => { buf: Buffer; len: number }) | null {
  const writers = types.map(part);
  if (writers.some((w) => w === null)) return null;
  let buf = Buffer.allocUnsafe(256);
  const out = { buf, len: 0 };
  const ensure = (n: number) => {
    if (buf.length < n) {
      buf = Buffer.allocUnsafe(Math.max(n, buf.length * 2));
      out.buf = buf;
    }
  };
  if (writers.length === 1) {
    const w = writers[0]!;
    const k = idx[0];
    return (values) => {
      ensure(w.size(values[k]));
      out.len = w.write(buf, 0, values[k]);
      return out;
    };
  }
  return (values) => {
    let n = 0;
    for (let i = 0; i < writers.length; i++) n += 3 + writers[i]!.size(values[idx[i]]);
    ensure(n);
    let o = 0;
    for (let i = 0; i < writers.length; i++) {
      const len = writers[i]!.write(buf, o + 2, values[idx[i]]);
      buf.writeUInt16BE(len, o);
      buf[o + 2 + len] = 0;
      o += 3 + len;
    }
    out.len = o;
    return out;
  };
}
