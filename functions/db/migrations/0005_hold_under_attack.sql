CREATE TABLE `audit_checkpoints` (
	`seq` integer PRIMARY KEY NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	`jws` text NOT NULL,
	`kid` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tracking_attempts` (
	`key` text NOT NULL,
	`window` text NOT NULL,
	`count` integer NOT NULL,
	PRIMARY KEY(`key`, `window`)
);
--> statement-breakpoint
ALTER TABLE `objections` ADD `idempotency_body_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `objections_one_open_per_record` ON `objections` (`record_id`) WHERE "objections"."status" IN ('received', 'accepted', 'in_progress');--> statement-breakpoint
ALTER TABLE `repairs` ADD `idempotency_body_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `repairs_one_open_per_record` ON `repairs` (`record_id`) WHERE "repairs"."status" IN ('received', 'accepted', 'in_progress');