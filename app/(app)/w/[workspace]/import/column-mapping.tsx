"use client";

import { useId } from "react";
import { Button } from "@/components/ui/button";
import { FIELD_LABELS, IMPORT_FIELDS, type ImportField } from "@/lib/import/fields";
import type { ImportFileInfo } from "./upload";
import { inputClass } from "@/components/ui/input";

type Props = {
  file: ImportFileInfo;
  mapping: (ImportField | null)[];
  onChange: (mapping: (ImportField | null)[]) => void;
  onPreview: () => void;
  pending: boolean;
};

/** One select per column of a CSV we don't recognise: which field of a contact it holds, if any. */
export function ColumnMapping({ file, mapping, onChange, onPreview, pending }: Props) {
  const id = useId();
  const columns = file.columns ?? [];
  const hasName = mapping.some((f) => f === "name" || f === "firstName" || f === "lastName");
  return (
    <section aria-labelledby={`${id}-title`} className="flex flex-col gap-4">
      <div>
        <h2 id={`${id}-title`} className="text-heading">
          Which column is which?
        </h2>
        <p className="mt-1 text-sm text-ink-muted">
          We guessed from the headers of <strong>{file.name}</strong>. Check each column; anything you leave out stays out.
        </p>
      </div>
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
        {columns.map((col, i) => (
          <li key={`${col.header}-${i}`} className="flex min-w-0 flex-col gap-1 rounded-lg border border-line bg-surface p-3">
            <label htmlFor={`${id}-${i}`} className="text-sm font-medium">
              {col.header}
            </label>
            <select
              id={`${id}-${i}`}
              value={mapping[i] ?? ""}
              aria-describedby={`${id}-${i}-samples`}
              onChange={(e) => {
                const next = [...mapping];
                const v = e.target.value;
                next[i] = (IMPORT_FIELDS as readonly string[]).includes(v) ? (v as ImportField) : null;
                onChange(next);
              }}
              className={inputClass}
            >
              <option value="">Leave out</option>
              {IMPORT_FIELDS.map((f) => (
                <option key={f} value={f}>
                  {FIELD_LABELS[f]}
                </option>
              ))}
            </select>
            <p id={`${id}-${i}-samples`} className="truncate text-xs text-ink-subtle">
              {col.samples.length > 0 ? `e.g. ${col.samples.join(" · ")}` : "Empty in every row"}
            </p>
          </li>
        ))}
      </ul>
      {!hasName && (
        <p role="status" className="text-sm text-danger-fg">
          Choose the column with each person&apos;s name (or first and last name) to go on.
        </p>
      )}
      <div>
        <Button type="button" onClick={onPreview} disabled={!hasName} pending={pending} pendingLabel="Reading…">
          Preview the import
        </Button>
      </div>
    </section>
  );
}
