CREATE TABLE `complaint_complainants` (
	`complaint_id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`phone` text NOT NULL,
	`email` text,
	`contact_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_complainants_contact_idx` ON `complaint_complainants` (`contact_hash`);--> statement-breakpoint
CREATE TABLE `complaint_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`complaint_id` integer NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`actor` text,
	FOREIGN KEY (`complaint_id`) REFERENCES `complaints`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `complaint_events_complaint_idx` ON `complaint_events` (`complaint_id`,`at`);--> statement-breakpoint
CREATE TABLE `complaints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`kind` text NOT NULL,
	`category` text NOT NULL,
	`employer_uscc` text,
	`employer_name` text NOT NULL,
	`employer_address` text,
	`district_code` text,
	`employer_key` text NOT NULL,
	`violation_from` text NOT NULL,
	`violation_to` text,
	`facts` text NOT NULL,
	`request` text,
	`status` text DEFAULT 'received' NOT NULL,
	`received_on` text NOT NULL,
	`accept_by` text NOT NULL,
	`accept_by_provisional` integer DEFAULT false NOT NULL,
	`filed_on` text,
	`investigate_by` text,
	`investigate_by_provisional` integer DEFAULT false NOT NULL,
	`extension_reason` text,
	`transferred_to` text,
	`outcome` text,
	`closed_on` text,
	`penalty_record_id` integer,
	`handler` text,
	`joined_to_id` integer,
	`idempotency_key` text,
	`idempotency_body_hash` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`penalty_record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_reference_unique` ON `complaints` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `complaints_idempotency_key_unique` ON `complaints` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `complaints_status_received_idx` ON `complaints` (`status`,`received_on`);--> statement-breakpoint
CREATE INDEX `complaints_received_idx` ON `complaints` (`received_on`,`district_code`,`category`);--> statement-breakpoint
CREATE INDEX `complaints_employer_idx` ON `complaints` (`employer_key`,`category`,`received_on`);