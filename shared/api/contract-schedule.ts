// The retention schedule's calls.
import { z } from 'zod';
import {
  scheduleItemInputSchema,
  type ScheduleItem,
} from '../domain/types';

import { id, none, result, reads, changes, DEPARTMENT } from './contract-kit';

export type ScheduleItemWithUse = ScheduleItem & { folderCount: number };

export const scheduleContract = {
  'schedule.list': { ...reads(DEPARTMENT), input: none, result: result<ScheduleItemWithUse[]>() },
  'schedule.create': { ...changes(DEPARTMENT), input: scheduleItemInputSchema.strict(), result: result<ScheduleItem>() },
  'schedule.update': {
    ...changes(DEPARTMENT),
    input: z.object({ id, item: scheduleItemInputSchema.strict() }).strict(),
    result: result<ScheduleItem>(),
  },
  'schedule.delete': { ...changes(DEPARTMENT), input: z.object({ id }).strict(), result: result<{ deleted: number }>() },
} as const;
