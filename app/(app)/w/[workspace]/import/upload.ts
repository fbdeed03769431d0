import type { ImportSummary } from "@/db/queries/import";
import type { ParsedImport } from "@/lib/import";
import type { ImportOptions } from "@/lib/validation/import";

export type ImportFileInfo = Pick<ParsedImport, "format" | "formatLabel" | "encoding" | "total" | "columns" | "needsMapping"> & { name: string };
export type ImportResponse = { file: ImportFileInfo; summary: ImportSummary | null };

export type UploadProgress = { phase: "uploading"; fraction: number } | { phase: "processing" };

/**
 * POSTs the file with XMLHttpRequest rather than fetch: only XHR reports upload progress,
 * which a 10 MB file on a slow line needs.
 */
export function postImport(
  slug: string,
  file: File,
  options: Omit<ImportOptions, "mapping"> & { mapping?: ImportOptions["mapping"] },
  onProgress: (p: UploadProgress) => void,
): Promise<ImportResponse> {
  return new Promise((resolve, reject) => {
    const body = new FormData();
    body.append("file", file);
    body.append("options", JSON.stringify(options));
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/w/${encodeURIComponent(slug)}/import`);
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress({ phase: "uploading", fraction: e.loaded / e.total });
    };
    xhr.upload.onload = () => onProgress({ phase: "processing" });
    xhr.onload = () => {
      const data = xhr.response as (ImportResponse & { error?: string }) | null;
      if (xhr.status >= 200 && xhr.status < 300 && data && !data.error) resolve(data);
      else reject(new Error(data?.error ?? "Something went wrong on our side. Please try again in a moment."));
    };
    xhr.onerror = () => reject(new Error("We couldn't reach Mutual. Check your connection and try again."));
    xhr.send(body);
  });
}
