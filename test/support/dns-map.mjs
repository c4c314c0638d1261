// Loaded into a tscqlsh child with NODE_OPTIONS=--import=...: resolves the host names in
// KEYSPACES_DOUBLE_DNS (a JSON object name → loopback address) to the Keyspaces double's listeners,
// as a resolver would resolve cassandra.<region>.amazonaws.com. Other names resolve as usual.
import dns from 'node:dns';

const map = JSON.parse(process.env.KEYSPACES_DOUBLE_DNS ?? '{}');
const answer = (address, all) => (all ? [{ address, family: 4 }] : { address, family: 4 });

const lookup = dns.lookup;
dns.lookup = function (host, options, callback) {
  const cb = typeof options === 'function' ? options : callback;
  const o = typeof options === 'object' && options !== null ? options : {};
  const address = map[String(host).toLowerCase()];
  if (address === undefined) return lookup.apply(this, arguments);
  process.nextTick(() => (o.all ? cb(null, answer(address, true)) : cb(null, address, 4)));
};
const lookupAsync = dns.promises.lookup;
dns.promises.lookup = async function (host, options) {
  const address = map[String(host).toLowerCase()];
  if (address === undefined) return lookupAsync.call(this, host, options);
  return answer(address, typeof options === 'object' && options?.all);
};
