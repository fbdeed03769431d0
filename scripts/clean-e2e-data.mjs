// Each e2e run starts from an empty embedded data folder (and outbox).
import fs from "node:fs";
fs.rmSync(process.env.E2E_DATA_DIR ?? ".data-e2e", { recursive: true, force: true });
