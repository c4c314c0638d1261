// Where to connect and how: flags > env > profile > cqlshrc > defaults. (Profiles and cqlshrc
// join this chain in their own modules.)
import type { CliArgs } from '../cli/args.js';
import type { ConnectOptions } from '../db/session.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 9042;

export function connectionFromArgs(args: CliArgs, env: NodeJS.ProcessEnv = process.env): ConnectOptions {
  const host = args.host ?? env.CQLSH_HOST ?? DEFAULT_HOST;
  const portText = args.port ?? env.CQLSH_PORT ?? DEFAULT_PORT;
  const port = Number(portText);
  return {
    host,
    port,
    username: args.username,
    password: args.password,
    keyspace: args.keyspace,
    connectTimeoutMs: (args.connectTimeout ?? 5) * 1000,
    requestTimeoutMs: (args.requestTimeout ?? 10) * 1000,
    protocolVersion: args.protocolVersion,
    tls: args.ssl ? { verify: env.SSL_VALIDATE ? !/^(false|no|0|off)$/i.test(env.SSL_VALIDATE) : true, caFiles: env.SSL_CERTFILE ? [env.SSL_CERTFILE] : undefined } : undefined,
  };
}
