import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { getDb } from "@/db/client";
import { getContact } from "@/db/queries/contacts";
import { requireMember } from "@/lib/session";
import { ContactForm } from "../../contact-form";

export const metadata: Metadata = { title: "Edit contact" };

type Props = { params: Promise<{ workspace: string; id: string }> };

export default async function EditContactPage({ params }: Props) {
  const { workspace: slug, id } = await params;
  const { workspace } = await requireMember(slug);
  if (!z.uuid().safeParse(id).success) notFound();
  const contact = await getContact(await getDb(), workspace.id, id);
  if (!contact) notFound();
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <h1 className="text-title">Edit {contact.name}</h1>
      <ContactForm slug={slug} contact={contact} cancelHref={`/w/${slug}/contacts/${id}`} />
    </div>
  );
}
