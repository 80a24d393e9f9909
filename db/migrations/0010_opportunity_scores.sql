CREATE TABLE "opportunity_basis" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"basis" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opportunity_scores" (
	"asn" bigint PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"ix_ids" integer[] NOT NULL,
	"policy" text,
	"rs_peer" boolean NOT NULL,
	"info_type" text,
	"score" integer NOT NULL,
	"reasons" text[] NOT NULL
);
--> statement-breakpoint
CREATE INDEX "opportunity_scores_rank_idx" ON "opportunity_scores" USING btree ("score" DESC NULLS LAST,"asn");