/**
 * IPv4 and IPv6 addresses and CIDR ranges, parsed to bigints so ranges compare
 * exactly. No node:net here: the condition schema that uses this also runs in
 * the console's browser forms.
 */
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function isIP(address: string): 0 | 4 | 6 {
  if (IPV4.test(address)) return 4;
  const halves = address.split("::");
  if (halves.length > 2) return 0;
  const groups = halves.flatMap((half) => (half === "" ? [] : half.split(":")));
  let count = groups.length;
  if (groups.at(-1)?.includes(".")) {
    if (!IPV4.test(groups.pop()!)) return 0;
    count++;
  }
  if (!groups.every((g) => HEX_GROUP.test(g))) return 0;
  return (halves.length === 2 ? count < 8 : count === 8) ? 6 : 0;
}

function toBigInt(address: string): { value: bigint; bits: number } | null {
  const kind = isIP(address);
  if (kind === 4) {
    return { value: address.split(".").reduce((acc, part) => (acc << 8n) + BigInt(Number(part)), 0n), bits: 32 };
  }
  if (kind === 6) {
    const [head, tail = ""] = address.split("::");
    const split = (s: string) => (s ? s.split(":") : []);
    let headParts = split(head);
    let tailParts = split(tail);
    const v4 = (tailParts.length ? tailParts : headParts).at(-1);
    const extra: string[] = [];
    if (v4?.includes(".")) {
      const n = toBigInt(v4)!.value;
      extra.push(((n >> 16n) & 0xffffn).toString(16), (n & 0xffffn).toString(16));
      if (tailParts.length) tailParts = [...tailParts.slice(0, -1), ...extra];
      else headParts = [...headParts.slice(0, -1), ...extra];
    }
    const missing = 8 - headParts.length - tailParts.length;
    const parts = address.includes("::") ? [...headParts, ...Array(missing).fill("0"), ...tailParts] : headParts;
    return { value: parts.reduce((acc, part) => (acc << 16n) + BigInt(parseInt(part || "0", 16)), 0n), bits: 128 };
  }
  return null;
}

function parseCidr(cidr: string) {
  const [address, prefixText] = cidr.split("/");
  const parsed = toBigInt(address);
  if (!parsed) return null;
  const prefix = prefixText === undefined ? parsed.bits : Number(prefixText);
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > parsed.bits || (prefixText !== undefined && !/^\d+$/.test(prefixText))) return null;
  return { ...parsed, prefix };
}

export const isCidr = (cidr: string) => cidr.length <= 64 && parseCidr(cidr) !== null;

export function ipInCidr(ip: string, cidr: string): boolean {
  const range = parseCidr(cidr);
  const address = ip.length <= 64 ? toBigInt(ip) : null;
  if (!range || !address || address.bits !== range.bits) return false;
  const shift = BigInt(range.bits - range.prefix);
  return address.value >> shift === range.value >> shift;
}
