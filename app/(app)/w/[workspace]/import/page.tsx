import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { buttonClass } from "@/components/ui/button-class";
import { requireMember } from "@/lib/session";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import and export" };

export default async function ImportPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { workspace } = await requireMember(slug);
  const exportHref = (format: "csv" | "vcard") => `/api/w/${encodeURIComponent(slug)}/export?format=${format}`;
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <div>
        <h1 className="text-title">Bring your network in</h1>
        <p className="mt-2 max-w-prose text-sm text-ink-muted">
          Import the people you already know into <strong>{workspace.name}</strong>: your LinkedIn connections, Google or
          Outlook contacts, your phone&apos;s address book (vCard) or any spreadsheet saved as CSV.
        </p>
      </div>

      <ImportWizard slug={slug} />

      <details className="rounded-card border border-line bg-surface p-4 text-sm text-ink-muted">
        <summary className="cursor-pointer font-medium text-ink">Where do I find these files?</summary>
        <ul className="mt-3 flex list-disc flex-col gap-2 pl-5">
          <li>
            <strong>LinkedIn:</strong> Settings → Data privacy → Get a copy of your data → Connections. LinkedIn e-mails you a
            zip; unzip it and import <code>Connections.csv</code>. It keeps the date you connected.
          </li>
          <li>
            <strong>Google Contacts:</strong> Export → Google CSV.
          </li>
          <li>
            <strong>Outlook:</strong> People → Manage contacts → Export contacts (CSV).
          </li>
          <li>
            <strong>iPhone, Mac, Android:</strong> export or share contacts as a vCard (.vcf) file.
          </li>
        </ul>
      </details>

      <Card>
        <h2 className="text-heading">Take your contacts with you</h2>
        <p className="mt-1 text-sm text-ink-muted">
          Every contact in {workspace.name}, archived ones included. CSV opens in any spreadsheet; vCard goes into an address
          book, and either comes back into Mutual unchanged.
        </p>
        <div className="mt-4 flex flex-wrap gap-3">
          <a href={exportHref("csv")} download className={buttonClass("secondary")}>
            Download CSV
          </a>
          <a href={exportHref("vcard")} download className={buttonClass("secondary")}>
            Download vCard
          </a>
        </div>
      </Card>
    </div>
  );
}
