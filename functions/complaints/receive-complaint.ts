// Receiving a complaint or report the same way for the API and the no-JavaScript form: the body
// within its limit, the fields, then the gate every public submission passes (receive-case.ts).
import { fieldErrorsFrom, validationFailed } from '../domain/errors';
import { admitSubmission, formFiles, formStrings, type CaseIntake, type SubmissionBody, type SubmissionMeta } from '../cases/receive-case';
import { ComplaintInputSchema, ViolationPeriodSchema, complaintFormToInput } from './input';
import { limitationErrors, submitComplaint } from './submit-complaint';

export async function receiveComplaint(intake: CaseIntake, body: SubmissionBody, meta: SubmissionMeta) {
  const raw = body.type === 'json' ? body.value : complaintFormToInput(formStrings(body.form));
  const parsed = ComplaintInputSchema.safeParse(raw);
  if (!parsed.success) {
    // The limitation is told together with the other mistakes, not only once they are fixed.
    const period = ViolationPeriodSchema.safeParse((raw as { violationPeriod?: unknown } | null)?.violationPeriod);
    const late = period.success ? limitationErrors(period.data, intake.clock.today()) : [];
    const fields = fieldErrorsFrom(parsed.error.issues);
    throw validationFailed([...fields, ...late.filter((l) => !fields.some((f) => f.path === l.path))]);
  }
  await admitSubmission(intake, body, meta);
  // Complaints take only general attachments; a form's other file fields are ignored.
  const files = body.type === 'form' ? formFiles(body.form).filter((f) => f.role === 'attachment') : [];
  return submitComplaint(
    intake.db,
    intake.files,
    { input: parsed.data, files },
    {
      idempotencyKey: meta.idempotencyKey,
      now: intake.clock.now(),
      today: intake.clock.today(),
    },
  );
}
