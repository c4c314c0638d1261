// The banner both interactive faces print on connecting, as cqlsh prints it.
import type { Session } from '../db/session.js';
import { applyColor, BLUE } from '../format/colors.js';
import { VERSION } from '../version.js';

export function banner(session: Session, color: boolean): string {
  const i = session.info;
  return (
    `Connected to ${applyColor(i.clusterName, BLUE, color)} at ${i.host}:${i.port}\n` +
    `[cqlsh ${VERSION.cqlsh} | Cassandra ${i.releaseVersion} | CQL spec ${i.cqlVersion} | Native protocol v${i.protocolVersion}]\n` +
    'Use HELP for help.\n'
  );
}
