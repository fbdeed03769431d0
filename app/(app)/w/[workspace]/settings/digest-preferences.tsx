import { getDb } from "@/db/client";
import { getDigestPreferences } from "@/db/queries/digest";
import { DigestPreferencesForm } from "./digest-preferences-form";

/** The settings card's content: the user's digest preferences, loaded here so the page stays lean. */
export async function DigestPreferences({ slug, userId }: { slug: string; userId: string }) {
  const prefs = await getDigestPreferences(await getDb(), userId);
  if (!prefs) return null;
  return (
    <div id="digest" className="scroll-mt-24">
      <h2 className="text-heading">Weekly digest</h2>
      <p className="mt-1 text-sm text-ink-muted">
        Once a week, by e-mail: whom to give back to, who is going cold, promises due and what your team shared. It
        covers Monday to Sunday and arrives after the week ends. You can always read it under Digest.
      </p>
      <DigestPreferencesForm
        slug={slug}
        enabled={prefs.enabled}
        weekday={prefs.weekday}
        hour={prefs.hour}
        timeZone={prefs.timeZone}
        verified={prefs.verified}
      />
    </div>
  );
}
