import { describe, expect, it } from "vitest";
import { clientIp, trustedProxyHops } from "./client-ip";

describe("clientIp", () => {
  const headers = { "x-forwarded-for": "203.0.113.9, 198.51.100.2, 10.0.0.5" };

  it("ignores X-Forwarded-For unless TRUST_PROXY says how many proxies to trust", () => {
    expect(clientIp(headers, 0)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "1.2.3.4" }, 0)).toBeNull();
  });

  it("takes the address the outermost trusted proxy saw (N-th from the right)", () => {
    expect(clientIp(headers, 1)).toBe("10.0.0.5");
    expect(clientIp(headers, 2)).toBe("198.51.100.2");
    expect(clientIp(new Headers(headers), 3)).toBe("203.0.113.9");
    expect(clientIp(headers, 4)).toBeNull();
  });

  it("treats anything that is not an IP address as unknown", () => {
    expect(clientIp({ "x-forwarded-for": "hei" }, 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "1".repeat(150) }, 1)).toBeNull();
    expect(clientIp({ "x-forwarded-for": "[2001:db8::1]:443" }, 1)).toBe("2001:db8::1");
    expect(clientIp({ "x-forwarded-for": "192.0.2.1:8080" }, 1)).toBe("192.0.2.1");
    expect(clientIp({}, 1)).toBeNull();
  });

  it("reads TRUST_PROXY and refuses nonsense with a Norwegian message", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUST_PROXY: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUST_PROXY: "ja" })).toThrow(/TRUST_PROXY må være et heltall/);
  });
});
