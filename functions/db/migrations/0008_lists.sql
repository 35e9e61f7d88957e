CREATE TABLE `draw_inspectors` (
	`certificate_no` text NOT NULL,
	`task_id` text NOT NULL,
	`assignments` integer NOT NULL,
	PRIMARY KEY(`certificate_no`, `task_id`),
	FOREIGN KEY (`certificate_no`) REFERENCES `inspectors`(`certificate_no`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`task_id`) REFERENCES `sampling_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `violation_publications` (
	`id` text PRIMARY KEY NOT NULL,
	`bureau_code` text NOT NULL,
	`authority` text NOT NULL,
	`year` integer NOT NULL,
	`quarter` integer NOT NULL,
	`published_on` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `violation_publications_bureau_quarter_unique` ON `violation_publications` (`bureau_code`,`year`,`quarter`);--> statement-breakpoint
CREATE INDEX `violation_publications_quarter_idx` ON `violation_publications` (`year`,`quarter`);--> statement-breakpoint
ALTER TABLE `credit_records` ADD `handling` text;--> statement-breakpoint
ALTER TABLE `credit_records` ADD `publication_id` text REFERENCES violation_publications(id);--> statement-breakpoint
CREATE INDEX `credit_records_publication_idx` ON `credit_records` (`publication_id`,`kind`,`status`,`publish_until`);--> statement-breakpoint
ALTER TABLE `inspectors` ADD `field` text DEFAULT '劳动保障监察' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `status` text DEFAULT 'valid' NOT NULL;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `valid_from` text;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `valid_until` text;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `status_since` text;--> statement-breakpoint
ALTER TABLE `inspectors` ADD `updated_at` text;--> statement-breakpoint
CREATE INDEX `inspectors_unit_idx` ON `inspectors` (`unit`,`certificate_no`);--> statement-breakpoint
-- Not generated: an officer the old flag marked unqualified keeps no valid certificate.
UPDATE `inspectors` SET `status` = 'expired', `status_since` = date('now') WHERE `qualified` = 0;--> statement-breakpoint
ALTER TABLE `inspectors` DROP COLUMN `qualified`;