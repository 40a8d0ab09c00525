// The catalog owner's profile (the department, or the records center for a holdings catalog) and a department's
// address book of records centers (where its transfers may go).
import { z } from 'zod';
import {
  departmentSchema,
  recordsCenterInputSchema,
  type Department,
  type RecordsCenter,
} from '../domain/types';

import { id, none, result, reads, changes, DEPARTMENT } from './contract-kit';

export const profilesContract = {
  'department.get': { ...reads(), input: none, result: result<Department>() },
  'department.update': { ...changes(), input: departmentSchema.strict(), result: result<Department>() },
  'centers.list': { ...reads(DEPARTMENT), input: none, result: result<RecordsCenter[]>() },
  'centers.create': { ...changes(DEPARTMENT), input: recordsCenterInputSchema.strict(), result: result<RecordsCenter>() },
  'centers.update': {
    ...changes(DEPARTMENT),
    input: z.object({ id, center: recordsCenterInputSchema.strict() }).strict(),
    result: result<RecordsCenter>(),
  },
  'centers.delete': { ...changes(DEPARTMENT), input: z.object({ id }).strict(), result: result<{ deleted: number }>() },
} as const;
