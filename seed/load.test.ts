import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_DATA_DIR, loadDataset, SeedError } from "./load.ts";

/** Each test copies seed/data to a temp dir, breaks one record and expects a SeedError naming it. */
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function copyData(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "seed-data-"));
  dirs.push(dir);
  cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- test fixtures are edited as loose JSON
type Json = Record<string, any>;

function firstArrangementFile(dir: string): string {
  const file = readdirSync(path.join(dir, "arrangements"))
    .filter((f) => f.endsWith(".json"))
    .sort()[0]!;
  return path.join(dir, "arrangements", file);
}

function mutateArrangements(dir: string, change: (records: Json[]) => void): void {
  const file = firstArrangementFile(dir);
  const records = JSON.parse(readFileSync(file, "utf8")) as Json[];
  change(records);
  writeFileSync(file, JSON.stringify(records, null, 2));
}

function seedError(dir: string): SeedError {
  try {
    loadDataset(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedError);
    return error as SeedError;
  }
  throw new Error("forventet SeedError, men datagrunnlaget ble godtatt");
}

describe("loadDataset", () => {
  it("accepts the committed data: 221 arrangements, 25 surveyed municipalities, 45 task areas", () => {
    const data = loadDataset();
    expect(data.arrangements).toHaveLength(221);
    expect(data.municipalities.filter((m) => m.inSurveyScope)).toHaveLength(25);
    expect(data.taskAreas).toHaveLength(45);
    expect(data.deviations?.deviations.length).toBeGreaterThan(0);
  });

  it("names the record with an unknown municipality", () => {
    const dir = copyData();
    let id = "";
    mutateArrangements(dir, (records) => {
      id = records[3]!.id;
      records[3]!.participants[1].municipality = "atlantis";
    });
    expect(seedError(dir).message).toMatch(new RegExp(`ordning «${id}»: ukjent kommune «atlantis»`));
  });

  it("names both records when two arrangements share a name", () => {
    const dir = copyData();
    let first = "";
    let second = "";
    mutateArrangements(dir, (records) => {
      first = records[0]!.id;
      second = records[5]!.id;
      records[5]!.name = records[0]!.name.toUpperCase();
      records[5]!.correctedName = null;
    });
    const message = seedError(dir).message;
    expect(message).toContain(`ordning «${second}»`);
    expect(message).toContain(`samme navn som ordning «${first}»`);
  });

  it("names the record whose host is not among its participants", () => {
    const dir = copyData();
    let id = "";
    mutateArrangements(dir, (records) => {
      const record = records.find((r) => r.host && !r.participants.some((p: Json) => p.municipality === "oslo"))!;
      id = record.id;
      record.host.municipality = "oslo";
    });
    expect(seedError(dir).message).toContain(`ordning «${id}»: vertskommunen «oslo» er ikke blant deltakerne`);
  });

  it("names the record with an establishment year out of range", () => {
    const dir = copyData();
    let id = "";
    mutateArrangements(dir, (records) => {
      id = records[2]!.id;
      records[2]!.established = { year: 2031, unspecified: false, confidence: "stated", source: "NIVI 2021, avsnitt 2.3" };
    });
    const message = seedError(dir).message;
    expect(message).toContain(`post «${id}»`);
    expect(message).toContain("established.year: etableringsår etter 2021");
  });

  it("names the file with invalid JSON", () => {
    const dir = copyData();
    writeFileSync(path.join(dir, "municipalities.json"), '[{"slug": "drammen",');
    expect(seedError(dir).message).toMatch(/^municipalities\.json: ugyldig JSON/);
  });

  it("names the deviation that points at an unknown municipality", () => {
    const dir = copyData();
    const file = path.join(dir, "deviations.json");
    const content = JSON.parse(readFileSync(file, "utf8")) as Json;
    content.deviations[0].municipality = "atlantis";
    writeFileSync(file, JSON.stringify(content));
    expect(seedError(dir).message).toBe(`deviations.json, avvik «${content.deviations[0].id}»: ukjent kommune «atlantis»`);
  });
});
