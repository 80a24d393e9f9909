CREATE TYPE "public"."policy_direction" AS ENUM('import', 'export');--> statement-breakpoint
CREATE TYPE "public"."policy_source" AS ENUM('router', 'rendered');--> statement-breakpoint
CREATE TYPE "public"."prefix_list_status" AS ENUM('good', 'rejected');--> statement-breakpoint
CREATE TABLE "peer_filters" (
	"peer_asn" bigint PRIMARY KEY NOT NULL,
	"import_policy_id" integer,
	"export_policy_id" integer,
	"as_set_override" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "prefix_lists" (
	"id" serial PRIMARY KEY NOT NULL,
	"peer_asn" bigint NOT NULL,
	"family" smallint NOT NULL,
	"as_set" text NOT NULL,
	"status" "prefix_list_status" NOT NULL,
	"warning" text,
	"prefixes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"count" integer DEFAULT 0 NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"generated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routing_policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"direction" "policy_direction" NOT NULL,
	"source" "policy_source" DEFAULT 'rendered' NOT NULL,
	"description" text,
	"communities" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"irr_filter" boolean DEFAULT true NOT NULL,
	"drop_invalid" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "session_routes" (
	"session_id" integer PRIMARY KEY NOT NULL,
	"routes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"received" integer DEFAULT 0 NOT NULL,
	"accepted" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"unlisted" integer DEFAULT 0 NOT NULL,
	"read_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "import_policy_id" integer;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD COLUMN "export_policy_id" integer;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD COLUMN "import_policy_id" integer;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD COLUMN "export_policy_id" integer;--> statement-breakpoint
ALTER TABLE "peer_filters" ADD CONSTRAINT "peer_filters_import_policy_id_routing_policies_id_fk" FOREIGN KEY ("import_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_filters" ADD CONSTRAINT "peer_filters_export_policy_id_routing_policies_id_fk" FOREIGN KEY ("export_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_filters" ADD CONSTRAINT "peer_filters_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_routes" ADD CONSTRAINT "session_routes_session_id_bgp_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."bgp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prefix_lists_peer_idx" ON "prefix_lists" USING btree ("peer_asn","family","generated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "routing_policies_name_key" ON "routing_policies" USING btree ("name");--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_import_policy_id_routing_policies_id_fk" FOREIGN KEY ("import_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_export_policy_id_routing_policies_id_fk" FOREIGN KEY ("export_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD CONSTRAINT "bgp_sessions_import_policy_id_routing_policies_id_fk" FOREIGN KEY ("import_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD CONSTRAINT "bgp_sessions_export_policy_id_routing_policies_id_fk" FOREIGN KEY ("export_policy_id") REFERENCES "public"."routing_policies"("id") ON DELETE set null ON UPDATE no action;