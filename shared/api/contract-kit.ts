// Small pieces every part of the API contract uses.
import { z } from 'zod';

/** A phantom value carrying a call's result type. */
export const result = <T>() => undefined as unknown as T;
export const id = z.number().int().positive();
export const none = z.object({}).strict();
