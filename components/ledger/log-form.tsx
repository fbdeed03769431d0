"use client";

import { useId, useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { KINDS, KIND_NAMES, type Direction, type Kind } from "@/lib/scoring";
import { logInteractionAction, updateInteractionAction } from "./actions";
import { inputClass } from "@/components/ui/input";

/** An existing entry being edited: the form starts from it and saves over it. */
export type EditedInteraction = {
  id: string;
  direction: Direction;
  kind: Kind;
  weight: number;
  date: string;
  summary: string;
  details: string | null;
};

const DIRECTIONS: { value: Direction; label: string }[] = [
  { value: "gave", label: "I gave" },
  { value: "received", label: "I received" },
  { value: "mutual", label: "We met / talked" },
];

const firstKind = (d: Direction): Kind => KIND_NAMES.find((k) => KINDS[k].directions.includes(d)) ?? "message";

type Props = {
  slug: string;
  contactId: string;
  contactName: string;
  today: string;
  onLogged?: () => void;
  autoFocus?: boolean;
  editing?: EditedInteraction;
};

/** Log what passed between you: direction, kind (with its default weight), date, one line. */
export function LogInteractionForm({ slug, contactId, contactName, today, onLogged, autoFocus, editing }: Props) {
  const [direction, setDirection] = useState<Direction>(editing?.direction ?? "gave");
  const [kind, setKind] = useState<Kind>(editing?.kind ?? firstKind("gave"));
  const [weight, setWeight] = useState(editing?.weight ?? KINDS[firstKind("gave")].weight);
  const [form, setForm] = useState<HTMLFormElement | null>(null);
  const kindId = useId();
  const update = useAction(updateInteractionAction.bind(null, slug), { onSuccess: () => onLogged?.() });
  const create = useAction(logInteractionAction.bind(null, slug), {
    onSuccess: ({ data }) => {
      if (data && "id" in data) {
        form?.reset();
        setDirection("gave");
        setKind(firstKind("gave"));
        setWeight(KINDS[firstKind("gave")].weight);
        onLogged?.();
      }
    },
  });
  const action = editing ? update : create;
  const errors = formErrors(action.result);
  const warning = create.result.data && "warning" in create.result.data ? create.result.data.warning : null;
  const logged = !editing && create.result.data && "id" in create.result.data;

  const submit = (confirmAsk: boolean) => {
    if (!form) return;
    const fd = new FormData(form);
    const fields = {
      direction,
      kind,
      weight: Number(fd.get("weight")),
      date: String(fd.get("date") ?? ""),
      summary: String(fd.get("summary") ?? ""),
      details: String(fd.get("details") ?? ""),
    };
    if (editing) update.execute({ id: editing.id, ...fields });
    else create.execute({ contactId, ...fields, confirmAsk });
  };

  return (
    <form
      ref={setForm}
      noValidate
      aria-label={editing ? `Edit entry with ${contactName}` : `Log an interaction with ${contactName}`}
      className="flex flex-col gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        submit(false);
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {logged && !action.isPending && <Alert tone="success">Logged. Thank you for keeping track.</Alert>}
      <fieldset className="flex flex-wrap gap-2">
        <legend className="mb-1 text-sm font-medium">Who gave?</legend>
        {DIRECTIONS.map((d) => (
          <label
            key={d.value}
            className={`cursor-pointer rounded-lg border px-3 py-1.5 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-focus ${direction === d.value ? "border-accent bg-accent-soft text-accent-soft-fg" : "border-line-strong"}`}
          >
            <input
              type="radio"
              name="direction"
              value={d.value}
              checked={direction === d.value}
              className="sr-only"
              onChange={() => {
                setDirection(d.value);
                const k = firstKind(d.value);
                setKind(k);
                setWeight(KINDS[k].weight);
              }}
            />
            {d.label}
          </label>
        ))}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-2">
          <label htmlFor={kindId} className="text-sm font-medium">
            What was it?
          </label>
          <select
            id={kindId}
            value={kind}
            onChange={(e) => {
              const k = e.target.value as Kind;
              setKind(k);
              setWeight(KINDS[k].weight);
            }}
            className={inputClass}
          >
            {KIND_NAMES.filter((k) => KINDS[k].directions.includes(direction)).map((k) => (
              <option key={k} value={k}>
                {KINDS[k].label}
              </option>
            ))}
          </select>
          {errors.field("kind") && <p className="text-sm text-danger-fg">{errors.field("kind")}</p>}
        </div>
        <Field
          label="Weight (1–5)"
          name="weight"
          type="number"
          min={1}
          max={5}
          value={weight}
          onChange={(e) => setWeight(Number(e.target.value))}
          error={errors.field("weight")}
        />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          label="Summary"
          name="summary"
          placeholder="Introduced her to Carol at Acme"
          defaultValue={editing?.summary}
          autoFocus={autoFocus}
          className="sm:col-span-2"
          error={errors.field("summary")}
        />
        <Field label="Date" name="date" type="date" defaultValue={editing?.date ?? today} max={today} error={errors.field("date")} />
      </div>
      <Field label="Details (optional)" name="details" defaultValue={editing?.details ?? ""} error={errors.field("details")} />
      {warning && (
        <div role="alert" className="rounded-lg border border-warn-line bg-warn-soft p-3 text-sm text-warn-fg">
          <p>{warning}</p>
          <div className="mt-2 flex gap-3">
            <Button type="button" variant="secondary" onClick={() => submit(true)} pending={create.isPending}>
              Log the ask anyway
            </Button>
          </div>
        </div>
      )}
      <div>
        <Button type="submit" pending={action.isPending} pendingLabel="Saving…">
          {editing ? "Save entry" : "Log it"}
        </Button>
      </div>
    </form>
  );
}
