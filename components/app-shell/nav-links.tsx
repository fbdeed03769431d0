"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const items = [
  { href: "", label: "Dashboard" },
  { href: "/contacts", label: "Contacts" },
  { href: "/digest", label: "Digest" },
  { href: "/team", label: "Team" },
  { href: "/settings", label: "Settings" },
];

export function NavLinks({ base }: { base: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Workspace" className="order-last -mx-1 flex w-full gap-1 overflow-x-auto md:order-none md:ml-2 md:w-auto">
      {items.map((item) => {
        const href = `${base}${item.href}`;
        const active = item.href === "" ? pathname === base : pathname.startsWith(href);
        return (
          <Link
            key={item.label}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`whitespace-nowrap rounded-lg px-3 py-1.5 text-sm font-medium ${
              active ? "bg-brand-50 text-brand-800" : "text-ink-muted hover:bg-slate-100 hover:text-ink"
            }`}
          >
            {item.label}
          </Link>
        );
      })}
    </nav>
  );
}
