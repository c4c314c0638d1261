// The region drives everything, against a Keyspaces double with one endpoint per region (each accepts
// only its own region's signatures and reports its own data center; the real endpoint names resolve
// to it in the child through test/support/dns-map.mjs): profile edit --region, --region on a run,
// explicit hosts and data centers, China endpoints; cqlsh-expansion's cqlshrc (region_name);
// credentials (slow credential_process, the AWS CLI's order); Keyspaces consistency rules.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startKeyspacesDouble, type KeyspacesDouble } from '../support/keyspaces-double.js';
import { tscqlsh } from '../support/run.js';

const KEY = 'AKIDREGIONSDOUBLE1';
const SECRET = 'regions/Secret+Key=1';
const OTHER_KEY = 'AKIDOTHERPROFILE02';
const OTHER_SECRET = 'other/Secret+Key=2';
const DC = 'SELECT data_center FROM system.local';
let double: KeyspacesDouble;
let dir: string;
let xdg: string;

beforeAll(async () => {
  double = await startKeyspacesDouble({ regions: ['us-east-1', 'eu-west-1', 'cn-north-1'], keys: { [KEY]: SECRET, [OTHER_KEY]: OTHER_SECRET } });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tscqlsh-regions-'));
});
afterAll(async () => {
  await double?.close();
});
beforeEach(() => {
  xdg = fs.mkdtempSync(path.join(dir, 'xdg-'));
});

/** credentials in the environment, no IMDS, the double's names resolvable */
const env = (extra: Record<string, string | undefined> = {}) => ({
  AWS_ACCESS_KEY_ID: KEY,
  AWS_SECRET_ACCESS_KEY: SECRET,
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'none'),
  AWS_CONFIG_FILE: path.join(dir, 'none'),
  XDG_CONFIG_HOME: xdg,
  ...double.dnsEnv(),
  ...extra,
});
/** the double's port and CA: every region listens on the same port */
const portCa = () => ['--port', String(double.port), '--ca', double.caFile];
const profileOf = (name: string) => JSON.parse(fs.readFileSync(path.join(xdg, 'tscqlsh', 'config.json'), 'utf8')).profiles[name];

describe('the region drives the endpoint and the data center', () => {
  it('the double itself: each endpoint accepts only its own region and reports it', async () => {
    const ok = await tscqlsh(['--host', 'cassandra.eu-west-1.amazonaws.com', ...portCa(), '--auth', 'sigv4', '--region', 'eu-west-1', '-e', DC], { env: env() });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('eu-west-1');
    const wrong = await tscqlsh(['--host', 'cassandra.eu-west-1.amazonaws.com', ...portCa(), '--auth', 'sigv4', '--region', 'us-east-1', '-e', DC], { env: env() });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/signature we calculated does not match/);
  });

  it('`profile edit --region` moves the preset host and data center; the profile then connects there', async () => {
    expect((await tscqlsh(['profile', 'add', 'keyspaces', '--preset', 'keyspaces', '--region', 'us-east-1', ...portCa()], { env: env() })).code).toBe(0);
    const edit = await tscqlsh(['profile', 'edit', 'keyspaces', '--region', 'eu-west-1'], { env: env() });
    expect(edit.stderr).toBe('');
    expect(profileOf('keyspaces')).toMatchObject({ region: 'eu-west-1', host: 'cassandra.eu-west-1.amazonaws.com', localDataCenter: 'eu-west-1', port: double.port });
    const r = await tscqlsh(['-p', 'keyspaces', '-e', DC], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\s*eu-west-1\s*$/m);
    expect(double.signedWith.at(-1)).toEqual({ accessKey: KEY, region: 'eu-west-1' });
  });

  it('`-p keyspaces --region eu-west-1` signs for and connects to eu-west-1', async () => {
    await tscqlsh(['profile', 'add', 'keyspaces', '--preset', 'keyspaces', '--region', 'us-east-1', ...portCa()], { env: env() });
    const r = await tscqlsh(['-p', 'keyspaces', '--region', 'eu-west-1', '-e', DC], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\s*eu-west-1\s*$/m);
    expect(double.signedWith.at(-1)?.region).toBe('eu-west-1');
    // the saved profile is untouched
    expect(profileOf('keyspaces').region).toBe('us-east-1');
  });

  it('a host and data center the user set stay, with a warning when they disagree with the region', async () => {
    await tscqlsh(['profile', 'add', 'pinned', '--preset', 'keyspaces', '--region', 'us-east-1', '--local-dc', 'dc-mine', ...portCa()], { env: env() });
    const edit = await tscqlsh(['profile', 'edit', 'pinned', '--region', 'eu-west-1'], { env: env() });
    expect(profileOf('pinned')).toMatchObject({ host: 'cassandra.eu-west-1.amazonaws.com', localDataCenter: 'dc-mine' });
    expect(edit.stderr).toMatch(/^Warning: the local data center is dc-mine, but Amazon Keyspaces names its data center after the region \(eu-west-1\)/);

    // a host given on the command line is kept, and said to be another region's endpoint
    await tscqlsh(['profile', 'add', 'keyspaces', '--preset', 'keyspaces', '--region', 'us-east-1', ...portCa()], { env: env() });
    const r = await tscqlsh(['-p', 'keyspaces', '--region', 'eu-west-1', '--host', 'cassandra.us-east-1.amazonaws.com', '-e', DC], { env: env() });
    expect(r.stderr).toMatch(/^Warning: host cassandra\.us-east-1\.amazonaws\.com is the Amazon Keyspaces endpoint of us-east-1, but the region is eu-west-1/);
    expect(r.stderr).toMatch(/signature we calculated does not match/);
    expect(r.code).toBe(1);
  });

  it('a China region uses the .amazonaws.com.cn endpoint', async () => {
    await tscqlsh(['profile', 'add', 'cn', '--preset', 'keyspaces', '--region', 'cn-north-1', ...portCa()], { env: env() });
    expect(profileOf('cn').host).toBe('cassandra.cn-north-1.amazonaws.com.cn');
    const r = await tscqlsh(['-p', 'cn', '-e', DC], { env: env() });
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/^\s*cn-north-1\s*$/m);
  });
});

describe("cqlsh-expansion's cqlshrc", () => {
  const rc = (certfile: string) => {
    const file = path.join(dir, `cqlshrc-${path.basename(certfile)}`);
    fs.writeFileSync(
      file,
      [
        '[connection]', 'hostname = cassandra.eu-west-1.amazonaws.com', `port = ${double.port}`, 'ssl = true', '',
        '[auth_provider]', 'module = cassandra_sigv4.auth', 'classname = SigV4AuthProvider', 'region_name = eu-west-1', '',
        '[ssl]', `certfile = ${certfile}`, '',
      ].join('\n'),
    );
    return file;
  };

  it('region_name is read on a run and on import', async () => {
    const file = rc(double.caFile);
    const run = await tscqlsh(['--cqlshrc', file, '-e', DC], { env: env() });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^\s*eu-west-1\s*$/m);

    const imp = await tscqlsh(['profile', 'import-cqlshrc', file, '--name', 'expansion'], { env: env() });
    expect(imp.stderr).toBe('');
    expect(profileOf('expansion')).toMatchObject({ auth: 'sigv4', region: 'eu-west-1', preset: 'keyspaces', tls: { ca: [double.caFile] } });
    const viaProfile = await tscqlsh(['-p', 'expansion', '-e', DC], { env: env() });
    expect(viaProfile.stderr).toBe('');
    expect(viaProfile.stdout).toMatch(/eu-west-1/);
  });

  it('a certfile that does not exist is reported at import, and the bundled Amazon roots are kept', async () => {
    const missing = path.join(dir, 'sf-class2-root.crt');
    const imp = await tscqlsh(['profile', 'import-cqlshrc', rc(missing), '--name', 'nocert'], { env: env() });
    expect(imp.code).toBe(0);
    expect(imp.stderr).toContain(`Note: [ssl] certfile ${missing} does not exist and was not imported: the profile trusts the Amazon roots bundled with tscqlsh`);
    expect(profileOf('nocert').tls).toBeUndefined();
    expect(profileOf('nocert').ssl).toBe(true);
  });
});

describe('AWS credentials', () => {
  const awsFiles = (config: string, credentials = '') => {
    const sub = fs.mkdtempSync(path.join(dir, 'aws-'));
    fs.writeFileSync(path.join(sub, 'config'), config);
    fs.writeFileSync(path.join(sub, 'credentials'), credentials);
    return { AWS_CONFIG_FILE: path.join(sub, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(sub, 'credentials') };
  };
  const target = ['--host', 'cassandra.us-east-1.amazonaws.com', '--port', '0', '--auth', 'sigv4', '--region', 'us-east-1', '-e', DC];
  const args = () => target.map((a) => (a === '0' ? String(double.port) : a)).concat(['--ca', double.caFile]);

  it('waits for a slow credential_process (2 s), and names it when it is slower than --aws-timeout', async () => {
    const script = path.join(dir, 'slow-credentials.sh');
    fs.writeFileSync(script, `#!/bin/sh\nsleep 2\necho '{"Version": 1, "AccessKeyId": "${KEY}", "SecretAccessKey": "${SECRET}"}'\n`, { mode: 0o755 });
    const files = awsFiles(`[profile slow]\ncredential_process = ${script}\n`);
    const noKeys = { AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined, AWS_PROFILE: 'slow', ...files };
    const ok = await tscqlsh(args(), { env: env(noKeys) });
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/us-east-1/);

    // a process that would take 30 s: named after --aws-timeout, stopped, and the run ends
    const stuck = path.join(dir, 'stuck-credentials.sh');
    fs.writeFileSync(stuck, '#!/bin/sh\nsleep 30\n', { mode: 0o755 });
    const started = Date.now();
    const slow = await tscqlsh([...args(), '--aws-timeout', '0.5'], { env: env({ ...noKeys, ...awsFiles(`[profile slow]\ncredential_process = ${stuck}\n`) }) });
    expect(slow.code).toBe(1);
    expect(slow.stderr).toBe('AWS credentials from credential_process of AWS profile "slow" gave no answer within 0.5 s (give it longer with --aws-timeout SECONDS, or in the profile: tscqlsh profile edit NAME --aws-timeout SECONDS)\n');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('with nothing configured, fails fast and says where it looked', async () => {
    const started = Date.now();
    const r = await tscqlsh(args(), { env: env({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined }) });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^No AWS credentials for SigV4 \(nothing is configured\)\. Looked in: environment variables AWS_ACCESS_KEY_ID/);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it("follows the AWS CLI's order: environment keys before AWS_PROFILE; an explicit --aws-profile before both", async () => {
    const files = awsFiles('', `[other]\naws_access_key_id = ${OTHER_KEY}\naws_secret_access_key = ${OTHER_SECRET}\n`);
    const viaEnv = await tscqlsh(args(), { env: env({ AWS_PROFILE: 'other', ...files }) });
    expect(viaEnv.stderr).toBe('');
    expect(double.signedWith.at(-1)?.accessKey).toBe(KEY);
    const explicit = await tscqlsh([...args(), '--aws-profile', 'other'], { env: env(files) });
    expect(explicit.stderr).toBe('');
    expect(double.signedWith.at(-1)?.accessKey).toBe(OTHER_KEY);
  });
});

describe('consistency on Amazon Keyspaces', () => {
  it('CONSISTENCY refuses levels Keyspaces does not take; writes go out at LOCAL_QUORUM, reads at the level set', async () => {
    const before = double.consistencies.length;
    const r = await tscqlsh(['--preset', 'keyspaces', '--region', 'us-east-1', ...portCa()], {
      env: env(),
      stdin: 'CONSISTENCY LOCAL_ONE;\nINSERT INTO demo.t (k) VALUES (1);\nSELECT * FROM demo.paged;\nCONSISTENCY ALL;\nCONSISTENCY;\n',
    });
    expect(r.stderr).toBe(
      '<stdin>:5:Amazon Keyspaces does not support consistency level ALL: reads take ONE, LOCAL_ONE or LOCAL_QUORUM, and writes always run at LOCAL_QUORUM\n',
    );
    expect(r.stdout).toContain('Consistency level set to LOCAL_ONE.');
    expect(r.stdout).toContain('Current consistency level is LOCAL_ONE.');
    const sent = double.consistencies.slice(before).filter(([q]) => /demo\./.test(q)).map(([q, level]) => [q.replace(/;$/, ''), level]);
    expect(sent).toEqual([
      ['INSERT INTO demo.t (k) VALUES (1)', 'LOCAL_QUORUM'],
      ['SELECT * FROM demo.paged', 'LOCAL_ONE'],
      ['SELECT * FROM demo.paged', 'LOCAL_ONE'],
    ]);
  });
});
