/**
 * The client's address for rate limiting. Behind a load balancer, the balancer must
 * overwrite X-Forwarded-For; its first entry is then the client.
 */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
