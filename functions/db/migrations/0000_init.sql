CREATE TABLE `attachments` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`role` text NOT NULL,
	`storage_key` text NOT NULL,
	`file_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `attachments_storage_key_unique` ON `attachments` (`storage_key`);--> statement-breakpoint
CREATE INDEX `attachments_reference_idx` ON `attachments` (`reference`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text NOT NULL,
	`before` text,
	`after` text,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_log_hash_unique` ON `audit_log` (`hash`);--> statement-breakpoint
CREATE INDEX `audit_log_target_idx` ON `audit_log` (`target`,`at`);--> statement-breakpoint
CREATE TABLE `case_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`at` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`actor` text
);
--> statement-breakpoint
CREATE INDEX `case_events_reference_idx` ON `case_events` (`reference`,`at`);--> statement-breakpoint
CREATE TABLE `credit_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uscc` text NOT NULL,
	`kind` text NOT NULL,
	`severity` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`title` text NOT NULL,
	`decision_no` text,
	`authority` text NOT NULL,
	`decided_on` text NOT NULL,
	`published_on` text,
	`publish_until` text,
	`violation_type` text,
	`facts` text,
	`legal_basis` text,
	`penalty_types` text,
	`penalty_content` text,
	`fine_fen` integer,
	`detail` text,
	`sampling_result_id` integer,
	`withdrawn_on` text,
	`withdrawal_reason` text,
	`repaired_on` text,
	`correction_note` text,
	`source_key` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	FOREIGN KEY (`uscc`) REFERENCES `enterprises`(`uscc`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credit_records_uscc_idx` ON `credit_records` (`uscc`,`status`,`publish_until`);--> statement-breakpoint
CREATE INDEX `credit_records_kind_decided_idx` ON `credit_records` (`kind`,`status`,`decided_on`);--> statement-breakpoint
CREATE INDEX `credit_records_status_until_idx` ON `credit_records` (`status`,`publish_until`);--> statement-breakpoint
CREATE UNIQUE INDEX `credit_records_source_key_unique` ON `credit_records` (`source_key`);--> statement-breakpoint
CREATE TABLE `enterprises` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`uscc` text NOT NULL,
	`name` text NOT NULL,
	`district_code` text NOT NULL,
	`industry` text NOT NULL,
	`address` text NOT NULL,
	`legal_representative` text NOT NULL,
	`status` text DEFAULT 'active' NOT NULL,
	`registered_on` text,
	`grade` text,
	`grade_year` integer,
	`grade_reason` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enterprises_uscc_unique` ON `enterprises` (`uscc`);--> statement-breakpoint
CREATE INDEX `enterprises_name_idx` ON `enterprises` (`name`);--> statement-breakpoint
CREATE INDEX `enterprises_district_name_idx` ON `enterprises` (`district_code`,`name`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`file_sha256` text NOT NULL,
	`kind` text NOT NULL,
	`file_name` text NOT NULL,
	`actor` text NOT NULL,
	`row_count` integer NOT NULL,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `imports_file_sha256_unique` ON `imports` (`file_sha256`);--> statement-breakpoint
CREATE TABLE `inspector_conflicts` (
	`inspector_id` text NOT NULL,
	`uscc` text NOT NULL,
	`reason` text NOT NULL,
	PRIMARY KEY(`inspector_id`, `uscc`),
	FOREIGN KEY (`inspector_id`) REFERENCES `inspectors`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `inspectors` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`certificate_no` text NOT NULL,
	`unit` text NOT NULL,
	`qualified` integer DEFAULT true NOT NULL,
	`yearly_cap` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inspectors_certificate_no_unique` ON `inspectors` (`certificate_no`);--> statement-breakpoint
CREATE TABLE `objections` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`uscc` text NOT NULL,
	`record_id` integer NOT NULL,
	`statement` text NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_phone` text NOT NULL,
	`applicant_email` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`outcome_reason` text,
	`accept_by` text NOT NULL,
	`decide_by` text NOT NULL,
	`idempotency_key` text,
	`overdue` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	`grounds` text NOT NULL,
	`outcome` text,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `objections_reference_unique` ON `objections` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `objections_idempotency_key_unique` ON `objections` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `objections_record_status_idx` ON `objections` (`record_id`,`status`);--> statement-breakpoint
CREATE INDEX `objections_status_due_idx` ON `objections` (`status`,`decide_by`);--> statement-breakpoint
CREATE TABLE `repairs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`reference` text NOT NULL,
	`access_code_hash` text NOT NULL,
	`uscc` text NOT NULL,
	`record_id` integer NOT NULL,
	`statement` text NOT NULL,
	`applicant_name` text NOT NULL,
	`applicant_phone` text NOT NULL,
	`applicant_email` text NOT NULL,
	`status` text DEFAULT 'received' NOT NULL,
	`outcome_reason` text,
	`accept_by` text NOT NULL,
	`decide_by` text NOT NULL,
	`idempotency_key` text,
	`overdue` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text,
	`outcome` text,
	`decided_on` text,
	FOREIGN KEY (`record_id`) REFERENCES `credit_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `repairs_reference_unique` ON `repairs` (`reference`);--> statement-breakpoint
CREATE UNIQUE INDEX `repairs_idempotency_key_unique` ON `repairs` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `repairs_record_status_idx` ON `repairs` (`record_id`,`status`);--> statement-breakpoint
CREATE INDEX `repairs_status_due_idx` ON `repairs` (`status`,`decide_by`);--> statement-breakpoint
CREATE INDEX `repairs_outcome_decided_idx` ON `repairs` (`outcome`,`decided_on`);--> statement-breakpoint
CREATE TABLE `sampling_items` (
	`id` text PRIMARY KEY NOT NULL,
	`category` text NOT NULL,
	`name` text NOT NULL,
	`target` text NOT NULL,
	`item_type` text NOT NULL,
	`method` text NOT NULL,
	`ratio_and_frequency` text NOT NULL,
	`authority_and_level` text NOT NULL,
	`basis` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sampling_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`task_id` text NOT NULL,
	`uscc` text NOT NULL,
	`enterprise_name` text NOT NULL,
	`address` text NOT NULL,
	`district_code` text NOT NULL,
	`method` text NOT NULL,
	`inspected_on` text NOT NULL,
	`result` text NOT NULL,
	`follow_up` text,
	`authority` text NOT NULL,
	`published_on` text,
	FOREIGN KEY (`task_id`) REFERENCES `sampling_tasks`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sampling_results_task_uscc_unique` ON `sampling_results` (`task_id`,`uscc`);--> statement-breakpoint
CREATE INDEX `sampling_results_task_result_idx` ON `sampling_results` (`task_id`,`result`);--> statement-breakpoint
CREATE INDEX `sampling_results_uscc_idx` ON `sampling_results` (`uscc`);--> statement-breakpoint
CREATE TABLE `sampling_tasks` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`year` integer NOT NULL,
	`item_id` text NOT NULL,
	`kind` text DEFAULT 'random' NOT NULL,
	`status` text DEFAULT 'planned' NOT NULL,
	`authority` text NOT NULL,
	`scope` text NOT NULL,
	`ratios` text NOT NULL,
	`plan_published_on` text,
	`drawn_on` text,
	`inspect_from` text,
	`inspect_to` text,
	`seed` text,
	`seed_commitment` text,
	`beacon` text,
	`draw` text,
	`candidate_count` integer,
	`selected_count` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `sampling_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sampling_tasks_year_idx` ON `sampling_tasks` (`year`,`id`);