// Command-line parsing: cqlsh's argparse rules, tscqlsh's -p/--profile, usage errors.
import { describe, expect, it } from 'vitest';
import { helpText, parseArgs, UsageError } from '../../src/cli/args.js';

describe('parseArgs', () => {
  it('takes host and port positionally', () => {
    expect(parseArgs(['10.0.0.1', '9043'])).toMatchObject({ host: '10.0.0.1', port: 9043 });
    expect(parseArgs(['db.example'])).toEqual({ host: 'db.example' });
  });

  it('accepts every spelling argparse does for a value', () => {
    for (const argv of [['-e', 'SELECT 1'], ['-eSELECT 1'], ['--execute', 'SELECT 1'], ['--execute=SELECT 1']]) {
      expect(parseArgs(argv).execute).toBe('SELECT 1');
    }
  });

  it('clusters short switches and ends a cluster at a value flag', () => {
    expect(parseArgs(['-Ct'])).toMatchObject({ color: true, tty: true });
    expect(parseArgs(['-Ck', 'ks'])).toMatchObject({ color: true, keyspace: 'ks' });
    expect(parseArgs(['-Ckks'])).toMatchObject({ color: true, keyspace: 'ks' });
  });

  it('has -p for the profile and only --password for the password', () => {
    expect(parseArgs(['-p', 'keyspaces'])).toMatchObject({ profile: 'keyspaces' });
    expect(parseArgs(['-u', 'me', '--password', 's3cret'])).toMatchObject({ username: 'me', password: 's3cret' });
  });

  it('reads numbers for timeouts and the protocol version', () => {
    expect(parseArgs(['--connect-timeout', '2.5', '--request-timeout=30', '--protocol-version', '4'])).toMatchObject({
      connectTimeout: 2.5,
      requestTimeout: 30,
      protocolVersion: 4,
    });
  });

  it('--no-color and --no-tty turn things off', () => {
    expect(parseArgs(['--no-color', '--no-tty'])).toMatchObject({ color: false, tty: false });
  });

  it('passes subcommands through whole', () => {
    expect(parseArgs(['profile', 'add', 'x', '--host', 'h'])).toEqual({ subcommand: ['profile', 'add', 'x', '--host', 'h'] });
  });

  it('refuses what it does not know, with argparse-like messages', () => {
    const err = (argv: string[]) => {
      try {
        parseArgs(argv);
      } catch (e) {
        expect(e).toBeInstanceOf(UsageError);
        return (e as Error).message;
      }
      throw new Error(`no error for ${argv.join(' ')}`);
    };
    expect(err(['--foo'])).toBe('unrecognized arguments: --foo');
    expect(err(['-Z'])).toBe('unrecognized arguments: -Z');
    expect(err(['-e'])).toBe('argument -e/--execute: expected one argument');
    expect(err(['--protocol-version', 'four'])).toBe("argument --protocol-version: invalid int value: 'four'");
    expect(err(['h', '9042', 'extra'])).toBe('unrecognized arguments: extra');
    expect(err(['h', 'port'])).toBe("invalid port: 'port'");
    expect(err(['--ssl=yes'])).toBe("argument --ssl: ignored explicit argument 'yes'");
  });

  it('documents every flag in --help', () => {
    const help = helpText();
    for (const flag of ['--execute', '--file', '--keyspace', '--username', '--password', '--profile', '--ssl', '--format', '--tty', '--no-color']) {
      expect(help).toContain(flag);
    }
  });

  it('the new connection flags, and no secret in a usage error', () => {
    expect(parseArgs(['--no-ssl', '--local-dc', 'dc1', '--endpoint', 'fips', '--aws-timeout', '90', '--no-profile'])).toEqual({
      ssl: false,
      localDc: 'dc1',
      endpoint: 'fips',
      awsTimeout: 90,
      noProfile: true,
    });
    expect(() => parseArgs(['--passwd=S3cr3t'])).toThrow(/^unrecognized arguments: --passwd=\.\.\.$/);
    expect(() => parseArgs(['-PS3cr3t'])).toThrow(/^unrecognized arguments: -P$/);
  });
});
