import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

type Manifest = { node: Record<string, { filename?: string; exportedName?: string }> };

let ids: Map<string, string> | undefined;

/**
 * The id of a server action in the build under test, looked up by its file and export name
 * in Next's server-reference manifest: what a browser sends in the `Next-Action` header.
 */
export function actionId(file: string, name: string): string {
  if (!ids) {
    const dist = process.env.NEXT_DIST_DIR || ".next";
    const manifest = JSON.parse(
      fs.readFileSync(path.join(dist, "server", "server-reference-manifest.json"), "utf8"),
    ) as Manifest;
    ids = new Map(Object.entries(manifest.node).map(([id, a]) => [`${a.filename}#${a.exportedName}`, id]));
  }
  const id = ids.get(`${file}#${name}`);
  if (!id) throw new Error(`No server action ${name} in ${file} in this build`);
  return id;
}

/**
 * Calls a server action directly, as a POST with its id — no page, no UI — the way an attacker
 * could. `args` are the action's arguments, bound ones (the workspace slug) first.
 */
export async function postAction(
  request: APIRequestContext,
  baseURL: string,
  action: { file: string; name: string },
  args: unknown[],
  options: { path?: string; origin?: string } = {},
): Promise<APIResponse> {
  const url = new URL(options.path ?? "/", baseURL).toString();
  const origin = options.origin ?? new URL(baseURL).origin;
  return request.post(url, {
    headers: {
      "Next-Action": actionId(action.file, action.name),
      Accept: "text/x-component",
      "Content-Type": "text/plain;charset=UTF-8",
      Origin: origin,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
}
