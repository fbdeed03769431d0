import type { HTMLAttributes, ReactNode } from "react";

type Props = HTMLAttributes<HTMLElement> & { children: ReactNode; className?: string };

/** A panel. Given `aria-labelledby` (its heading's id) it is a named region, a `<section>`. */
export function Card({ children, className = "", ...rest }: Props) {
  const Tag = rest["aria-labelledby"] ? "section" : "div";
  return (
    <Tag {...rest} className={`rounded-card border border-line bg-surface p-4 shadow-sm sm:p-6 ${className}`}>
      {children}
    </Tag>
  );
}
