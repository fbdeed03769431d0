-- Row-level security: a backstop under the data layer's own workspace filters.
--
-- Every query on a workspace's data runs inside inTenant() (db/tenant.ts): a transaction that
-- sets app.workspace_id and switches to the role mutual_app, which owns nothing, cannot bypass
-- row-level security and sees only that workspace's rows. A query that forgets its workspace
-- filter there returns nothing of any other workspace; a write of another workspace's id is
-- refused. Roles are per cluster: the first database to migrate creates mutual_app, the others
-- find it. The migrating user needs CREATEROLE once (or create the role beforehand, see README).
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'mutual_app') THEN
    CREATE ROLE mutual_app NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS NOINHERIT;
  END IF;
  -- The app's own login (the tables' owner) must be allowed to switch to it.
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
     AND NOT pg_has_role(current_user, 'mutual_app', 'MEMBER') THEN
    EXECUTE format('GRANT mutual_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO mutual_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO mutual_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO mutual_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO mutual_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO mutual_app;
--> statement-breakpoint
CREATE FUNCTION mutual_current_workspace() RETURNS uuid LANGUAGE sql STABLE PARALLEL SAFE AS
  $$ SELECT nullif(current_setting('app.workspace_id', true), '')::uuid $$;
--> statement-breakpoint
-- The policy reads the setting through a sub-select: evaluated once per statement (an init
-- plan), not once per row.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contacts', 'notes', 'interactions', 'promises', 'relationship_stats',
                          'member_flows', 'invitations', 'activity', 'audit_log', 'digest_deliveries']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format(
      'CREATE POLICY tenant_isolation ON %I TO mutual_app
         USING (workspace_id = (SELECT mutual_current_workspace()))
         WITH CHECK (workspace_id = (SELECT mutual_current_workspace()))', t);
  END LOOP;
END
$$;
