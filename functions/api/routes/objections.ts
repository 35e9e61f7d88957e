import { createRouter } from '../router';
import { ObjectionFormSchema } from '../schemas/cases';
import { ObjectionInputSchema } from '../../cases/input';
import { caseRoutes, handleSubmission, handleTracking } from './case-routes';

const { submit, track } = caseRoutes('异议申诉', { json: 'ObjectionInput', form: 'ObjectionForm' });

const router = createRouter();
router.openAPIRegistry.register('ObjectionInput', ObjectionInputSchema);
router.openAPIRegistry.register('ObjectionForm', ObjectionFormSchema);

export const objectionsRoutes = router
  .openapi(submit, (c) => handleSubmission(c, 'objection'))
  .openapi(track, (c) => handleTracking(c, 'objection', c.req.valid('param').reference));
