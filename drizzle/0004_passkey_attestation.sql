ALTER TABLE "passkeys" ADD COLUMN "attestation_format" text;--> statement-breakpoint
ALTER TABLE "passkeys" ADD COLUMN "attestation_trusted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "passkeys" ADD COLUMN "attested_aaguid" text;--> statement-breakpoint
ALTER TABLE "passkeys" ADD COLUMN "attested_model" text;--> statement-breakpoint
ALTER TABLE "passkeys" ADD COLUMN "metadata_device_bound" boolean;