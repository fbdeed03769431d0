import fs from "node:fs";
import { Session } from "node:inspector";
import path from "node:path";

// Loaded into `next start` by bench/profile.ts (NODE_OPTIONS=--import): SIGUSR2 starts V8's CPU
// profiler in the server's own thread, the next SIGUSR2 stops it and writes
// $MUTUAL_CPU_PROFILE_DIR/<pid>-<n>.cpuprofile, then $MUTUAL_CPU_PROFILE_DIR/<pid>.done names it.
// So a profile covers the measured requests only, not start-up, compilation or warm-up.
const dir = process.env.MUTUAL_CPU_PROFILE_DIR;
if (dir && !globalThis.__mutualCpuProfileHook) {
  globalThis.__mutualCpuProfileHook = true;
  const session = new Session();
  session.connect();
  let running = false;
  let n = 0;
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params ?? {}, (err, res) => (err ? reject(err) : resolve(res))));
  process.on("SIGUSR2", async () => {
    if (!running) {
      running = true;
      await post("Profiler.enable");
      await post("Profiler.setSamplingInterval", { interval: 250 }); // µs; V8's default is 1000
      await post("Profiler.start");
      fs.writeFileSync(path.join(dir, `${process.pid}.started`), "");
      return;
    }
    const { profile } = await post("Profiler.stop");
    running = false;
    const file = path.join(dir, `${process.pid}-${++n}.cpuprofile`);
    fs.writeFileSync(file, JSON.stringify(profile));
    fs.writeFileSync(path.join(dir, `${process.pid}.done`), file);
  });
}
