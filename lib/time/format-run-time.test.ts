import { describe, expect, it } from "vitest";
import { formatRunTime, formatRunTimeWithZone, formatZoneAbbreviation, formatZoneName } from "./format-run-time";

describe("formatRunTime", () => {
  it("writes the seconds, which tell apart runs started in the same minute", () => {
    // Local time, as the browser shows it: built from local fields, whatever the machine's zone.
    const started = new Date(2026, 10, 28, 9, 30, 5).toISOString();
    expect(formatRunTime(started)).toBe("28 Nov 2026, 09:30:05");
  });

  it.each([
    ["UTC", "28 Nov 2026, 09:30:05"],
    ["Europe/Berlin", "28 Nov 2026, 10:30:05"],
    ["America/New_York", "28 Nov 2026, 04:30:05"],
  ])("writes the time in the zone it is given: %s", (zone, text) => {
    expect(formatRunTime("2026-11-28T09:30:05Z", zone)).toBe(text);
  });
});

describe("the zone's name, said where a time could be read in another", () => {
  it.each([
    { zone: "Europe/Berlin", iso: "2026-11-28T09:30:05Z", abbreviation: "CET", name: "Central European Time" },
    // Summer time has its own abbreviation; the column's name holds all year.
    { zone: "Europe/Berlin", iso: "2026-07-28T09:30:05Z", abbreviation: "CEST", name: "Central European Time" },
    { zone: "America/New_York", iso: "2026-11-28T09:30:05Z", abbreviation: "GMT-5", name: "Eastern Time" },
    { zone: "UTC", iso: "2026-11-28T09:30:05Z", abbreviation: "UTC", name: "UTC" },
    { zone: "Etc/UTC", iso: "2026-07-28T09:30:05Z", abbreviation: "UTC", name: "UTC" },
  ])("$zone at $iso: $abbreviation, and $name all year", ({ zone, iso, abbreviation, name }) => {
    expect([formatZoneAbbreviation(iso, zone), formatZoneName(zone)]).toEqual([abbreviation, name]);
  });
});

describe("formatRunTimeWithZone", () => {
  it.each([
    ["Europe/Berlin", "28 Nov 2026, 10:30:05 CET"],
    ["UTC", "28 Nov 2026, 09:30:05 UTC"],
  ])("names the zone after the time: %s", (zone, text) => {
    expect(formatRunTimeWithZone("2026-11-28T09:30:05Z", zone)).toBe(text);
  });
});
