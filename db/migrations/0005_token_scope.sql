CREATE TYPE "public"."token_scope" AS ENUM('read', 'write');--> statement-breakpoint
ALTER TABLE "api_tokens" ADD COLUMN "scope" "token_scope" DEFAULT 'write' NOT NULL;--> statement-breakpoint
-- Tokens made before expiry was the default never expired: they get the default 90 days from the upgrade.
UPDATE "api_tokens" SET "expires_at" = now() + interval '90 days' WHERE "expires_at" IS NULL AND "revoked_at" IS NULL;
