DROP INDEX `credit_records_kind_decided_idx`;--> statement-breakpoint
CREATE INDEX `credit_records_kind_date_idx` ON `credit_records` (`kind`,`decided_on`,`id`);--> statement-breakpoint
CREATE INDEX `credit_records_kind_status_until_idx` ON `credit_records` (`kind`,`status`,`publish_until`);