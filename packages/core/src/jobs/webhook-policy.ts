// Where webhooks may go. A request names any URL it likes, so the server must not become a way into
// places only it can reach: only http(s), no credentials in the URL, never link-local or cloud-metadata
// addresses; optionally only listed hosts and networks, or no private ones. Checked when a job is
// submitted (the URL as written) and again on every delivery (each address its name resolves to, so a
// name that later points somewhere forbidden is refused too).
import { BlockList, isIP } from 'node:net';
import { CoreError, CoreErrorCode } from '../errors.js';

export interface WebhookPolicyOptions {
  /** Only these hosts (names, or addresses) and networks (CIDR, "10.0.0.0/8") may receive webhooks. */
  allow?: readonly string[];
  /** Refuse loopback and private networks (allowed by default: a local-first server's app is usually beside it). */
  refusePrivate?: boolean;
}

const METADATA_HOSTS = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

function blockList(entries: ReadonlyArray<readonly [string, number, 'ipv4' | 'ipv6']>): BlockList {
  const list = new BlockList();
  for (const [network, prefix, family] of entries) list.addSubnet(network, prefix, family);
  return list;
}

// Link-local (cloud metadata lives there: 169.254.169.254, fd00:ec2::254) and other metadata addresses.
const ALWAYS_REFUSED = blockList([
  ['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6'], ['100.100.100.200', 32, 'ipv4'], ['fd00:ec2::254', 128, 'ipv6'],
  ['0.0.0.0', 8, 'ipv4'], ['::', 128, 'ipv6'],
]);
const PRIVATE = blockList([
  ['127.0.0.0', 8, 'ipv4'], ['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['100.64.0.0', 10, 'ipv4'],
  ['::1', 128, 'ipv6'], ['fc00::', 7, 'ipv6'],
]);

const familyOf = (address: string): 'ipv4' | 'ipv6' => (isIP(address) === 6 ? 'ipv6' : 'ipv4');
/** An IPv4 address written as IPv6 ("::ffff:169.254.169.254") is judged as IPv4. */
const unmapped = (address: string): string => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, '$1');

export interface WebhookPolicy {
  /** Why the URL as written is refused, or null. */
  refuseUrl(url: string): string | null;
  /** Why a resolved address of `host` is refused, or null. */
  refuseAddress(host: string, address: string): string | null;
  /** Throws 400 naming the rule when the URL is refused. */
  check(url: string, field: string): void;
}

export function webhookPolicy(options: WebhookPolicyOptions = {}): WebhookPolicy {
  const allowHosts = new Set<string>();
  const allowNets = new BlockList();
  for (const entry of options.allow ?? []) {
    const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
    if (cidr && isIP(cidr[1])) allowNets.addSubnet(cidr[1], Number(cidr[2]), familyOf(cidr[1]));
    else if (isIP(entry)) allowNets.addAddress(entry, familyOf(entry));
    else allowHosts.add(entry.toLowerCase());
  }
  const restricted = (options.allow ?? []).length > 0;

  const refuseAddress = (host: string, raw: string): string | null => {
    const address = unmapped(raw);
    const family = familyOf(address);
    if (ALWAYS_REFUSED.check(address, family)) return `${address} is a link-local or cloud-metadata address, which webhooks may never reach`;
    if (options.refusePrivate && PRIVATE.check(address, family)) return `${address} is a loopback or private address, and this server refuses those for webhooks`;
    if (restricted && !allowHosts.has(host.toLowerCase()) && !allowNets.check(address, family)) return `${host} (${address}) is not among the hosts and networks this server allows for webhooks`;
    return null;
  };

  const refuseUrl = (text: string): string | null => {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      return 'it is not a URL';
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return `only http and https are allowed, not ${url.protocol.replace(':', '')}`;
    if (url.username !== '' || url.password !== '') return 'credentials in the URL are not allowed';
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    if (METADATA_HOSTS.has(host)) return `${host} is a cloud-metadata host, which webhooks may never reach`;
    if (isIP(unmapped(host))) return refuseAddress(host, host);
    if (restricted && !allowHosts.has(host)) return `${host} is not among the hosts and networks this server allows for webhooks`;
    return null;
  };

  return {
    refuseUrl,
    refuseAddress,
    check(url, field) {
      const problem = refuseUrl(url);
      if (problem) throw new CoreError(CoreErrorCode.requestInvalid, `"${field}" ${JSON.stringify(url.slice(0, 200))} is refused: ${problem}`, 400);
    },
  };
}
