ALTER TYPE "public"."transport" ADD VALUE 'none';--> statement-breakpoint
ALTER TYPE "public"."push_status" ADD VALUE 'rendered';--> statement-breakpoint
CREATE TABLE "peer_contacts" (
	"peer_asn" bigint PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" integer
);
--> statement-breakpoint
ALTER TABLE "bgp_sessions" ADD COLUMN "bgp_last_error" text;--> statement-breakpoint
ALTER TABLE "emails" ADD COLUMN "size" integer;--> statement-breakpoint
ALTER TABLE "peer_contacts" ADD CONSTRAINT "peer_contacts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;