CREATE TYPE "public"."approval_decision" AS ENUM('approved', 'rejected', 'returned');--> statement-breakpoint
CREATE TYPE "public"."change_status" AS ENUM('pending_approval', 'approved', 'rejected', 'scheduled', 'running', 'succeeded', 'failed', 'rolled_back', 'cancelled');--> statement-breakpoint
CREATE TABLE "change_approvals" (
	"id" serial PRIMARY KEY NOT NULL,
	"change_id" integer NOT NULL,
	"actor_id" integer,
	"decision" "approval_decision" NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "changes" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"router_id" integer NOT NULL,
	"session_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" "change_status" NOT NULL,
	"author_id" integer,
	"approver_id" integer,
	"edited_config" text,
	"candidate" text,
	"running" text,
	"diff" text,
	"diff_note" text,
	"diff_at" timestamp with time zone,
	"requested_at" timestamp with time zone,
	"previous" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"emergency_reason" text,
	"job_id" integer,
	"output" text,
	"error" text,
	"verification" jsonb,
	"rollback" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "router_locks" (
	"router_id" integer PRIMARY KEY NOT NULL,
	"change_id" integer NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "routers" ADD COLUMN "production" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "routers" ADD COLUMN "maintenance_windows" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "config_pushes" ADD COLUMN "change_id" integer;--> statement-breakpoint
ALTER TABLE "change_approvals" ADD CONSTRAINT "change_approvals_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "change_approvals" ADD CONSTRAINT "change_approvals_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_approver_id_users_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "changes" ADD CONSTRAINT "changes_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "router_locks" ADD CONSTRAINT "router_locks_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "change_approvals_change_idx" ON "change_approvals" USING btree ("change_id");--> statement-breakpoint
CREATE INDEX "changes_router_idx" ON "changes" USING btree ("router_id");--> statement-breakpoint
CREATE INDEX "changes_status_idx" ON "changes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "changes_job_idx" ON "changes" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "router_locks_change_key" ON "router_locks" USING btree ("change_id");--> statement-breakpoint
ALTER TABLE "config_pushes" ADD CONSTRAINT "config_pushes_change_id_changes_id_fk" FOREIGN KEY ("change_id") REFERENCES "public"."changes"("id") ON DELETE set null ON UPDATE no action;