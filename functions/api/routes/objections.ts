import { createRouter } from '../router';
import { ObjectionFormSchema, ObjectionInputSchema } from '../schemas/cases';
import { caseRoutes, handleSubmission, handleTracking } from './case-routes';

const { submit, track } = caseRoutes('异议申诉', { json: ObjectionInputSchema, form: ObjectionFormSchema });

export const objectionsRoutes = createRouter()
  .openapi(submit, (c) => handleSubmission(c, 'objection'))
  .openapi(track, (c) => handleTracking(c, 'objection', c.req.valid('param').reference));
