// Driver errors → the one-line text cqlsh prints (`<Class>: <message>`), built from the protocol
// error code and the fields the driver decoded. cqlsh's wording comes from the Python driver:
// server errors read `Error from server: code=XXXX [summary] message="..."`, some with `info={...}`.
import driver from 'cassandra-driver';
import { FrameReader } from 'cassandra-driver/lib/readers.js';
import { pyStrRepr } from '../format/pyvalues.js';
import { consistencyName } from './consistency.js';

const codes = driver.types.responseErrorCodes;

interface ErrorKind {
  name: string;
  summary: string;
  /** true when cqlsh prints only the server's message (errors the Python driver does not wrap) */
  bare?: boolean;
}

const KINDS: Record<number, ErrorKind> = {
  [codes.serverError]: { name: 'ServerError', summary: 'Server error', bare: true },
  [codes.protocolError]: { name: 'ProtocolException', summary: 'Protocol error', bare: true },
  [codes.badCredentials]: { name: 'BadCredentials', summary: 'Bad credentials', bare: true },
  [codes.unavailableException]: { name: 'Unavailable', summary: 'Unavailable exception' },
  [codes.overloaded]: { name: 'OverloadedErrorMessage', summary: 'Coordinator node overloaded', bare: true },
  [codes.isBootstrapping]: { name: 'IsBootstrappingErrorMessage', summary: 'Coordinator node is bootstrapping', bare: true },
  [codes.truncateError]: { name: 'TruncateError', summary: 'Error during truncate', bare: true },
  [codes.writeTimeout]: { name: 'WriteTimeout', summary: "Coordinator node timed out waiting for replica nodes' responses" },
  [codes.readTimeout]: { name: 'ReadTimeout', summary: "Coordinator node timed out waiting for replica nodes' responses" },
  [codes.readFailure]: { name: 'ReadFailure', summary: 'Replica(s) failed to execute read' },
  [codes.functionFailure]: { name: 'FunctionFailure', summary: 'User Defined Function failure' },
  [codes.writeFailure]: { name: 'WriteFailure', summary: 'Replica(s) failed to execute write' },
  [codes.syntaxError]: { name: 'SyntaxException', summary: 'Syntax error in CQL query', bare: true },
  [codes.unauthorized]: { name: 'Unauthorized', summary: 'Unauthorized' },
  [codes.invalid]: { name: 'InvalidRequest', summary: 'Invalid query' },
  [codes.configError]: { name: 'ConfigurationException', summary: 'Query invalid because of configuration issue', bare: true },
  [codes.unprepared]: { name: 'PreparedQueryNotFound', summary: 'Matching prepared statement not found on this node', bare: true },
  [codes.clientWriteFailure]: { name: 'ClientWriteError', summary: 'Client write failure.', bare: true },
};

const WRITE_TYPES = new Set(['SIMPLE', 'BATCH', 'UNLOGGED_BATCH', 'COUNTER', 'BATCH_LOG', 'CAS', 'VIEW', 'CDC']);

/** Python's repr() of a small dict of str/int/None values. */
function pyDict(entries: [string, string | number | boolean | null | undefined][]): string {
  const v = (x: string | number | boolean | null | undefined) =>
    x === null || x === undefined ? 'None' : typeof x === 'string' ? `'${x}'` : typeof x === 'boolean' ? (x ? 'True' : 'False') : String(x);
  return `{${entries.map(([k, x]) => `'${k}': ${v(x)}`).join(', ')}}`;
}

type DriverError = Error & Record<string, unknown>;

/** Where a host is (for the Python driver's `<Host: address dc>` repr), when known. */
export type DatacenterOf = (address: string) => string | undefined;

/**
 * Called with each node an error names: whether a node the driver has marked down is reported
 * (true, once after it went down and no error named it: the Python driver then finds its
 * connection defunct) or left out (cqlsh's query plan skips nodes it knows are down).
 */
export type LostHost = (address: string) => boolean;

/** What cqlsh prints for an error raised while executing a statement. */
export function describeError(err: unknown, dcOf: DatacenterOf = () => undefined, lost?: LostHost): string {
  if (!(err instanceof Error)) return String(err);
  const e = err as DriverError;
  if (e instanceof driver.errors.ResponseError && typeof e.code === 'number') {
    if (e.code === codes.alreadyExists) {
      const what = e.table ? `Table '${e.keyspace}.${e.table}' already exists` : `Keyspace '${e.keyspace}' already exists`;
      return `AlreadyExists: ${what}`;
    }
    const kind = KINDS[e.code];
    if (!kind) return `ErrorMessage: <Error from server: code=${hex(e.code)} [Unknown] message="${e.message}">`;
    if (kind.bare) return `${kind.name}: ${e.message}`;
    const summary = `Error from server: code=${hex(e.code)} [${kind.summary}] message="${serverMessage(e)}"`;
    return `${kind.name}: ${summary}${info(e)}`;
  }
  if (e instanceof driver.errors.NoHostAvailableError) {
    return `NoHostAvailable: ${noHostDetails(e, dcOf, lost)}`;
  }
  if (e instanceof driver.errors.OperationTimedOutError) {
    // the Python driver's client-side timeout, with the host it gave up on
    const host = typeof e.host === 'string' ? e.host : undefined;
    const errors = host ? `{${pyStrRepr(host)}: 'Client request timeout. See Session.execute[_async](timeout)'}` : '{}';
    return `OperationTimedOut: errors=${errors}, last_host=${host ?? 'None'}`;
  }
  if (e.isSocketError === true && typeof e.coordinator === 'string') {
    // the connection died under the request: the Python driver's ConnectionShutdown on that host
    const address = e.coordinator;
    const dc = dcOf(address);
    lost?.(address);
    return `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: ${address}${dc ? ` ${dc}` : ''}>: ConnectionShutdown(${pyStrRepr(shutdownReason(e, address))})})`;
  }
  return `${e.name}: ${e.message}`;
}

/** Why a connection closed, as Python words it: the socket error, or a plain close by the server. */
function shutdownReason(e: DriverError, address: string): string {
  const code = (e.innerError as DriverError | undefined)?.code;
  const known = typeof code === 'string' ? SOCKET_ERRNOS[code] : undefined;
  if (known) return `[Errno ${known[0]}] ${known[2]}`;
  return `Connection to ${address} was closed`;
}

const SOCKET_ERRNOS: Record<string, [number, string, string]> = {
  ECONNREFUSED: [111, 'ConnectionRefusedError', 'Connection refused'],
  ETIMEDOUT: [110, 'TimeoutError', 'Connection timed out'],
  EHOSTUNREACH: [113, 'OSError', 'No route to host'],
  ENETUNREACH: [101, 'OSError', 'Network is unreachable'],
  ECONNRESET: [104, 'ConnectionResetError', 'Connection reset by peer'],
  EPIPE: [32, 'BrokenPipeError', 'Broken pipe'],
};

/** The driver's placeholder for a host it did not try because it was down: Python lists no such host. */
const HOST_DOWN = 'Host considered as DOWN';

function hex(code: number) {
  return code.toString(16).padStart(4, '0');
}

let readerPatched = false;

/**
 * The driver replaces the server's message of Unavailable, timeout and failure errors with its own
 * sentence; this keeps the server's text as `serverMessage` (read again from the frame), which
 * cqlsh shows: e.g. "Cannot achieve consistency level EACH_QUORUM in DC dc2".
 */
export function keepServerErrorMessages(): void {
  if (readerPatched) return;
  readerPatched = true;
  const proto = FrameReader.prototype;
  const readError = proto.readError;
  proto.readError = function (this: FrameReader) {
    const start = this.offset;
    this.readInt();
    const message = this.readString();
    this.offset = start;
    const err = readError.call(this) as DriverError;
    err.serverMessage = message;
    return err;
  };
}

/** The server's own text; the driver rewrites it for a few error kinds, so rebuild Cassandra's when it was not kept. */
function serverMessage(e: DriverError): string {
  if (typeof e.serverMessage === 'string' && (e.code === codes.unavailableException || e.code === codes.readTimeout || e.code === codes.writeTimeout))
    return e.serverMessage;
  switch (e.code) {
    case codes.unavailableException:
      return `Cannot achieve consistency level ${consistencyName(e.consistencies)}`;
    case codes.readTimeout:
    case codes.writeTimeout:
      return `Operation timed out - received only ${e.received} responses.`;
    default:
      return e.message;
  }
}

function info(e: DriverError): string {
  switch (e.code) {
    case codes.unavailableException:
      return ` info=${pyDict([
        ['consistency', consistencyName(e.consistencies)],
        ['required_replicas', e.required as number],
        ['alive_replicas', e.alive as number],
      ])}`;
    case codes.readTimeout:
      return ` info=${pyDict([
        ['consistency', consistencyName(e.consistencies)],
        ['required_responses', e.blockFor as number],
        ['received_responses', e.received as number],
      ])}`;
    case codes.writeTimeout: {
      const wt = typeof e.writeType === 'string' && WRITE_TYPES.has(e.writeType) ? e.writeType : undefined;
      return ` info=${pyDict([
        ['consistency', consistencyName(e.consistencies)],
        ['required_responses', e.blockFor as number],
        ['received_responses', e.received as number],
        ['write_type', wt],
      ])}`;
    }
    case codes.readFailure:
    case codes.writeFailure:
      return ` info=${pyDict([
        ['consistency', consistencyName(e.consistencies)],
        ['required_responses', e.blockFor as number],
        ['received_responses', e.received as number],
        ['failures', e.failures as number],
      ])}`;
    default:
      return '';
  }
}

/** The Python driver's NoHostAvailable text: each host's error as the exception repr it raised. */
function noHostDetails(e: DriverError, dcOf: DatacenterOf, lost?: LostHost): string {
  const inner = (e.innerErrors ?? {}) as Record<string, unknown>;
  const parts = Object.entries(inner).flatMap(([address, err]) => {
    const dc = dcOf(address);
    if (err === HOST_DOWN) {
      // a node the driver marked down: the Python driver leaves it out, except on the first
      // request after the session lost it, which finds its connection defunct
      return lost?.(address) ? [`<Host: ${address}${dc ? ` ${dc}` : ''}>: ConnectionShutdown(${pyStrRepr(`Connection to ${address} is defunct`)})`] : [];
    }
    if (err instanceof Error && (err as DriverError).isSocketError === true) {
      lost?.(address);
      return [`<Host: ${address}${dc ? ` ${dc}` : ''}>: ConnectionShutdown(${pyStrRepr(shutdownReason(err as DriverError, address))})`];
    }
    const full = describeError(err);
    const cut = full.indexOf(': ');
    // a driver-side failure with no class of its own reads as the Python driver's ConnectionException
    const [cls, text] = cut > 0 ? [full.slice(0, cut), full.slice(cut + 2)] : ['ConnectionException', full];
    return `<Host: ${address}${dc ? ` ${dc}` : ''}>: ${cls}(${pyStrRepr(text)})`;
  });
  return `('Unable to complete the operation against any hosts', {${parts.join(', ')}})`;
}

/** Connecting took longer than the connect timeout (which bounds the whole connect). */
export class ConnectTimeoutError extends Error {
  override name = 'ConnectTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Timed out creating connection (${timeoutMs / 1000} seconds)`);
  }
}

/** The driver's words when a server asks for credentials and none were given. */
const NO_AUTHENTICATOR = /requires authentication, but no authenticator found/;

/** A hint after the connection error when credentials were wanted and none were given. */
export function authHint(err: unknown): string | undefined {
  const inner = firstInner(err);
  if (inner instanceof driver.errors.AuthenticationError && NO_AUTHENTICATOR.test(inner.message)) {
    return 'The server requires a login: give the user name with -u (the password is asked on a terminal, or taken from --password-env VAR or a credentials file).';
  }
  return undefined;
}

function firstInner(err: unknown): DriverError | undefined {
  return err instanceof driver.errors.NoHostAvailableError
    ? (Object.values((err as unknown as DriverError).innerErrors ?? {}) as DriverError[])[0]
    : (err as DriverError);
}

/** Connection failures, as cqlsh's `Connection error: ...` line. */
export function describeConnectError(err: unknown, host: string, port: number, connectTimeoutMs = 5000): string {
  if (err instanceof ConnectTimeoutError) {
    return `Connection error: ('Unable to connect to any servers', {'${host}:${port}': OperationTimedOut('errors=${err.message}, last_host=None')})`;
  }
  const inner = firstInner(err);
  const ks = /^Keyspace '(.*)' does not exist$/.exec(inner?.message ?? '');
  if (ks) return `Connection error: ("Unable to connect to any servers using keyspace '${ks[1]}'", ['${host}'])`;
  // several contact points (a profile's host list): each one's failure, as the driver tried them
  const tried =
    err instanceof driver.errors.NoHostAvailableError ? Object.entries(((err as unknown as DriverError).innerErrors ?? {}) as Record<string, DriverError>) : [];
  if (host.includes(',') && tried.length > 1) {
    const each = tried.map(([endpoint, e]) => {
      const h = endpoint.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1');
      return `'${h}:${port}': ${pythonConnectError(e, h, port, connectTimeoutMs)}`;
    });
    return `Connection error: ('Unable to connect to any servers', {${each.join(', ')}})`;
  }
  return `Connection error: ('Unable to connect to any servers', {'${host}:${port}': ${pythonConnectError(inner, host, port, connectTimeoutMs)}})`;
}

/** The Python exception repr cqlsh shows for one host's connection failure. */
function pythonConnectError(e: DriverError | undefined, host: string, port: number, connectTimeoutMs: number): string {
  if (!e) return "OSError('unknown error')";
  if (e instanceof driver.errors.AuthenticationError) {
    // the server's refusal as the Python driver quotes it; no credentials at all is the driver's own message
    if (NO_AUTHENTICATOR.test(e.message)) return "AuthenticationFailed('Remote end requires authentication')";
    const server = e.additionalInfo as DriverError | undefined;
    const why =
      server instanceof driver.errors.ResponseError && server.code === codes.badCredentials
        ? `Error from server: code=${hex(server.code)} [Bad credentials] message="${server.message}"`
        : e.message;
    return `AuthenticationFailed(${pyStrRepr(`Failed to authenticate to ${host}:${port}: ${why}`)})`;
  }
  const code = (e.code ?? (e.innerError as DriverError | undefined)?.code) as string | undefined;
  const known = code ? SOCKET_ERRNOS[code] : undefined;
  if (known) {
    const [n, cls, text] = known;
    return `${cls}(${n}, "Tried connecting to [('${host}', ${port})]. Last error: ${text}")`;
  }
  if (/timed? ?out/i.test(e.message)) return `OperationTimedOut('errors=Timed out creating connection (${connectTimeoutMs / 1000} seconds), last_host=None')`;
  return `OSError(${JSON.stringify(e.message)})`;
}

/**
 * The Python driver's NoHostAvailable for an operation on one host (a trace read): the error the
 * host gave, as its exception repr, under `<Host: host:port dc>`.
 */
export function noHostForOperation(e: unknown, host: string, port: number, dc: string): string {
  const inner = e instanceof driver.errors.NoHostAvailableError ? Object.values(e.innerErrors ?? {})[0] : undefined;
  const text = describeError(inner ?? e);
  const m = /^(\w+): ([^]*)$/.exec(text);
  if (!m) return text;
  return `('Unable to complete the operation against any hosts', {<Host: ${host}:${port} ${dc}>: ${m[1]}(${pyStrRepr(m[2])})})`;
}

/** What cqlsh prints when LOGIN cannot connect: the Python driver's NoHostAvailable. */
export function describeLoginError(e: unknown, host: string, port: number): string {
  const where = `${host}:${port}`;
  const inner = e instanceof driver.errors.NoHostAvailableError ? Object.values(e.innerErrors ?? {})[0] : undefined;
  if (inner instanceof driver.errors.AuthenticationError) {
    const why = `Failed to authenticate to ${where}: Error from server: code=0100 [Bad credentials] message="${inner.message}"`;
    return `('Unable to connect to any servers', {'${where}': AuthenticationFailed(${pyStrRepr(why)})})`;
  }
  return describeConnectError(e, host, port).replace(/^Connection error: /, '');
}
