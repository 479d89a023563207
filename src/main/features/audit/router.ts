/** The audit log, for Settings → Audit log. */
import { auditFilterSchema } from '@shared/domain/audit.js';
import { readProcedure, router } from '../../api/trpc.js';
import { listStaffActions } from './list.js';

export const auditRouter = router({
  list: readProcedure.input(auditFilterSchema).query(({ ctx, input }) => listStaffActions(ctx.services.database(), input)),
});
