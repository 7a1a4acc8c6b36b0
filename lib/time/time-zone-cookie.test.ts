import { describe, expect, it } from "vitest";
import { isTimeZone, readRequestTimeZone, readTimeZoneCookie, TIME_ZONE_COOKIE, toTimeZoneCookie } from "./time-zone-cookie";

describe("readTimeZoneCookie", () => {
  it.each([
    ["America/New_York", "America/New_York"],
    ["Europe/Berlin", "Europe/Berlin"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["UTC", "UTC"],
  ])("takes the zone %s", (value, zone) => {
    expect(readTimeZoneCookie(value)).toBe(zone);
  });

  it.each([[undefined], [""], ["Mars/Olympus_Mons"], ["<script>"], ["Europe/Berlin; Path=/"], ["A".repeat(100)]])("falls back to UTC for %s", (value) => {
    expect(readTimeZoneCookie(value)).toBe("UTC");
  });
});

describe("toTimeZoneCookie", () => {
  it("writes the zone for the whole site, for a year, and reads back as the same zone", () => {
    const cookie = toTimeZoneCookie("America/Argentina/Buenos_Aires");
    expect(cookie).toBe(`${TIME_ZONE_COOKIE}=America%2FArgentina%2FBuenos_Aires; Path=/; Max-Age=31536000; SameSite=Lax`);
    const value = decodeURIComponent(cookie.split(";")[0]?.split("=")[1] ?? "");
    expect(readTimeZoneCookie(value)).toBe("America/Argentina/Buenos_Aires");
  });
});

describe("readRequestTimeZone", () => {
  it.each([
    ["tidecast-tz=Europe%2FBerlin", "Europe/Berlin"],
    ["theme=dark; tidecast-tz=America%2FNew_York; other=1", "America/New_York"],
    ["tidecast-tz=Asia/Kolkata", "Asia/Kolkata"],
  ])("reads the zone from %s", (header, zone) => {
    expect(readRequestTimeZone(header)).toBe(zone);
  });

  it.each([[null], [""], ["theme=dark"], ["tidecast-tz=Mars%2FOlympus"], ["tidecast-tz=%E0%A4%A"], ["not-tidecast-tz=Europe%2FBerlin"]])("names no zone for %s", (header) => {
    expect(readRequestTimeZone(header)).toBeUndefined();
  });
});

describe("isTimeZone", () => {
  it("takes IANA zones and refuses abbreviations, offsets written freely and anything else", () => {
    expect(["Europe/Berlin", "UTC", "Etc/GMT+5", "America/Argentina/Buenos_Aires"].every(isTimeZone)).toBe(true);
    expect(["CEST", "+01:00", "Europe/Berlin ", "", "Mars/Olympus_Mons"].some(isTimeZone)).toBe(false);
  });
});
