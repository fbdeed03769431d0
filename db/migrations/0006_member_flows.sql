CREATE TABLE "member_flows" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"gave_count" integer DEFAULT 0 NOT NULL,
	"gave_weight" integer DEFAULT 0 NOT NULL,
	"received_count" integer DEFAULT 0 NOT NULL,
	"received_weight" integer DEFAULT 0 NOT NULL,
	"mutual_count" integer DEFAULT 0 NOT NULL,
	"mutual_weight" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "member_flows_workspace_id_user_id_occurred_at_pk" PRIMARY KEY("workspace_id","user_id","occurred_at")
);
--> statement-breakpoint
ALTER TABLE "member_flows" ADD CONSTRAINT "member_flows_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_flows" ADD CONSTRAINT "member_flows_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Kept in the writing transaction by statement-level triggers with transition tables: one
-- set-based upsert per statement, whatever wrote the interactions (the app, a bulk load, or
-- the cascade of a deleted contact or workspace). Only deltas are applied, so concurrent
-- writers to the same row queue on its lock and never lose an update.
CREATE FUNCTION "member_flows_apply"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO member_flows AS f (workspace_id, user_id, occurred_at, gave_count, gave_weight, received_count, received_weight, mutual_count, mutual_weight)
    SELECT workspace_id, user_id, occurred_at,
      count(*) FILTER (WHERE direction = 'gave'), coalesce(sum(weight) FILTER (WHERE direction = 'gave'), 0),
      count(*) FILTER (WHERE direction = 'received'), coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0),
      count(*) FILTER (WHERE direction = 'mutual'), coalesce(sum(weight) FILTER (WHERE direction = 'mutual'), 0)
    FROM member_flows_new GROUP BY workspace_id, user_id, occurred_at ORDER BY workspace_id, user_id, occurred_at
    ON CONFLICT (workspace_id, user_id, occurred_at) DO UPDATE SET
      gave_count = f.gave_count + excluded.gave_count, gave_weight = f.gave_weight + excluded.gave_weight,
      received_count = f.received_count + excluded.received_count, received_weight = f.received_weight + excluded.received_weight,
      mutual_count = f.mutual_count + excluded.mutual_count, mutual_weight = f.mutual_weight + excluded.mutual_weight;
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' THEN
    -- The new rows count in, the old rows out; an edit of the summary alone changes nothing.
    INSERT INTO member_flows AS f (workspace_id, user_id, occurred_at, gave_count, gave_weight, received_count, received_weight, mutual_count, mutual_weight)
    SELECT * FROM (
      SELECT workspace_id, user_id, occurred_at,
        coalesce(sum(s) FILTER (WHERE direction = 'gave'), 0) AS gc, coalesce(sum(s * weight) FILTER (WHERE direction = 'gave'), 0) AS gw,
        coalesce(sum(s) FILTER (WHERE direction = 'received'), 0) AS rc, coalesce(sum(s * weight) FILTER (WHERE direction = 'received'), 0) AS rw,
        coalesce(sum(s) FILTER (WHERE direction = 'mutual'), 0) AS mc, coalesce(sum(s * weight) FILTER (WHERE direction = 'mutual'), 0) AS mw
      FROM (
        SELECT workspace_id, user_id, occurred_at, direction, weight, 1 AS s FROM member_flows_new
        UNION ALL
        SELECT workspace_id, user_id, occurred_at, direction, weight, -1 AS s FROM member_flows_old
      ) d
      GROUP BY workspace_id, user_id, occurred_at
    ) g
    WHERE (gc, gw, rc, rw, mc, mw) <> (0, 0, 0, 0, 0, 0)
    ORDER BY workspace_id, user_id, occurred_at
    ON CONFLICT (workspace_id, user_id, occurred_at) DO UPDATE SET
      gave_count = f.gave_count + excluded.gave_count, gave_weight = f.gave_weight + excluded.gave_weight,
      received_count = f.received_count + excluded.received_count, received_weight = f.received_weight + excluded.received_weight,
      mutual_count = f.mutual_count + excluded.mutual_count, mutual_weight = f.mutual_weight + excluded.mutual_weight;
  ELSE
    UPDATE member_flows f SET
      gave_count = f.gave_count - d.gave_count, gave_weight = f.gave_weight - d.gave_weight,
      received_count = f.received_count - d.received_count, received_weight = f.received_weight - d.received_weight,
      mutual_count = f.mutual_count - d.mutual_count, mutual_weight = f.mutual_weight - d.mutual_weight
    FROM (
      SELECT workspace_id, user_id, occurred_at,
        count(*) FILTER (WHERE direction = 'gave') AS gave_count, coalesce(sum(weight) FILTER (WHERE direction = 'gave'), 0) AS gave_weight,
        count(*) FILTER (WHERE direction = 'received') AS received_count, coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0) AS received_weight,
        count(*) FILTER (WHERE direction = 'mutual') AS mutual_count, coalesce(sum(weight) FILTER (WHERE direction = 'mutual'), 0) AS mutual_weight
      FROM member_flows_old GROUP BY workspace_id, user_id, occurred_at
    ) d
    WHERE f.workspace_id = d.workspace_id AND f.user_id = d.user_id AND f.occurred_at = d.occurred_at;
  END IF;
  -- A row whose entries are all gone goes too (no insert can make one below zero).
  DELETE FROM member_flows f USING (SELECT DISTINCT workspace_id, user_id, occurred_at FROM member_flows_old) d
  WHERE f.workspace_id = d.workspace_id AND f.user_id = d.user_id AND f.occurred_at = d.occurred_at
    AND f.gave_count = 0 AND f.received_count = 0 AND f.mutual_count = 0;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "member_flows_on_insert" AFTER INSERT ON "interactions" REFERENCING NEW TABLE AS member_flows_new FOR EACH STATEMENT EXECUTE FUNCTION member_flows_apply();
--> statement-breakpoint
CREATE TRIGGER "member_flows_on_update" AFTER UPDATE ON "interactions" REFERENCING OLD TABLE AS member_flows_old NEW TABLE AS member_flows_new FOR EACH STATEMENT EXECUTE FUNCTION member_flows_apply();
--> statement-breakpoint
CREATE TRIGGER "member_flows_on_delete" AFTER DELETE ON "interactions" REFERENCING OLD TABLE AS member_flows_old FOR EACH STATEMENT EXECUTE FUNCTION member_flows_apply();
--> statement-breakpoint
-- The interactions already there.
INSERT INTO "member_flows" (workspace_id, user_id, occurred_at, gave_count, gave_weight, received_count, received_weight, mutual_count, mutual_weight)
SELECT workspace_id, user_id, occurred_at,
  count(*) FILTER (WHERE direction = 'gave'), coalesce(sum(weight) FILTER (WHERE direction = 'gave'), 0),
  count(*) FILTER (WHERE direction = 'received'), coalesce(sum(weight) FILTER (WHERE direction = 'received'), 0),
  count(*) FILTER (WHERE direction = 'mutual'), coalesce(sum(weight) FILTER (WHERE direction = 'mutual'), 0)
FROM "interactions" GROUP BY workspace_id, user_id, occurred_at;
