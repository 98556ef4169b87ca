/**
 * The anonymous rate-limit key: the client's address as the outermost trusted proxy recorded it.
 * Fastify picks that entry of X-Forwarded-For (`trustProxy`: the socket peer and the entries the
 * proxies behind the first one appended, TRUST_PROXY_HOPS in all). Application Gateway writes the
 * client as `ip:port` (learn.microsoft.com/azure/application-gateway/how-application-gateway-works,
 * "Modifications to the request"), so the port, which changes with every connection, is dropped
 * here: otherwise each new connection would open a fresh budget.
 */
const V4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/;
const V6_BRACKETED = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/i;
const V4_MAPPED = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i;

export function clientAddressKey(ip: string): string {
  const address = ip.trim();
  const bare = V4_WITH_PORT.exec(address)?.[1] ?? V6_BRACKETED.exec(address)?.[1] ?? address;
  return (V4_MAPPED.exec(bare)?.[1] ?? bare).toLowerCase();
}
