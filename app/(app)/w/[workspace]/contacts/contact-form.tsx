"use client";

import Link from "next/link";
import { useAction } from "next-safe-action/hooks";
import type { ContactDetail } from "@/db/queries/contacts";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { buttonClass } from "@/components/ui/button-class";
import { Field } from "@/components/ui/field";
import { TextAreaField } from "@/components/ui/textarea-field";
import { formErrors } from "@/lib/action-errors";
import type { z } from "zod";
import type { contactInputSchema } from "@/lib/validation/contacts";
import { createContactAction, updateContactAction } from "./actions";
import { inputClass } from "@/components/ui/input";

type ContactFormInput = z.input<typeof contactInputSchema>;

type Props = { slug: string; contact?: ContactDetail; cancelHref: string };

/** Create and edit share one form; an edit carries the version it started from. */
export function ContactForm({ slug, contact, cancelHref }: Props) {
  const create = useAction(createContactAction.bind(null, slug));
  const update = useAction(updateContactAction.bind(null, slug));
  const { result, isPending } = contact ? update : create;
  const errors = formErrors(result);
  const e = errors.field;

  return (
    <form
      noValidate
      className="flex flex-col gap-6"
      onSubmit={(ev) => {
        ev.preventDefault();
        const fd = new FormData(ev.currentTarget);
        const text = (name: string) => String(fd.get(name) ?? "");
        const input: ContactFormInput = {
          name: text("name"),
          emails: text("emails"),
          phone: text("phone"),
          company: text("company"),
          title: text("title"),
          location: text("location"),
          url: text("url"),
          howWeMet: text("howWeMet"),
          tags: text("tags"),
          interests: text("interests"),
          needs: text("needs"),
          offers: text("offers"),
          // The server checks it is one of the options.
          cadence: text("cadence") as ContactFormInput["cadence"],
        };
        if (contact) update.execute({ ...input, id: contact.id, version: contact.version });
        else create.execute(input);
      }}
    >
      {errors.form && <Alert tone="error">{errors.form}</Alert>}
      {!errors.form && result.validationErrors && (
        <Alert tone="error">Some fields need another look — see the messages below.</Alert>
      )}

      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-ink-subtle">Who they are</legend>
        <Field label="Name" name="name" required defaultValue={contact?.name} error={e("name")} className="sm:col-span-2" />
        <Field label="Company" name="company" defaultValue={contact?.company ?? ""} error={e("company")} />
        <Field label="Title" name="title" defaultValue={contact?.title ?? ""} error={e("title")} />
        <Field
          label="E-mail addresses"
          name="emails"
          defaultValue={contact?.emails.join(", ")}
          hint="Separate several with commas."
          error={e("emails")}
        />
        <Field label="Phone" name="phone" type="tel" defaultValue={contact?.phone ?? ""} error={e("phone")} />
        <Field label="Location" name="location" defaultValue={contact?.location ?? ""} error={e("location")} />
        <Field
          label="LinkedIn or website"
          name="url"
          defaultValue={contact?.url ?? ""}
          placeholder="linkedin.com/in/…"
          error={e("url")}
        />
        <Field
          label="Tags"
          name="tags"
          defaultValue={contact?.tags.join(", ")}
          hint="Separate with commas, e.g. founder, climate."
          error={e("tags")}
        />
        <div className="flex flex-col gap-1">
          <label htmlFor="cadence" className="text-sm font-medium">
            Keep in touch every
          </label>
          <select
            id="cadence"
            name="cadence"
            defaultValue={contact ? (contact.cadenceDays === null ? "none" : String(contact.cadenceDays)) : "90"}
            className={inputClass}
          >
            <option value="30">Month</option>
            <option value="60">2 months</option>
            <option value="90">3 months</option>
            <option value="180">6 months</option>
            <option value="365">Year</option>
            <option value="none">No reminder</option>
          </select>
          {e("cadence") && <p className="text-sm text-danger-fg">{e("cadence")}</p>}
        </div>
        <TextAreaField
          label="How we met"
          name="howWeMet"
          rows={2}
          defaultValue={contact?.howWeMet ?? ""}
          error={e("howWeMet")}
          className="sm:col-span-2"
        />
      </fieldset>

      <fieldset className="grid gap-4">
        <legend className="mb-2 text-sm font-semibold uppercase tracking-wide text-ink-subtle">What matters to them</legend>
        <TextAreaField
          label="Interests"
          name="interests"
          defaultValue={contact?.interests ?? ""}
          hint="Common ground: the favourite summer spot, the hobby, the team they cheer for."
          error={e("interests")}
        />
        <TextAreaField
          label="Needs"
          name="needs"
          defaultValue={contact?.needs ?? ""}
          hint="What they are looking for — a hire, a job, advice, an introduction."
          error={e("needs")}
        />
        <TextAreaField
          label="Offers"
          name="offers"
          defaultValue={contact?.offers ?? ""}
          hint="What they can help others with."
          error={e("offers")}
        />
      </fieldset>

      <div className="flex items-center gap-4">
        <Button type="submit" pending={isPending} pendingLabel="Saving…">
          {contact ? "Save changes" : "Add contact"}
        </Button>
        <Link href={cancelHref} className={buttonClass("ghost")}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
