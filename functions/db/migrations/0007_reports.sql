CREATE TABLE `credit_reports` (
	`report_no` text PRIMARY KEY NOT NULL,
	`uscc` text NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`issued_at` text NOT NULL,
	`kid` text NOT NULL,
	`storage_key` text NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`uscc`) REFERENCES `enterprises`(`uscc`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credit_reports_storage_key_unique` ON `credit_reports` (`storage_key`);