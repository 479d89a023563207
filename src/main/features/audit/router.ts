import { auditFilterSchema } from '@shared/domain/audit.js';
import { readProcedure, router } from '../../api/trpc.js';
import { listStaffActions } from '../../core/audit.js';

export const auditRouter = router({
  list: readProcedure.input(auditFilterSchema).query(({ ctx, input }) => listStaffActions(ctx.runtime.database().db, input)),
});
