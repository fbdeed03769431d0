import { signIn } from "@/lib/auth";
import { buttonClass } from "@/components/ui/button-class";
import { configuredOAuthProviders } from "@/lib/auth.config";

/** "Continue with …" for each OAuth provider whose credentials are set; nothing otherwise. */
export function OAuthButtons({ callbackUrl }: { callbackUrl: string }) {
  const providers = configuredOAuthProviders();
  if (providers.length === 0) return null;
  return (
    <div className="mt-6 flex flex-col gap-2 border-t border-line-subtle pt-6">
      {providers.map((p) => (
        <form
          key={p.id}
          action={async () => {
            "use server";
            await signIn(p.id, { redirectTo: callbackUrl });
          }}
        >
          <button type="submit" className={`${buttonClass("secondary")} w-full`}>
            Continue with {p.name}
          </button>
        </form>
      ))}
    </div>
  );
}
