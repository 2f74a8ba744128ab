import pg from "pg";
import { startEmbeddedDatabase } from "./lib/embedded-db.ts";
import { prepareDatabase, MIGRATIONS_DIR } from "./lib/prepare.ts";
import { migrate } from "./lib/migrate.ts";
import { generateNationalDataset } from "./generate-national-dataset.ts";
const db = await startEmbeddedDatabase({ dataDir: "/tmp/map-dev/pg", port: 55432, persistent: true });
const admin = new pg.Client({ connectionString: Object.assign(new URL(db.url), { pathname: "/postgres" }).toString() });
await admin.connect();
const have = (await admin.query("SELECT datname FROM pg_database")).rows.map((r) => r.datname);
if (!have.includes("national")) await admin.query("CREATE DATABASE national");
await admin.end();
await prepareDatabase(db.url);
const nat = Object.assign(new URL(db.url), { pathname: "/national" }).toString();
if (!have.includes("national")) { await migrate(nat, MIGRATIONS_DIR); console.log(await generateNationalDataset(nat)); }
console.log("READY", db.url, nat);
setInterval(() => {}, 1 << 30);
