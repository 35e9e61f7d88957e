import { createRouter } from '../router';
import { caseKindLabels } from '../../domain/labels';
import { ObjectionFormSchema } from '../schemas/cases';
import { ObjectionInputSchema } from '../../cases/input';
import { caseRoutes, handleSubmission, handleTracking } from './case-routes';

const { submit, track } = caseRoutes(caseKindLabels.objection, { json: 'ObjectionInput', form: 'ObjectionForm' });

const router = createRouter();
router.openAPIRegistry.register('ObjectionInput', ObjectionInputSchema);
router.openAPIRegistry.register('ObjectionForm', ObjectionFormSchema);

export const objectionsRoutes = router
  .openapi(submit, (c) => handleSubmission(c, 'objection'))
  .openapi(track, (c) => handleTracking(c, 'objection', c.req.valid('param').reference));
