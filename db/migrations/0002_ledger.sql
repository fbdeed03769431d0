CREATE TYPE "public"."interaction_direction" AS ENUM('gave', 'received', 'mutual');--> statement-breakpoint
CREATE TYPE "public"."interaction_kind" AS ENUM('intro', 'referral', 'advice', 'information', 'favor', 'recommendation', 'gift', 'support', 'ask', 'meeting', 'call', 'event', 'message');--> statement-breakpoint
CREATE TYPE "public"."promise_status" AS ENUM('open', 'done', 'cancelled');--> statement-breakpoint
CREATE TABLE "interactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"direction" "interaction_direction" NOT NULL,
	"kind" "interaction_kind" NOT NULL,
	"weight" smallint NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"details" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interactions_weight_range" CHECK ("interactions"."weight" between 1 and 5)
);
--> statement-breakpoint
CREATE TABLE "promises" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"description" text NOT NULL,
	"due_on" date,
	"status" "promise_status" DEFAULT 'open' NOT NULL,
	"interaction_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"closed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "relationship_stats" (
	"workspace_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"give_sum" double precision DEFAULT 0 NOT NULL,
	"take_sum" double precision DEFAULT 0 NOT NULL,
	"mutual_sum" double precision DEFAULT 0 NOT NULL,
	"interaction_count" integer DEFAULT 0 NOT NULL,
	"last_at" timestamp with time zone,
	"last_gave_at" timestamp with time zone,
	"ask_streak" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "relationship_stats_workspace_id_user_id_contact_id_pk" PRIMARY KEY("workspace_id","user_id","contact_id")
);
--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interactions" ADD CONSTRAINT "interactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "promises" ADD CONSTRAINT "promises_interaction_id_interactions_id_fk" FOREIGN KEY ("interaction_id") REFERENCES "public"."interactions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_stats" ADD CONSTRAINT "relationship_stats_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_stats" ADD CONSTRAINT "relationship_stats_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relationship_stats" ADD CONSTRAINT "relationship_stats_contact_id_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "interactions_relationship_idx" ON "interactions" USING btree ("workspace_id","user_id","contact_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_contact_idx" ON "interactions" USING btree ("workspace_id","contact_id","occurred_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "interactions_member_time_idx" ON "interactions" USING btree ("workspace_id","user_id","occurred_at");--> statement-breakpoint
CREATE INDEX "promises_contact_idx" ON "promises" USING btree ("workspace_id","contact_id","status");--> statement-breakpoint
CREATE INDEX "promises_member_due_idx" ON "promises" USING btree ("workspace_id","user_id","status","due_on");--> statement-breakpoint
CREATE INDEX "relationship_stats_contact_idx" ON "relationship_stats" USING btree ("workspace_id","contact_id");