// Driver errors in cqlsh's words (the Python driver's class names and texts).
import driver from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { authHint, ConnectTimeoutError, describeConnectError, describeError } from '../../src/db/errors.js';

const codes = driver.types.responseErrorCodes;
function responseError(code: number, message: string, fields: Record<string, unknown> = {}) {
  return Object.assign(new driver.errors.ResponseError(code, message), fields);
}

describe('describeError', () => {
  it('wraps invalid queries as InvalidRequest with the server summary', () => {
    expect(describeError(responseError(codes.invalid, 'unconfigured table t'))).toBe(
      'InvalidRequest: Error from server: code=2200 [Invalid query] message="unconfigured table t"',
    );
  });

  it('prints syntax errors bare', () => {
    expect(describeError(responseError(codes.syntaxError, "line 1:0 no viable alternative at input 'SELEC'"))).toBe(
      "SyntaxException: line 1:0 no viable alternative at input 'SELEC'",
    );
  });

  it('names what already exists', () => {
    expect(describeError(responseError(codes.alreadyExists, 'x', { keyspace: 'ks', table: 't' }))).toBe("AlreadyExists: Table 'ks.t' already exists");
    expect(describeError(responseError(codes.alreadyExists, 'x', { keyspace: 'ks', table: '' }))).toBe("AlreadyExists: Keyspace 'ks' already exists");
  });

  it('adds the info dict to unavailable and timeout errors', () => {
    const e = responseError(codes.unavailableException, 'driver text', { consistencies: driver.types.consistencies.two, required: 2, alive: 1 });
    expect(describeError(e)).toBe(
      `Unavailable: Error from server: code=1000 [Unavailable exception] message="Cannot achieve consistency level TWO" info={'consistency': 'TWO', 'required_replicas': 2, 'alive_replicas': 1}`,
    );
    const w = responseError(codes.writeTimeout, 'driver text', {
      consistencies: driver.types.consistencies.one,
      received: 0,
      blockFor: 1,
      writeType: 'SIMPLE',
    });
    expect(describeError(w)).toBe(
      `WriteTimeout: Error from server: code=1100 [Coordinator node timed out waiting for replica nodes' responses] message="Operation timed out - received only 0 responses." info={'consistency': 'ONE', 'required_responses': 1, 'received_responses': 0, 'write_type': 'SIMPLE'}`,
    );
  });

  it('lists each host of a NoHostAvailable with its exception repr', () => {
    const inner = responseError(codes.invalid, "it's bad");
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.1:9042': inner, '127.0.0.2:9042': 'down' as unknown as Error });
    expect(describeError(e, (a) => (a === '127.0.0.1:9042' ? 'dc1' : undefined))).toBe(
      `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:9042 dc1>: InvalidRequest('Error from server: code=2200 [Invalid query] message="it\\'s bad"'), <Host: 127.0.0.2:9042>: ConnectionException('down')})`,
    );
  });

  it('a node lost since the last statement reads as a defunct connection once, then is left out (the Python driver)', () => {
    const e = () => new driver.errors.NoHostAvailableError({ '127.0.0.3:9042': 'Host considered as DOWN' as unknown as Error });
    const lost = new Set(['127.0.0.3:9042']);
    const once = (a: string) => lost.delete(a);
    expect(describeError(e(), () => 'dc2', once)).toBe(
      `NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.3:9042 dc2>: ConnectionShutdown('Connection to 127.0.0.3:9042 is defunct')})`,
    );
    expect(describeError(e(), () => 'dc2', once)).toBe(`NoHostAvailable: ('Unable to complete the operation against any hosts', {})`);
  });
});

describe('describeError: lost connections and timeouts (as the Python driver words them)', () => {
  const socketClosed = (inner?: { code: string }) =>
    Object.assign(
      new (driver.errors.DriverError as unknown as new (m: string) => Error)('Socket was closed'),
      { isSocketError: true, coordinator: '127.0.0.1:9042' },
      inner ? { innerError: Object.assign(new Error('x'), inner) } : {},
    );

  it('a connection reset under a request: ConnectionShutdown with the errno', () => {
    expect(describeError(socketClosed({ code: 'ECONNRESET' }), () => 'dc1')).toBe(
      "NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:9042 dc1>: ConnectionShutdown('[Errno 104] Connection reset by peer')})",
    );
  });

  it('a connection the server closed (FIN) under a request: ConnectionShutdown ... was closed', () => {
    expect(describeError(socketClosed())).toBe(
      "NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:9042>: ConnectionShutdown('Connection to 127.0.0.1:9042 was closed')})",
    );
  });

  it('a host the driver did not try because it is down is not listed (cqlsh prints {})', () => {
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.1:9042': 'Host considered as DOWN' as unknown as Error });
    expect(describeError(e)).toBe("NoHostAvailable: ('Unable to complete the operation against any hosts', {})");
  });

  it('a socket error inside a NoHostAvailable reads as its ConnectionShutdown', () => {
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.1:9042': socketClosed({ code: 'ECONNRESET' }) });
    expect(describeError(e)).toBe(
      "NoHostAvailable: ('Unable to complete the operation against any hosts', {<Host: 127.0.0.1:9042>: ConnectionShutdown('[Errno 104] Connection reset by peer')})",
    );
  });

  it('a client-side request timeout names its host', () => {
    const e = new driver.errors.OperationTimedOutError('The host 127.0.0.1:9042 did not reply before timeout 10000 ms', '127.0.0.1:9042');
    expect(describeError(e)).toBe(
      "OperationTimedOut: errors={'127.0.0.1:9042': 'Client request timeout. See Session.execute[_async](timeout)'}, last_host=127.0.0.1:9042",
    );
  });
});

describe('describeConnectError', () => {
  it('names the connect timeout that ran out', () => {
    expect(describeConnectError(new ConnectTimeoutError(2000), '127.0.0.1', 9042)).toBe(
      "Connection error: ('Unable to connect to any servers', {'127.0.0.1:9042': OperationTimedOut('errors=Timed out creating connection (2 seconds), last_host=None')})",
    );
    const driverTimeout = new driver.errors.NoHostAvailableError({ '127.0.0.1:9042': new driver.errors.OperationTimedOutError('Connection timeout') });
    expect(describeConnectError(driverTimeout, '127.0.0.1', 9042, 7500)).toContain('(7.5 seconds)');
  });

  it('words bad credentials and a missing login as cqlsh does, with a hint for the latter', () => {
    const bad = Object.assign(new driver.errors.AuthenticationError('Provided username u and/or password are incorrect'), {
      additionalInfo: responseError(codes.badCredentials, 'Provided username u and/or password are incorrect'),
    });
    expect(describeConnectError(new driver.errors.NoHostAvailableError({ 'h:1': bad }), 'h', 1)).toBe(
      `Connection error: ('Unable to connect to any servers', {'h:1': AuthenticationFailed('Failed to authenticate to h:1: Error from server: code=0100 [Bad credentials] message="Provided username u and/or password are incorrect"')})`,
    );
    expect(authHint(new driver.errors.NoHostAvailableError({ 'h:1': bad }))).toBeUndefined();
    const none = new driver.errors.AuthenticationError('Host h:1 requires authentication, but no authenticator found in the options');
    const e = new driver.errors.NoHostAvailableError({ 'h:1': none });
    expect(describeConnectError(e, 'h', 1)).toBe(
      `Connection error: ('Unable to connect to any servers', {'h:1': AuthenticationFailed('Remote end requires authentication')})`,
    );
    expect(authHint(e)).toMatch(/-u\b/);
  });

  it('lists every contact point of a host list that failed', () => {
    const refused = (h: string) => Object.assign(new Error(`connect ECONNREFUSED ${h}:9042`), { code: 'ECONNREFUSED' });
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.3:9042': refused('127.0.0.3'), '127.0.0.4:9042': refused('127.0.0.4') });
    expect(describeConnectError(e, '127.0.0.3,127.0.0.4', 9042)).toBe(
      `Connection error: ('Unable to connect to any servers', {'127.0.0.3:9042': ConnectionRefusedError(111, "Tried connecting to [('127.0.0.3', 9042)]. Last error: Connection refused"), '127.0.0.4:9042': ConnectionRefusedError(111, "Tried connecting to [('127.0.0.4', 9042)]. Last error: Connection refused")})`,
    );
  });

  it('words a refused connection as cqlsh does', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.1:1': refused });
    expect(describeConnectError(e, '127.0.0.1', 1)).toBe(
      `Connection error: ('Unable to connect to any servers', {'127.0.0.1:1': ConnectionRefusedError(111, "Tried connecting to [('127.0.0.1', 1)]. Last error: Connection refused")})`,
    );
  });
});
