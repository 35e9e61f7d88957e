DROP INDEX `credit_records_publication_idx`;--> statement-breakpoint
CREATE INDEX `credit_records_publication_idx` ON `credit_records` (`publication_id`,`kind`,`status`,`publish_until`);