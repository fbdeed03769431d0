import { getDb } from "@/db/client";
import { previewImport, runImport } from "@/db/queries/import";
import { GENERIC_ERROR_MESSAGE, UserError } from "@/lib/errors";
import { MAX_IMPORT_BYTES, readImportFileAsync } from "@/lib/import";
import { isSameOrigin } from "@/lib/same-origin";
import { getMember } from "@/lib/session";
import { importOptionsSchema } from "@/lib/validation/import";

export const dynamic = "force-dynamic";

// Room for the multipart envelope around a file of the largest accepted size.
const MAX_BODY_BYTES = MAX_IMPORT_BYTES + 256 * 1024;

const fail = (message: string, status = 400) => Response.json({ error: message }, { status, headers: { "Cache-Control": "no-store" } });

/**
 * POST a file (multipart: `file` and `options` as JSON) to preview an import or run it. A route
 * handler rather than a server action, so the browser can show upload progress for large files
 * and the 10 MB body needs no global limit raised. The file is parsed again for the import
 * itself: nothing is kept on the server between preview and import.
 */
export async function POST(request: Request, { params }: { params: Promise<{ workspace: string }> }) {
  if (!isSameOrigin(request)) return fail("This request did not come from Mutual.", 403);
  const member = await getMember((await params).workspace);
  if (!member) return fail("Not found", 404);

  const length = Number(request.headers.get("content-length") ?? 0);
  if (length > MAX_BODY_BYTES) {
    return fail(`This file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; one import takes up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, 413);
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return fail("The upload did not arrive complete. Please try again.");
  }
  const file = form.get("file");
  if (!(file instanceof File)) return fail("Choose a file to import.");
  if (file.size > MAX_IMPORT_BYTES) {
    return fail(`This file is ${(file.size / 1024 / 1024).toFixed(1)} MB; one import takes up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`, 413);
  }
  let rawOptions: unknown;
  try {
    rawOptions = JSON.parse(String(form.get("options") ?? "{}"));
  } catch {
    return fail("The import settings were not readable. Reload the page and try again.");
  }
  const options = importOptionsSchema.safeParse(rawOptions);
  if (!options.success) return fail(options.error.issues[0]?.message ?? "The import settings are not valid.");

  const scope = { workspaceId: member.workspace.id, userId: member.user.id };
  try {
    const parsed = await readImportFileAsync(new Uint8Array(await file.arrayBuffer()), file.name, { mapping: options.data.mapping });
    const fileInfo = {
      name: file.name,
      format: parsed.format,
      formatLabel: parsed.formatLabel,
      encoding: parsed.encoding,
      total: parsed.total,
      columns: parsed.columns,
      needsMapping: parsed.needsMapping,
    };
    const db = await getDb();
    if (options.data.step === "preview") {
      const summary = parsed.needsMapping ? null : await previewImport(db, scope, parsed, options.data.onDuplicate);
      return Response.json({ file: fileInfo, summary }, { headers: { "Cache-Control": "no-store" } });
    }
    if (parsed.needsMapping) return fail("Choose which column holds each person's name first.");
    const summary = await runImport(db, scope, parsed, options.data.onDuplicate);
    return Response.json({ file: fileInfo, summary }, { headers: { "Cache-Control": "no-store" } });
  } catch (err) {
    if (err instanceof UserError) return fail(err.message, 422);
    console.error("[import]", { workspace: member.workspace.id, file: file.name, size: file.size }, err);
    return fail(GENERIC_ERROR_MESSAGE, 500);
  }
}
