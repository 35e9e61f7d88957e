DROP INDEX `sampling_results_task_result_idx`;--> statement-breakpoint
CREATE INDEX `sampling_results_task_published_idx` ON `sampling_results` (`task_id`,`published_on`);--> statement-breakpoint
CREATE INDEX `sampling_results_task_result_idx` ON `sampling_results` (`task_id`,`result`,`published_on`);