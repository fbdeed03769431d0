"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "@/components/ui/menu";

const items = [
  { href: "", label: "Dashboard" },
  { href: "/contacts", label: "Contacts" },
  { href: "/digest", label: "Digest" },
  { href: "/team", label: "Team" },
  { href: "/settings", label: "Settings" },
];

/** The workspace's sections: a row of links from 768 px, one "Menu" button below that. */
export function NavLinks({ base }: { base: string }) {
  const pathname = usePathname();
  const isActive = (href: string) => (href === "" ? pathname === base : pathname.startsWith(`${base}${href}`));
  const current = items.find((i) => isActive(i.href));
  return (
    <nav aria-label="Workspace" className="md:ml-2">
      <ul className="hidden gap-1 md:flex">
        {items.map((item) => {
          const active = isActive(item.href);
          return (
            <li key={item.label}>
              <Link
                href={`${base}${item.href}`}
                aria-current={active ? "page" : undefined}
                className={`block whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${
                  active ? "bg-accent-soft text-accent-soft-fg" : "text-ink-muted hover:bg-surface-muted hover:text-ink"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
      <div className="md:hidden">
        <Menu
          label={`Menu${current ? `, on ${current.label}` : ""}`}
          trigger={
            <>
              <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.75" strokeLinecap="round">
                <path d="M2.5 4h11M2.5 8h11M2.5 12h11" />
              </svg>
              <span className="hidden sm:inline">{current?.label ?? "Menu"}</span>
            </>
          }
          triggerClassName="inline-flex min-h-9 min-w-9 items-center justify-center gap-2 rounded-lg border border-line px-2 py-1.5 sm:px-3 text-sm font-medium text-ink hover:bg-surface-muted"
          align="start"
          entries={items.map((item) => ({ kind: "link", href: `${base}${item.href}`, label: item.label, current: isActive(item.href) }))}
        />
      </div>
    </nav>
  );
}
