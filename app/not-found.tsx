import Link from "next/link";
import { buttonClass } from "@/components/ui/button-class";
import { Logo } from "@/components/ui/logo";

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-4 px-4 text-center">
      <Logo />
      <h1 className="text-title">We couldn&apos;t find that page</h1>
      <p className="max-w-md text-sm text-ink-muted">
        It may have moved, or it belongs to a workspace you&apos;re not part of. If a teammate sent you this link, ask
        them to invite you.
      </p>
      <div className="flex flex-wrap justify-center gap-3">
        <Link href="/w" className={buttonClass("primary")}>
          Back to your network
        </Link>
        <Link href="/" className={buttonClass("secondary")}>
          Home page
        </Link>
      </div>
    </div>
  );
}
