DROP INDEX `credit_records_kind_decided_idx`;--> statement-breakpoint
CREATE INDEX `credit_records_kind_date_idx` ON `credit_records` (`kind`,`decided_on`,`id`);--> statement-breakpoint
CREATE INDEX `credit_records_kind_status_until_idx` ON `credit_records` (`kind`,`status`,`publish_until`);--> statement-breakpoint
CREATE INDEX `objections_uscc_status_idx` ON `objections` (`uscc`,`status`);--> statement-breakpoint
CREATE INDEX `repairs_uscc_status_idx` ON `repairs` (`uscc`,`status`);