CREATE TYPE "public"."role" AS ENUM('global_admin', 'admin', 'operator', 'viewer');--> statement-breakpoint
CREATE TYPE "public"."platform" AS ENUM('iosxr', 'junos', 'eos', 'sros', 'ios', 'frr', 'bird');--> statement-breakpoint
CREATE TYPE "public"."transport" AS ENUM('ssh', 'local');--> statement-breakpoint
CREATE TYPE "public"."config_status" AS ENUM('not_configured', 'scheduled', 'configuring', 'configured', 'error', 'removed');--> statement-breakpoint
CREATE TYPE "public"."session_type" AS ENUM('peer', 'route_server', 'transit', 'customer', 'private');--> statement-breakpoint
CREATE TYPE "public"."peer_status" AS ENUM('new', 'existing', 'not_qualified', 'request_sent', 'request_received', 'approved', 'rejected');--> statement-breakpoint
CREATE TYPE "public"."email_association" AS ENUM('thread', 'address', 'subject', 'manual');--> statement-breakpoint
CREATE TYPE "public"."mailbox" AS ENUM('inbox', 'sent');--> statement-breakpoint
CREATE TYPE "public"."template_kind" AS ENUM('config', 'email');--> statement-breakpoint
CREATE TYPE "public"."job_status" AS ENUM('scheduled', 'running', 'succeeded', 'failed', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."push_status" AS ENUM('pending', 'pushing', 'succeeded', 'failed');--> statement-breakpoint
CREATE TABLE "api_tokens" (
	"id" serial PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"prefix" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"actor_label" text NOT NULL,
	"via" text NOT NULL,
	"action" text NOT NULL,
	"target" text,
	"details" jsonb,
	"succeeded" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text DEFAULT '' NOT NULL,
	"role" "role" DEFAULT 'viewer' NOT NULL,
	"password_hash" text NOT NULL,
	"disabled_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "local_asns" (
	"asn" bigint PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
CREATE TABLE "pdb_poc" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"net_id" integer NOT NULL,
	"role" text,
	"visible" text,
	"name" text,
	"phone" text,
	"email" text,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "pdb_ix" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"org_id" integer,
	"name" text NOT NULL,
	"name_long" text,
	"city" text,
	"country" text,
	"region_continent" text,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "pdb_fac" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"org_id" integer,
	"name" text NOT NULL,
	"city" text,
	"country" text
);
--> statement-breakpoint
CREATE TABLE "pdb_ixpfx" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"ixlan_id" integer NOT NULL,
	"protocol" text NOT NULL,
	"prefix" "inet" NOT NULL,
	"in_dfz" boolean
);
--> statement-breakpoint
CREATE TABLE "pdb_ixlan" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"ix_id" integer NOT NULL,
	"name" text,
	"mtu" integer
);
--> statement-breakpoint
CREATE TABLE "pdb_netfac" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"net_id" integer NOT NULL,
	"fac_id" integer NOT NULL,
	"local_asn" bigint
);
--> statement-breakpoint
CREATE TABLE "pdb_netixlan" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"net_id" integer NOT NULL,
	"ix_id" integer NOT NULL,
	"ixlan_id" integer NOT NULL,
	"asn" bigint NOT NULL,
	"ipaddr4" "inet",
	"ipaddr6" "inet",
	"speed" integer,
	"is_rs_peer" boolean,
	"bfd_support" boolean,
	"operational" boolean
);
--> statement-breakpoint
CREATE TABLE "pdb_net" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"org_id" integer,
	"asn" bigint NOT NULL,
	"name" text NOT NULL,
	"aka" text,
	"website" text,
	"irr_as_set" text,
	"info_type" text,
	"info_types" jsonb,
	"info_prefixes4" integer,
	"info_prefixes6" integer,
	"policy_general" text,
	"policy_url" text
);
--> statement-breakpoint
CREATE TABLE "pdb_org" (
	"id" integer PRIMARY KEY NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"created" timestamp with time zone,
	"updated" timestamp with time zone,
	"name" text NOT NULL,
	"city" text,
	"country" text,
	"website" text
);
--> statement-breakpoint
CREATE TABLE "pdb_sync_state" (
	"tag" text PRIMARY KEY NOT NULL,
	"watermark" timestamp with time zone,
	"last_run_at" timestamp with time zone,
	"last_status" text,
	"last_error" text,
	"rows_upserted" integer DEFAULT 0 NOT NULL,
	"rows_deleted" integer DEFAULT 0 NOT NULL,
	"dangling_refs" integer DEFAULT 0 NOT NULL,
	"duration_ms" integer
);
--> statement-breakpoint
CREATE TABLE "peer_groups" (
	"id" serial PRIMARY KEY NOT NULL,
	"router_id" integer NOT NULL,
	"ix_id" integer,
	"name" text NOT NULL,
	"family" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "routers" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"hostname" text NOT NULL,
	"management_address" text,
	"ssh_port" integer DEFAULT 22 NOT NULL,
	"platform" "platform" NOT NULL,
	"transport" "transport" DEFAULT 'ssh' NOT NULL,
	"username" text,
	"password_enc" text,
	"private_key_enc" text,
	"host_key" text,
	"pending_host_key" text,
	"local_asn" bigint NOT NULL,
	"vrf" text,
	"control_command" text,
	"peers_dir" text,
	"last_contact_at" timestamp with time zone,
	"last_contact_result" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bgp_sessions" (
	"id" serial PRIMARY KEY NOT NULL,
	"router_id" integer NOT NULL,
	"ix_id" integer,
	"peer_group_id" integer,
	"local_asn" bigint NOT NULL,
	"peer_asn" bigint NOT NULL,
	"peer_name" text,
	"peer_ip" "inet" NOT NULL,
	"local_ip" "inet",
	"type" "session_type" DEFAULT 'peer' NOT NULL,
	"md5_enc" text,
	"max_prefixes" integer,
	"description" text,
	"notes" text,
	"config_status" "config_status" DEFAULT 'not_configured' NOT NULL,
	"config_error" text,
	"admin_down" boolean DEFAULT false NOT NULL,
	"bgp_state" text,
	"bgp_state_changed_at" timestamp with time zone,
	"uptime_seconds" integer,
	"prefixes_received" integer,
	"last_polled_at" timestamp with time zone,
	"removed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "peer_notes" (
	"id" serial PRIMARY KEY NOT NULL,
	"peer_asn" bigint NOT NULL,
	"local_asn" bigint,
	"ix_id" integer,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" integer,
	"kind" text NOT NULL,
	"from_status" "peer_status",
	"to_status" "peer_status",
	"comment" text,
	"email_id" integer
);
--> statement-breakpoint
CREATE TABLE "peer_statuses" (
	"id" serial PRIMARY KEY NOT NULL,
	"local_asn" bigint NOT NULL,
	"ix_id" integer NOT NULL,
	"peer_asn" bigint NOT NULL,
	"status" "peer_status" DEFAULT 'new' NOT NULL,
	"last_request_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "emails" (
	"id" serial PRIMARY KEY NOT NULL,
	"mailbox" "mailbox" NOT NULL,
	"uid_validity" bigint,
	"uid" bigint,
	"message_id" text,
	"in_reply_to" text,
	"references" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"from_address" text,
	"from_name" text,
	"to_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"cc_addresses" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"subject" text,
	"date" timestamp with time zone,
	"text_body" text,
	"html_sanitized" text,
	"has_remote_images" boolean DEFAULT false NOT NULL,
	"attachments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"seen" boolean DEFAULT false NOT NULL,
	"thread_id" text,
	"peer_asn" bigint,
	"association" "email_association",
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail_sync_state" (
	"mailbox" "mailbox" PRIMARY KEY NOT NULL,
	"uid_validity" bigint,
	"last_uid" bigint DEFAULT 0 NOT NULL,
	"last_run_at" timestamp with time zone,
	"last_error" text,
	"messages" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "template_revisions" (
	"id" serial PRIMARY KEY NOT NULL,
	"template_id" integer NOT NULL,
	"revision" integer NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"author_id" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" "template_kind" NOT NULL,
	"platform" "platform",
	"name" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"is_default" boolean DEFAULT false NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_runs" (
	"id" serial PRIMARY KEY NOT NULL,
	"job_id" integer NOT NULL,
	"attempt" integer NOT NULL,
	"runner" text NOT NULL,
	"status" "job_status" NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"output" text,
	"error" text
);
--> statement-breakpoint
CREATE TABLE "jobs" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"summary" text,
	"dedupe_key" text,
	"run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "job_status" DEFAULT 'scheduled' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer DEFAULT 2 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp with time zone,
	"progress" jsonb,
	"result" jsonb,
	"error" text,
	"created_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "config_pushes" (
	"id" serial PRIMARY KEY NOT NULL,
	"router_id" integer NOT NULL,
	"session_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"operation" text DEFAULT 'configure' NOT NULL,
	"job_id" integer,
	"actor_id" integer,
	"rendered_config" text,
	"edited_config" text,
	"diff" text,
	"output" text,
	"status" "push_status" DEFAULT 'pending' NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_groups" ADD CONSTRAINT "peer_groups_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD CONSTRAINT "bgp_sessions_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD CONSTRAINT "bgp_sessions_peer_group_id_peer_groups_id_fk" FOREIGN KEY ("peer_group_id") REFERENCES "public"."peer_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "peer_notes" ADD CONSTRAINT "peer_notes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_revisions" ADD CONSTRAINT "template_revisions_template_id_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."templates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "template_revisions" ADD CONSTRAINT "template_revisions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "jobs" ADD CONSTRAINT "jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_pushes" ADD CONSTRAINT "config_pushes_router_id_routers_id_fk" FOREIGN KEY ("router_id") REFERENCES "public"."routers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_pushes" ADD CONSTRAINT "config_pushes_job_id_jobs_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."jobs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "config_pushes" ADD CONSTRAINT "config_pushes_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "api_tokens_hash_key" ON "api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "api_tokens_user_idx" ON "api_tokens" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_key" ON "users" USING btree ("email");--> statement-breakpoint
CREATE INDEX "pdb_poc_net_idx" ON "pdb_poc" USING btree ("net_id");--> statement-breakpoint
CREATE INDEX "pdb_poc_email_idx" ON "pdb_poc" USING btree ("email");--> statement-breakpoint
CREATE INDEX "pdb_ixpfx_ixlan_idx" ON "pdb_ixpfx" USING btree ("ixlan_id");--> statement-breakpoint
CREATE INDEX "pdb_ixlan_ix_idx" ON "pdb_ixlan" USING btree ("ix_id");--> statement-breakpoint
CREATE INDEX "pdb_netfac_net_idx" ON "pdb_netfac" USING btree ("net_id");--> statement-breakpoint
CREATE INDEX "pdb_netixlan_ix_idx" ON "pdb_netixlan" USING btree ("ix_id","asn");--> statement-breakpoint
CREATE INDEX "pdb_netixlan_asn_idx" ON "pdb_netixlan" USING btree ("asn");--> statement-breakpoint
CREATE INDEX "pdb_netixlan_net_idx" ON "pdb_netixlan" USING btree ("net_id");--> statement-breakpoint
CREATE INDEX "pdb_net_asn_idx" ON "pdb_net" USING btree ("asn");--> statement-breakpoint
CREATE INDEX "pdb_net_name_idx" ON "pdb_net" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_groups_router_name_family_key" ON "peer_groups" USING btree ("router_id","name","family");--> statement-breakpoint
CREATE INDEX "peer_groups_ix_idx" ON "peer_groups" USING btree ("ix_id");--> statement-breakpoint
CREATE UNIQUE INDEX "routers_name_key" ON "routers" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "bgp_sessions_router_peer_ip_key" ON "bgp_sessions" USING btree ("router_id","peer_ip") WHERE "bgp_sessions"."removed_at" is null;--> statement-breakpoint
CREATE INDEX "bgp_sessions_ix_peer_idx" ON "bgp_sessions" USING btree ("ix_id","peer_asn");--> statement-breakpoint
CREATE INDEX "bgp_sessions_peer_asn_idx" ON "bgp_sessions" USING btree ("peer_asn");--> statement-breakpoint
CREATE INDEX "peer_notes_peer_idx" ON "peer_notes" USING btree ("peer_asn","at");--> statement-breakpoint
CREATE UNIQUE INDEX "peer_statuses_key" ON "peer_statuses" USING btree ("local_asn","ix_id","peer_asn");--> statement-breakpoint
CREATE INDEX "peer_statuses_peer_idx" ON "peer_statuses" USING btree ("peer_asn");--> statement-breakpoint
CREATE INDEX "peer_statuses_ix_peer_idx" ON "peer_statuses" USING btree ("ix_id","peer_asn");--> statement-breakpoint
CREATE UNIQUE INDEX "emails_mailbox_uid_key" ON "emails" USING btree ("mailbox","uid_validity","uid");--> statement-breakpoint
CREATE INDEX "emails_message_id_idx" ON "emails" USING btree ("message_id");--> statement-breakpoint
CREATE INDEX "emails_peer_idx" ON "emails" USING btree ("peer_asn");--> statement-breakpoint
CREATE INDEX "emails_date_idx" ON "emails" USING btree ("date");--> statement-breakpoint
CREATE UNIQUE INDEX "template_revisions_key" ON "template_revisions" USING btree ("template_id","revision");--> statement-breakpoint
CREATE UNIQUE INDEX "templates_kind_name_key" ON "templates" USING btree ("kind","name");--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job_id");--> statement-breakpoint
CREATE INDEX "jobs_due_idx" ON "jobs" USING btree ("status","run_at");--> statement-breakpoint
CREATE INDEX "jobs_kind_idx" ON "jobs" USING btree ("kind");--> statement-breakpoint
CREATE UNIQUE INDEX "jobs_dedupe_key" ON "jobs" USING btree ("dedupe_key") WHERE "jobs"."status" in ('scheduled', 'running');--> statement-breakpoint
CREATE INDEX "config_pushes_router_idx" ON "config_pushes" USING btree ("router_id");