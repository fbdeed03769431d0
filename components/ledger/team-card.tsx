import { formatDistanceToNowStrict } from "date-fns";
import { Card } from "@/components/ui/card";
import type { MemberRelationship } from "@/db/queries/team-scores";
import type { RelationshipScore } from "@/lib/scoring";
import { STATE_LABEL } from "./balance-badge";

type Props = {
  meId: string;
  members: MemberRelationship[];
  team: RelationshipScore;
  collision: { askers: string[]; asks: number } | undefined;
};

/** Who on the team knows this person best, and the team's give-and-take as a whole. */
export function TeamCard({ meId, members, team, collision }: Props) {
  if (!members.some((m) => m.userId !== meId) && !collision) return null;
  return (
    <Card>
      <h2 className="font-semibold">Your team and them</h2>
      {collision && (
        <p role="status" className="mt-2 rounded-lg bg-warn-soft p-2 text-sm text-warn-fg">
          {collision.askers.join(" and ")} asked them for something in the last 30 days ({collision.asks} asks). Agree who
          asks next — and what the team can give.
        </p>
      )}
      <p className="mt-2 text-sm text-ink-muted">
        Together: {STATE_LABEL[team.state]} · balance {team.balanceScore} · strength {team.strength}
      </p>
      <ol className="mt-3 flex flex-col gap-2 text-sm" aria-label="Who knows them best">
        {members.map((m) => (
          <li key={m.userId} className="flex justify-between gap-2">
            <span>{m.userId === meId ? "You" : m.name}</span>
            <span className="text-right text-ink-subtle">
              {STATE_LABEL[m.state]} · balance {m.balanceScore} · strength {m.strength} ·{" "}
              {m.lastAt ? (
                <>
                  last <time dateTime={m.lastAt}>{formatDistanceToNowStrict(new Date(m.lastAt), { addSuffix: true })}</time>
                </>
              ) : (
                "no contact yet"
              )}
            </span>
          </li>
        ))}
      </ol>
    </Card>
  );
}
