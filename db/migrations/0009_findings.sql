CREATE TYPE "public"."finding_kind" AS ENUM('peer_left_ix', 'peer_ip_changed', 'max_prefix_drift', 'max_prefix_near', 'on_router_only', 'missing_on_router', 'config_drift', 'session_down');--> statement-breakpoint
CREATE TYPE "public"."finding_severity" AS ENUM('critical', 'warning', 'info');--> statement-breakpoint
CREATE TABLE "findings" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "finding_kind" NOT NULL,
	"key" text NOT NULL,
	"severity" "finding_severity" NOT NULL,
	"session_id" integer,
	"router_id" integer,
	"peer_asn" bigint,
	"ix_id" integer,
	"details" jsonb NOT NULL,
	"remedy" text,
	"since" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "router_neighbors" (
	"router_id" integer NOT NULL,
	"peer_ip" "inet" NOT NULL,
	"peer_asn" bigint,
	"state" text,
	"source" text NOT NULL,
	"seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "router_neighbors_router_id_peer_ip_pk" PRIMARY KEY("router_id","peer_ip")
);
--> statement-breakpoint
CREATE TABLE "session_prefix_points" (
	"session_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"prefixes" integer NOT NULL,
	CONSTRAINT "session_prefix_points_session_id_at_pk" PRIMARY KEY("session_id","at")
);
--> statement-breakpoint
CREATE TABLE "session_state_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"session_id" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"from_state" text,
	"to_state" text NOT NULL,
	"reason" text
);
--> statement-breakpoint
ALTER TABLE "pdb_net" ADD COLUMN "info_traffic" text;--> statement-breakpoint
ALTER TABLE "pdb_net" ADD COLUMN "info_ratio" text;--> statement-breakpoint
ALTER TABLE "pdb_net" ADD COLUMN "info_never_via_route_servers" boolean;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_session_id_bgp_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."bgp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "findings" ADD CONSTRAINT "findings_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "router_neighbors" ADD CONSTRAINT "router_neighbors_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_prefix_points" ADD CONSTRAINT "session_prefix_points_session_id_bgp_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."bgp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session_state_changes" ADD CONSTRAINT "session_state_changes_session_id_bgp_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."bgp_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "findings_open_key" ON "findings" USING btree ("kind","key") WHERE "findings"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "findings_open_idx" ON "findings" USING btree ("severity","since") WHERE "findings"."resolved_at" is null;--> statement-breakpoint
CREATE INDEX "findings_session_idx" ON "findings" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "session_state_changes_session_idx" ON "session_state_changes" USING btree ("session_id","at");