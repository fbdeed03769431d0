import Link from "next/link";
import { Logo } from "@/components/ui/logo";
import { buttonClass } from "@/components/ui/button-class";

const points = [
  {
    title: "Remember what matters to them",
    body: "Their favourite summer spot, the hire they're looking for, what they can help others with. Notes about them, not about you.",
  },
  {
    title: "Keep the give-and-take fair",
    body: "Log what you gave and what you received. A balance score per person shows where it's time to give back.",
  },
  {
    title: "Don't wait until you need something",
    body: "A weekly digest tells you who is going cold and which promises are due, so you keep in touch regularly.",
  },
];

export default function LandingPage() {
  return (
    <div className="min-h-dvh bg-surface">
      <header className="mx-auto flex max-w-5xl items-center justify-between px-4 py-5">
        <Logo />
        <nav aria-label="Account" className="flex items-center gap-2">
          <Link href="/sign-in" className={buttonClass("ghost")}>
            Sign in
          </Link>
          <Link href="/sign-up" className={buttonClass("primary")}>
            Sign up
          </Link>
        </nav>
      </header>
      <main>
        <section className="mx-auto max-w-5xl px-4 pb-16 pt-12 sm:pt-20">
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-text">Networking, the giving way</p>
          <h1 className="mt-3 max-w-3xl text-4xl font-bold tracking-tight sm:text-5xl">
            Be interested in the other person. Give first.
          </h1>
          <p className="mt-5 max-w-2xl text-lg leading-relaxed text-ink-muted">
            Networking isn&apos;t begging for favours, and it isn&apos;t all about you. Mutual keeps the people you know,
            what passes between you, and the best question in networking close at hand:{" "}
            <em className="text-ink">&ldquo;What can I do to help you?&rdquo;</em>
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/sign-up" className={`${buttonClass("primary")} px-6 py-3 text-base`}>
              Start giving — it&apos;s free
            </Link>
            <Link href="/sign-in" className={`${buttonClass("secondary")} px-6 py-3 text-base`}>
              I have an account
            </Link>
          </div>
        </section>
        <section aria-label="What Mutual does" className="border-t border-line-subtle bg-canvas">
          <div className="mx-auto grid max-w-5xl gap-6 px-4 py-14 sm:grid-cols-3">
            {points.map((p) => (
              <div key={p.title}>
                <h2 className="font-semibold">{p.title}</h2>
                <p className="mt-2 text-sm leading-relaxed text-ink-muted">{p.body}</p>
              </div>
            ))}
          </div>
        </section>
      </main>
      <footer className="mx-auto max-w-5xl px-4 py-8 text-sm text-ink-subtle">
        Mutual — relationships kept up regularly, where both sides gain.
      </footer>
    </div>
  );
}
