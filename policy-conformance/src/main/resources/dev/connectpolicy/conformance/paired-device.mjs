// Prints the record an OpenClaw gateway (2026.9 and later) keeps for one paired device in its
// SQLite state database, as one JSON line in the shape of the older devices/paired.json records
// (camel-case fields, JSON columns parsed, empty columns left out), or `null` when the device is
// not paired. Run by the conformance recorder with the gateway's own Node (node:sqlite):
//
//   node --input-type=module -e "$(cat paired-device.mjs)" STATE_DIR/state/openclaw.sqlite DEVICE_ID
//
// The database is opened read-only; the gateway keeps writing it (WAL) while this reads.
import { DatabaseSync } from "node:sqlite";

const [database, deviceId] = process.argv.slice(1);
if (!database || !deviceId) {
  process.stderr.write("usage: paired-device DATABASE DEVICE_ID\n");
  process.exit(2);
}
const db = new DatabaseSync(database, { readOnly: true, timeout: 10000 });
try {
  const table = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'device_pairing_paired'")
    .get();
  const row = table
    ? db.prepare("SELECT * FROM device_pairing_paired WHERE device_id = ?").get(deviceId)
    : undefined;
  let record = null;
  if (row) {
    record = {};
    for (const [column, value] of Object.entries(row)) {
      if (value === null) continue;
      const json = column.endsWith("_json");
      const field = (json ? column.slice(0, -"_json".length) : column).replace(/_([a-z])/g,
        (_, letter) => letter.toUpperCase());
      record[field] = json ? JSON.parse(value) : value;
    }
  }
  process.stdout.write(JSON.stringify(record) + "\n");
} finally {
  db.close();
}
