import type { Metadata } from "next";
import { requireMember } from "@/lib/session";
import { ContactForm } from "../contact-form";

export const metadata: Metadata = { title: "Add contact" };

export default async function NewContactPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  await requireMember(slug);
  return (
    <div className="mx-auto flex max-w-3xl flex-col gap-6">
      <div>
        <h1 className="text-title">Add a contact</h1>
        <p className="mt-1 text-sm text-ink-muted">Only the name is needed. What they care about is worth more than their title.</p>
      </div>
      <ContactForm slug={slug} cancelHref={`/w/${slug}/contacts`} />
    </div>
  );
}
