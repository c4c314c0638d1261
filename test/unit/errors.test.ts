// Driver errors in cqlsh's words (the Python driver's class names and texts).
import driver from 'cassandra-driver';
import { describe, expect, it } from 'vitest';
import { describeConnectError, describeError } from '../../src/db/errors.js';

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
    const w = responseError(codes.writeTimeout, 'driver text', { consistencies: driver.types.consistencies.one, received: 0, blockFor: 1, writeType: 'SIMPLE' });
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
});

describe('describeConnectError', () => {
  it('words a refused connection as cqlsh does', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    const e = new driver.errors.NoHostAvailableError({ '127.0.0.1:1': refused });
    expect(describeConnectError(e, '127.0.0.1', 1)).toBe(
      `Connection error: ('Unable to connect to any servers', {'127.0.0.1:1': ConnectionRefusedError(111, "Tried connecting to [('127.0.0.1', 1)]. Last error: Connection refused")})`,
    );
  });
});
