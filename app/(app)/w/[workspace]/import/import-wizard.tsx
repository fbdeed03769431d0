"use client";

import Link from "next/link";
import { useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import type { ImportSummary, OnDuplicate } from "@/db/queries/import";
import type { ImportField } from "@/lib/import/fields";
import { MAX_IMPORT_BYTES } from "@/lib/import/limits";
import { ColumnMapping } from "./column-mapping";
import { ImportSummaryView } from "./import-summary";
import { postImport, type ImportFileInfo, type UploadProgress } from "./upload";

type Step =
  | { name: "choose" }
  | { name: "mapping"; info: ImportFileInfo }
  | { name: "preview"; info: ImportFileInfo; summary: ImportSummary }
  | { name: "done"; info: ImportFileInfo; summary: ImportSummary };

const fmt = (n: number) => n.toLocaleString("en");

/**
 * Choose a file → (for an unknown CSV, say which column is which) → preview what would be
 * created, merged and skipped → import → report. The file stays in the browser between
 * steps and is sent again for each: the server keeps nothing until the import itself.
 */
export function ImportWizard({ slug }: { slug: string }) {
  const id = useId();
  const queryClient = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [step, setStep] = useState<Step>({ name: "choose" });
  const [mapping, setMapping] = useState<(ImportField | null)[] | undefined>(undefined);
  const [onDuplicate, setOnDuplicate] = useState<OnDuplicate>("merge");
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);

  async function send(f: File, what: "preview" | "commit", opts: { mapping?: (ImportField | null)[]; onDuplicate: OnDuplicate }) {
    setError(null);
    setProgress({ phase: "uploading", fraction: 0 });
    try {
      const res = await postImport(slug, f, { step: what, onDuplicate: opts.onDuplicate, mapping: opts.mapping }, setProgress);
      if (what === "commit") {
        if (!res.summary) throw new Error("Choose which column holds each person's name first.");
        await queryClient.invalidateQueries({ queryKey: ["contacts", slug] });
        setStep({ name: "done", info: res.file, summary: res.summary });
      } else if (res.file.needsMapping || !res.summary) {
        setMapping(res.file.columns?.map((c) => c.field) ?? []);
        setStep({ name: "mapping", info: res.file });
      } else {
        setStep({ name: "preview", info: res.file, summary: res.summary });
      }
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setProgress(null);
    }
  }

  function choose(f: File | undefined) {
    if (!f) return;
    setFile(f);
    setMapping(undefined);
    setStep({ name: "choose" });
    if (f.size > MAX_IMPORT_BYTES) {
      setError(`This file is ${(f.size / 1024 / 1024).toFixed(1)} MB; one import takes up to ${MAX_IMPORT_BYTES / 1024 / 1024} MB. Split it into smaller files.`);
      return;
    }
    void send(f, "preview", { onDuplicate });
  }

  function reset() {
    setFile(null);
    setMapping(undefined);
    setError(null);
    setStep({ name: "choose" });
    if (input.current) input.current.value = "";
  }

  const busy = progress !== null;

  return (
    <div className="flex flex-col gap-6">
      {step.name === "choose" && (
        <div
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            choose(e.dataTransfer.files[0]);
          }}
          className={`flex flex-col items-center gap-3 rounded-card border-2 border-dashed p-8 text-center ${dragging ? "border-accent bg-accent-soft" : "border-line-strong bg-surface"}`}
        >
          <label htmlFor={`${id}-file`} className="text-base font-medium">
            Choose a file to import
          </label>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".csv,.vcf,.vcard,.txt,text/csv,text/vcard"
            aria-describedby={`${id}-file-hint`}
            disabled={busy}
            onChange={(e) => choose(e.target.files?.[0])}
            className="max-w-full text-sm file:mr-3 file:rounded-lg file:border-0 file:bg-accent file:px-4 file:py-2 file:text-sm file:font-medium file:text-on-accent hover:file:bg-accent-hover"
          />
          <p id={`${id}-file-hint`} className="max-w-md text-xs text-ink-subtle">
            CSV or vCard, up to 10 MB and 50,000 people — or drop the file here. Nothing is saved until you have seen the preview.
          </p>
        </div>
      )}

      {progress && <Progress progress={progress} fileName={file?.name ?? ""} />}
      {error && (
        <Alert tone="error">
          <p>{error}</p>
          {step.name !== "choose" || file ? (
            <button type="button" className="mt-2 font-medium underline" onClick={reset}>
              Choose another file
            </button>
          ) : null}
        </Alert>
      )}

      {step.name === "mapping" && file && mapping && (
        <ColumnMapping
          file={step.info}
          mapping={mapping}
          onChange={setMapping}
          pending={busy}
          onPreview={() => void send(file, "preview", { mapping, onDuplicate })}
        />
      )}

      {step.name === "preview" && file && (
        <section aria-labelledby={`${id}-preview`} className="flex flex-col gap-5">
          <div>
            <h2 id={`${id}-preview`} className="text-heading">
              Preview: {step.info.formatLabel}, {fmt(step.info.total)} {step.info.total === 1 ? "person" : "people"}
            </h2>
            <p className="mt-1 text-sm text-ink-muted">
              From <strong>{step.info.name}</strong>. Nothing is saved yet. People already here are matched by e-mail, then by
              name and company.
            </p>
          </div>
          <fieldset className="flex flex-col gap-2 rounded-lg border border-line bg-surface p-4">
            <legend className="px-1 text-sm font-medium">People who are already in your contacts</legend>
            {(
              [
                ["merge", "Merge: fill in what's missing, keep what's there"],
                ["skip", "Skip them: change nothing that's here"],
              ] as const
            ).map(([value, label]) => (
              <label key={value} className="flex items-center gap-2 text-sm">
                <input
                  type="radio"
                  name={`${id}-dup`}
                  value={value}
                  checked={onDuplicate === value}
                  disabled={busy}
                  onChange={() => {
                    setOnDuplicate(value);
                    void send(file, "preview", { mapping, onDuplicate: value });
                  }}
                />
                {label}
              </label>
            ))}
          </fieldset>
          <ImportSummaryView summary={step.summary} done={false} />
          <div className="flex flex-wrap gap-3">
            <Button
              type="button"
              pending={busy}
              pendingLabel="Importing…"
              disabled={step.summary.counts.create + step.summary.counts.merge === 0}
              onClick={() => void send(file, "commit", { mapping, onDuplicate })}
            >
              Import {fmt(step.summary.counts.create + step.summary.counts.merge)}{" "}
              {step.summary.counts.create + step.summary.counts.merge === 1 ? "person" : "people"}
            </Button>
            {step.info.columns && (
              <Button type="button" variant="secondary" disabled={busy} onClick={() => setStep({ name: "mapping", info: step.info })}>
                Change columns
              </Button>
            )}
            <Button type="button" variant="ghost" disabled={busy} onClick={reset}>
              Choose another file
            </Button>
          </div>
        </section>
      )}

      {step.name === "done" && (
        <section aria-labelledby={`${id}-done`} className="flex flex-col gap-5">
          <Alert tone="success">
            <h2 id={`${id}-done`} className="font-semibold">
              Imported: {fmt(step.summary.counts.create)} added, {fmt(step.summary.counts.merge)} merged, {fmt(step.summary.counts.skip)}{" "}
              skipped.
            </h2>
            <p className="mt-1">
              Each of them is someone you can help. Open a few and note what they need — the next conversation starts there.
            </p>
          </Alert>
          <ImportSummaryView summary={step.summary} done />
          <div className="flex flex-wrap gap-3">
            <Link href={`/w/${slug}/contacts`} className={buttonClass("primary")}>
              See your contacts
            </Link>
            <Button type="button" variant="secondary" onClick={reset}>
              Import another file
            </Button>
          </div>
        </section>
      )}
    </div>
  );
}

function Progress({ progress, fileName }: { progress: UploadProgress; fileName: string }) {
  const percent = progress.phase === "uploading" ? Math.round(progress.fraction * 100) : undefined;
  const label = progress.phase === "uploading" ? `Uploading ${fileName}… ${percent}%` : `Reading ${fileName}…`;
  return (
    <div className="flex flex-col gap-2" aria-live="polite">
      <p className="text-sm text-ink-muted">{label}</p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-line"
      >
        <div
          className={`h-full rounded-full bg-accent transition-[width] ${percent === undefined ? "w-1/3 animate-pulse" : ""}`}
          style={percent === undefined ? undefined : { width: `${percent}%` }}
        />
      </div>
    </div>
  );
}
