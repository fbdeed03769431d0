"use client";

import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { formErrors } from "@/lib/action-errors";
import { saveProfile } from "./actions";
import { inputClass } from "@/components/ui/input";

type Props = { slug: string; name: string; timeZone: string; timeZones: string[] };

export function ProfileForm({ slug, name, timeZone, timeZones }: Props) {
  const { execute, result, isPending, hasSucceeded } = useAction(saveProfile.bind(null, slug));
  const errors = formErrors(result);
  const tzError = errors.field("timeZone");
  return (
    <form
      className="mt-4 flex flex-col gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        execute({ name: String(fd.get("name") ?? ""), timeZone: String(fd.get("timeZone") ?? "") });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {hasSucceeded && <Alert tone="success">Saved.</Alert>}
      <Field label="Name" name="name" defaultValue={name} autoComplete="name" required error={errors.field("name")} />
      <div className="flex flex-col gap-1">
        <label htmlFor="timeZone" className="text-sm font-medium">
          Time zone
        </label>
        <select
          id="timeZone"
          name="timeZone"
          defaultValue={timeZone}
          aria-invalid={tzError ? true : undefined}
          className={inputClass}
        >
          {timeZones.map((tz) => (
            <option key={tz} value={tz}>
              {tz.replaceAll("_", " ")}
            </option>
          ))}
        </select>
        {tzError && <p className="text-sm text-danger-fg">{tzError}</p>}
      </div>
      <div>
        <Button type="submit" pending={isPending} pendingLabel="Saving…">
          Save profile
        </Button>
      </div>
    </form>
  );
}
