"use client";

import { useState } from "react";
import { useAction } from "next-safe-action/hooks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FieldFrame } from "@/components/ui/field-frame";
import { formErrors } from "@/lib/action-errors";
import { WEEKDAYS } from "@/lib/digest/week";
import { saveDigestPreferences } from "./digest-actions";

type Props = { slug: string; enabled: boolean; weekday: number; hour: number; timeZone: string; verified: boolean };

const hourLabel = (h: number) => `${String(h).padStart(2, "0")}:00`;

export function DigestPreferencesForm({ slug, enabled: initiallyEnabled, weekday, hour, timeZone, verified }: Props) {
  const { execute, result, isPending, hasSucceeded, reset } = useAction(saveDigestPreferences.bind(null, slug));
  const [enabled, setEnabled] = useState(initiallyEnabled);
  const errors = formErrors(result);
  return (
    <form
      className="mt-4 flex flex-col gap-4"
      noValidate
      aria-label="Weekly digest"
      onChange={() => hasSucceeded && reset()}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        execute({ enabled, weekday: Number(fd.get("weekday")), hour: Number(fd.get("hour")) });
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {hasSucceeded && <Alert tone="success">{enabled ? "Saved. See you then." : "Saved. No more digests by e-mail."}</Alert>}
      {!verified && enabled && (
        <Alert>We only send the digest to a confirmed address: confirm your e-mail with the link we sent you, and it starts.</Alert>
      )}
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          onChange={(e) => setEnabled(e.target.checked)}
          className="size-4 rounded border-line-strong accent-accent"
        />
        Send me the weekly digest by e-mail
      </label>
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">When it arrives</legend>
        <FieldFrame label="Day" error={errors.field("weekday")}>
          {(control) => (
            <select name="weekday" defaultValue={weekday} {...control}>
              {WEEKDAYS.map((day, i) => (
                <option key={day} value={i + 1}>
                  {day}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
        <FieldFrame label="Hour" error={errors.field("hour")} hint={`Your time zone: ${timeZone.replaceAll("_", " ")}`}>
          {(control) => (
            <select name="hour" defaultValue={hour} {...control}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>
                  {hourLabel(h)}
                </option>
              ))}
            </select>
          )}
        </FieldFrame>
      </fieldset>
      <div>
        <Button type="submit" pending={isPending} pendingLabel="Saving…">
          Save digest settings
        </Button>
      </div>
    </form>
  );
}
