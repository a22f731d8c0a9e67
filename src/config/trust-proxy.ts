import { isIP } from 'node:net';

const NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY: which reverse proxies may tell the client's address in X-Forwarded-For (Express's
 * `trust proxy`). Unset: none, the client is the TCP peer (a client can then never choose the
 * address its rate limits are counted against). Else a comma-separated list of the proxies'
 * addresses or ranges (`10.0.0.5`, `10.0.0.0/8`, `fd00::/8`) and of the names `loopback`,
 * `linklocal`, `uniquelocal`; or a number of hops (1 to 10) for a platform whose proxies have no
 * fixed address. `true` (trust everyone) is refused: any client could then pick its own address.
 * Returns Express's setting, or an error message naming what is wrong.
 */
export function parseTrustProxy(raw: string | undefined): { value: false | number | string[] } | { error: string } {
  const text = (raw ?? '').trim();
  if (text === '' || text === 'false') return { value: false };
  if (text === 'true' || text === '*') {
    return { error: 'TRUST_PROXY=true would let any client choose its address: list your proxies (addresses, ranges) or a number of hops' };
  }
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    return hops >= 1 && hops <= 10 ? { value: hops } : { error: 'TRUST_PROXY as a number of hops must be 1 to 10' };
  }
  const entries = text.split(',').map((e) => e.trim());
  const bad = entries.filter((e) => !NAMES.has(e) && !isAddressOrRange(e));
  if (bad.length) {
    return {
      error: `TRUST_PROXY has ${bad.map((b) => JSON.stringify(b)).join(', ')}: expected IP addresses, CIDR ranges, loopback, linklocal, uniquelocal, or a number of hops`,
    };
  }
  return { value: entries };
}

function isAddressOrRange(entry: string): boolean {
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address);
  if (!version || rest.length) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
